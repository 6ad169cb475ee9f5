using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>Collects errors while the config is read, so every problem is reported at once.</summary>
internal sealed class ErrorBag
{
    private readonly List<Diagnostic> _errors = [];

    public IReadOnlyList<Diagnostic> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(string path, string message) => _errors.Add(new Diagnostic(path, message));
}

/// <summary>Describes a JSON value the way a user wrote it, for "got ..." in messages.</summary>
internal static class Describe
{
    private const int MaxShown = 60;

    public static string Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Quote(e.GetString() ?? ""),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null (an empty value)",
        JsonValueKind.Object when IsSecure(e) => "a secret (secure:), which kafka-infra cannot decrypt offline and refuses in its keys: they are written in plain text into the resources it declares",
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        _ => e.GetRawText(),
    };

    /// <summary>
    /// A value Pulumi encrypted in the stack file: a mapping whose only key is <c>secure</c>. The engine decrypts it for the
    /// program; offline (the CLI) it is ciphertext, which no message may echo.
    /// </summary>
    public static bool IsSecure(JsonElement e)
    {
        using var properties = e.EnumerateObject();
        return properties.MoveNext() && properties.Current.Name == "secure" && !properties.MoveNext();
    }

    /// <summary>
    /// ", a quoted string; write it without quotes" when a string holds what the key wanted (a number, or true/false),
    /// else "": YAML keeps a quoted 12 as text, which is the usual reason a number is refused.
    /// </summary>
    public static string QuotedHint(JsonElement e, bool number)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var s = e.GetString()!.Trim();
        var fits = number
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            : s is "true" or "false";
        return fits && s.Length > 0 ? ", a quoted string; write it without quotes" : "";
    }

    /// <summary>
    /// For a number where text was expected (<c>kafkaVersion: 3.9</c>): YAML reads an unquoted 3.9 as a number, and
    /// would read 3.10 as 3.1, so the value must be quoted. "" for anything else.
    /// </summary>
    public static string UnquotedNumberHint(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number
            ? $"; YAML reads an unquoted {e.GetRawText()} as a number (and 3.10 as 3.1): quote it, \"{e.GetRawText()}\""
            : "";

    public static string Quote(string s)
    {
        var shown = s.Length > MaxShown ? s[..MaxShown] + "..." : s;
        return JsonSerializer.Serialize(shown, CoreJson.Display.String);
    }
}
