using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace KafkaInfra.Core.Config;

/// <summary>The raw config values of a <c>Pulumi.&lt;stack&gt;.yaml</c> file, or why they could not be read.</summary>
public sealed record StackFileResult(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<Diagnostic> Errors)
    : Result<IReadOnlyDictionary<string, string?>>(Values, Errors, [], []);

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> file's <c>config:</c> mapping into the same raw values the
/// Pulumi engine hands a program: top-level scalars as strings, structured values as JSON text. YAML scalars
/// are typed as Pulumi types them (YAML 1.2 core schema): plain <c>true</c>/<c>false</c> become booleans,
/// plain integers and decimals numbers, everything quoted stays a string.
/// </summary>
public static partial class StackFile
{
    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    /// <summary>
    /// Parses the text of a stack file. <paramref name="fileName"/> names it in messages. Never throws for bad input:
    /// malformed, oversized or hostile YAML gives one error with the file position, within <see cref="InputLimits"/>.
    /// Keys kafka-infra reads (<c>kafka-infra:*</c> and <c>aws:region</c>) get their values; other keys are listed
    /// with scalar values as written and structured values as null, never expanded.
    /// </summary>
    public static StackFileResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new StackValueDictionary();
        var errors = new List<Diagnostic>();
        if (text.Length > InputLimits.MaxFileBytes)
        {
            errors.Add(new Diagnostic(fileName, TooLarge));
            return new StackFileResult(values, errors);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new Diagnostic(fileName, "is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        YNode? document;
        try
        {
            document = YamlTree.Read(text);
        }
        catch (YamlTreeException e)
        {
            errors.Add(new Diagnostic(e.At is { } at ? Location(fileName, at) : fileName, e.Message));
            return new StackFileResult(values, errors);
        }

        if (document is null or YScalar { Value: "" })
        {
            errors.Add(new Diagnostic(fileName, "is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        if (document is not YMapping root)
        {
            errors.Add(new Diagnostic(fileName, "must be a YAML mapping with a 'config:' key"));
            return new StackFileResult(values, errors);
        }

        var configNode = root["config"];
        if (configNode is null or YScalar { Value: "" })
        {
            errors.Add(new Diagnostic(fileName, "has no 'config:' mapping; expected config: with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        if (configNode is not YMapping config)
        {
            errors.Add(new Diagnostic($"{fileName}: config", "must be a mapping of config keys to values"));
            return new StackFileResult(values, errors);
        }

        foreach (var (keyNode, valueNode) in config.Entries)
        {
            var key = keyNode.Value;
            if (key.Length == 0)
            {
                errors.Add(new Diagnostic(Location(fileName, keyNode.Start), "config keys must be plain names such as kafka-infra:cluster"));
                continue;
            }

            if (valueNode is YMapping m && m["secure"] is not null)
            {
                if (key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal))
                {
                    errors.Add(new Diagnostic(key, "is a secret; kafka-infra reads stack files offline and cannot decrypt it. Keep secrets out of the kafka-infra keys"));
                }

                continue;
            }

            if (valueNode is YScalar s)
            {
                values.SetText(key, s.Value);
            }
            else if (!IsRead(key))
            {
                values.SetText(key, null);
            }
            else if (valueNode.ExpandedNodes > InputLimits.MaxExpandedNodes || valueNode.ExpandedChars > InputLimits.MaxValueChars)
            {
                errors.Add(new Diagnostic(Location(fileName, valueNode.Start), string.Create(CultureInfo.InvariantCulture,
                    $"{key} expands (YAML aliases counted at each use) to more than the limit of {InputLimits.MaxExpandedNodes:N0} nodes or {InputLimits.MaxValueChars:N0} characters for one config value")));
            }
            else
            {
                values.SetJson(key, ToUtf8Json(valueNode));
            }
        }

        return new StackFileResult(values, errors);
    }

    /// <summary>The message for a stack file beyond <see cref="InputLimits.MaxFileBytes"/>.</summary>
    public static string TooLarge { get; } = string.Create(CultureInfo.InvariantCulture,
        $"is larger than {InputLimits.MaxFileBytes:N0} bytes, the limit for a stack file; nothing was read");

    /// <summary>Whether kafka-infra reads the value of <paramref name="key"/> (its own namespace and the AWS region fallback).</summary>
    private static bool IsRead(string key) =>
        key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal) || key == "aws:region";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Serialises a node (within the limits, checked by the caller) as UTF-8 of the JSON text Pulumi hands a program
    /// for a structured value.
    /// </summary>
    private static ReadOnlyMemory<byte> ToUtf8Json(YNode node)
    {
        // Sized from the node's own estimate of its JSON length, so a large value (10,000 topics are megabytes) is
        // written into one buffer instead of one that doubles and is copied again at the end.
        var buffer = new Utf8Buffer((int)Math.Clamp(node.ExpandedChars + 64, 256, InputLimits.MaxValueChars));
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            Write(writer, node);
        }

        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, YNode node)
    {
        switch (node)
        {
            case YMapping mapping:
                writer.WriteStartObject();
                foreach (var (k, v) in mapping.Entries)
                {
                    writer.WritePropertyName(k.Value);
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
            case YSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YScalar scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YScalar scalar)
    {
        var value = scalar.Value;
        if (!scalar.IsPlain)
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (IntegerPattern().IsMatch(value) || FloatPattern().IsMatch(value))
        {
            // Keep the digits as written (even beyond 64 bits) so validation can say what it received.
            var raw = value.TrimStart('+');
            if (raw.StartsWith('.'))
            {
                raw = "0" + raw;
            }
            else if (raw.StartsWith("-.", StringComparison.Ordinal))
            {
                raw = "-0" + raw[1..];
            }

            if (raw.EndsWith('.'))
            {
                raw += "0";
            }

            raw = Regex.Replace(raw, @"^(-?)0+([0-9])", "$1$2", RegexOptions.CultureInvariant);
            raw = raw.Replace(".e", ".0e", StringComparison.OrdinalIgnoreCase);
            writer.WriteRawValue(raw, skipInputValidation: false);
            return;
        }

        writer.WriteStringValue(value);
    }

    private static string Location(string fileName, Mark mark) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{mark.Line}:{mark.Column}");
}
