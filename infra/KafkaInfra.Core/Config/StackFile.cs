using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KafkaInfra.Core.Config;

/// <summary>The raw config values of a <c>Pulumi.&lt;stack&gt;.yaml</c> file, or why they could not be read.</summary>
public sealed record StackFileResult(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<Diagnostic> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

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

    /// <summary>Parses the text of a stack file. <paramref name="fileName"/> names it in messages.</summary>
    public static StackFileResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var errors = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new Diagnostic(fileName, "is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new Diagnostic(Location(fileName, e.Start), "is not valid YAML: " + Clean(e)));
            return new StackFileResult(values, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            errors.Add(new Diagnostic(fileName, "is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new Diagnostic(fileName, "must be a YAML mapping with a 'config:' key"));
            return new StackFileResult(values, errors);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is YamlScalarNode { Value: null or "" })
        {
            errors.Add(new Diagnostic(fileName, "has no 'config:' mapping; expected config: with kafka-infra:cluster and the other kafka-infra keys"));
            return new StackFileResult(values, errors);
        }

        if (configNode is not YamlMappingNode config)
        {
            errors.Add(new Diagnostic($"{fileName}: config", "must be a mapping of config keys to values"));
            return new StackFileResult(values, errors);
        }

        foreach (var (keyNode, valueNode) in config.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                errors.Add(new Diagnostic(Location(fileName, keyNode.Start), "config keys must be plain names such as kafka-infra:cluster"));
                continue;
            }

            if (valueNode is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("secure")))
            {
                if (key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal))
                {
                    errors.Add(new Diagnostic(key, "is a secret; kafka-infra reads stack files offline and cannot decrypt it. Keep secrets out of the kafka-infra keys"));
                }

                continue;
            }

            values[key] = valueNode switch
            {
                YamlScalarNode s => s.Value,
                _ => ToJson(valueNode),
            };
        }

        return new StackFileResult(values, errors);
    }

    /// <summary>Serialises a YAML node as the JSON text Pulumi hands a program for a structured value.</summary>
    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (k, v) in mapping.Children)
                {
                    writer.WritePropertyName(k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString());
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
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

    private static string Clean(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is already in the path.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
