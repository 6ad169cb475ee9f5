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

/// <summary>
/// Reads one YAML/JSON mapping of the stack config with its key path, checking types and ranges and
/// reporting unknown keys (with a "did you mean"). Every problem goes to the shared <see cref="ErrorBag"/>.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly ErrorBag _errors;

    public ObjectReader(JsonElement element, string path, ErrorBag errors, params string[] knownKeys)
    {
        _element = element;
        Path = path;
        _errors = errors;
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(knownKeys, property.Name) < 0)
            {
                errors.Add(Child(property.Name), UnknownKeyMessage(property.Name, knownKeys));
            }
        }
    }

    public string Path { get; }

    public string Child(string key) => $"{Path}.{key}";

    public ErrorBag Errors => _errors;

    public bool Has(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The value of a key as it is (cloned, for pass-through mappings), null when absent or null.</summary>
    public JsonElement? Raw(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null;

    /// <summary>True when the key is present, even with an empty (null) value.</summary>
    public bool HasKey(string key) => _element.TryGetProperty(key, out _);

    /// <summary>Reads an object-typed child where an empty value means an empty mapping; null (with an error) when it is something else.</summary>
    public ObjectReader? ObjectOrEmpty(string key, params string[] knownKeys)
    {
        if (_element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Null)
        {
            using var empty = JsonDocument.Parse("{}");
            return new ObjectReader(empty.RootElement.Clone(), Child(key), _errors, knownKeys);
        }

        return Object(key, required: true, knownKeys);
    }

    /// <summary>Reads an object-typed child; null (with an error) when it is not a mapping.</summary>
    public ObjectReader? Object(string key, bool required, params string[] knownKeys)
    {
        if (!TryGet(key, required, "a mapping", out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(Child(key), $"must be a mapping, got {Describe.Value(v)}");
            return null;
        }

        return new ObjectReader(v, Child(key), _errors, knownKeys);
    }

    /// <summary>Enumerates a list-typed child as (element, path) pairs.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> List(string key, bool required = false)
    {
        if (!TryGet(key, required, "a list", out var v))
        {
            return [];
        }

        return ListOf(v, Child(key), _errors);
    }

    public static IReadOnlyList<(JsonElement Element, string Path)> ListOf(JsonElement v, string path, ErrorBag errors)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be a list, got {Describe.Value(v)}");
            return [];
        }

        var items = new List<(JsonElement, string)>(v.GetArrayLength());
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            items.Add((item, $"{path}[{i}]"));
            i++;
        }

        return items;
    }

    public string? String(string key, bool required = false, string? @default = null, string? expected = null)
    {
        if (!TryGet(key, required, expected ?? "a string", out var v))
        {
            return @default;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            _errors.Add(Child(key), $"must be a string, got {Describe.Value(v)}{Describe.UnquotedNumberHint(v)}");
            return @default;
        }

        var s = v.GetString()!;
        if (s.Length == 0 && required)
        {
            _errors.Add(Child(key), $"must not be empty; expected {expected ?? "a string"}");
        }

        return s;
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var result = new List<string>();
        foreach (var (e, p) in List(key, required))
        {
            if (e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0)
            {
                result.Add(e.GetString()!);
            }
            else
            {
                _errors.Add(p, $"must be a non-empty string, got {Describe.Value(e)}");
            }
        }

        return result;
    }

    public T? Enum<T>(string key, T @default, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var s = String(key, expected: "one of " + string.Join(", ", values.Keys));
        if (s is null)
        {
            return @default;
        }

        if (values.TryGetValue(s, out var value))
        {
            return value;
        }

        _errors.Add(Child(key), $"must be one of {string.Join(", ", values.Keys)}; got {Describe.Quote(s)}");
        return null;
    }

    public bool Bool(string key, bool @default)
    {
        if (!TryGet(key, required: false, "true or false", out var v))
        {
            return @default;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        _errors.Add(Child(key), $"must be true or false, got {Describe.Value(v)}{Describe.QuotedHint(v, number: false)}");
        return @default;
    }

    /// <summary>An integer key of the key table, in the range the table gives it.</summary>
    public long? Long(ConfigKeyInfo key, bool required = false, long? @default = null) =>
        ReadInteger(key.Name, key.Range!.Min, key.Range.Max, required, @default, key.Range.ExclusiveMin);

    /// <summary>An integer key of the key table, in the range the table gives it.</summary>
    public int? Int(ConfigKeyInfo key, bool required = false, int? @default = null) =>
        (int?)ReadInteger(key.Name, key.Range!.Min, key.Range.Max, required, @default, key.Range.ExclusiveMin);

    /// <summary>A number key of the key table (its minimum is excluded), in the range the table gives it.</summary>
    public double? Double(ConfigKeyInfo key, bool required = false) => Double(key.Name, key.Range!.Min, key.Range.Max, required);

    public long? Long(string key, long min, long max, bool required = false, long? @default = null, bool exclusiveMinimum = false) =>
        ReadInteger(key, min, max, required, @default, exclusiveMinimum);

    public int? Int(string key, int min, int max, bool required = false, int? @default = null, bool exclusiveMinimum = false) =>
        (int?)ReadInteger(key, min, max, required, @default, exclusiveMinimum);

    public double? Double(string key, double minExclusive, double max, bool required = false)
    {
        if (!TryGet(key, required, "a number", out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || double.IsInfinity(d))
        {
            _errors.Add(Child(key), $"must be a number, got {Describe.Value(v)}{Describe.QuotedHint(v, number: true)}");
            return null;
        }

        if (d <= minExclusive)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be > {minExclusive}, got {v.GetRawText()}"));
            return null;
        }

        if (d > max)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {v.GetRawText()}"));
            return null;
        }

        return d;
    }

    /// <summary>A mapping of string keys to scalar values, all kept as strings (as Kafka configs are).</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(key, required: false, "a mapping", out var v))
        {
            return result;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(Child(key), $"must be a mapping of names to values, got {Describe.Value(v)}");
            return result;
        }

        foreach (var property in v.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    result[property.Name] = value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    result[property.Name] = value.GetRawText();
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    result[property.Name] = value.GetBoolean() ? "true" : "false";
                    break;
                default:
                    _errors.Add($"{Child(key)}.{property.Name}", $"must be a string, number or boolean, got {Describe.Value(value)}");
                    break;
            }
        }

        return result;
    }

    private long? ReadInteger(string key, long min, long max, bool required, long? @default, bool exclusiveMinimum)
    {
        if (!TryGet(key, required, null, out var v, exclusiveMinimum ? "an integer > " : "an integer >= ", min))
        {
            return @default;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            _errors.Add(Child(key), $"must be an integer, got {Describe.Value(v)}{Describe.QuotedHint(v, number: true)}");
            return null;
        }

        if (!v.TryGetInt64(out var n))
        {
            // A fraction or exponent form (12.0, 1e6) is not an integer, whatever its value; only plain digits beyond
            // 64 bits are "too large".
            var text = v.GetRawText();
            _errors.Add(Child(key), text.AsSpan().IndexOfAny(".eE") >= 0
                ? $"must be an integer, got {text}"
                : string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {text}"));
            return null;
        }

        if (exclusiveMinimum ? n <= min : n < min)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be {(exclusiveMinimum ? ">" : ">=")} {min}, got {n}"));
            return null;
        }

        if (n > max)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {n}"));
            return null;
        }

        return n;
    }

    private bool TryGet(string key, bool required, string? expected, out JsonElement value, string? expectedPrefix = null, long bound = 0)
    {
        if (_element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            // The expectation text is built only when it is shown (this runs for every field of every entry).
            var text = expected ?? expectedPrefix + bound.ToString(CultureInfo.InvariantCulture);
            _errors.Add(Child(key), $"is required; expected {text}");
        }

        return false;
    }

    public static string UnknownKeyMessage(string key, IReadOnlyList<string> known)
    {
        var suggestion = Suggest.Closest(key, known) ?? Suggest.Alias(key, known);
        return suggestion is not null
            ? $"unknown key; did you mean '{suggestion}'?"
            : $"unknown key; expected one of: {string.Join(", ", known)}";
    }
}
