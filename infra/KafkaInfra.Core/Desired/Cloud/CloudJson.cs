using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>
/// Specs as JSON: property names camelCase as the Pulumi schema names inputs (IAM policy documents keep IAM's
/// element names), nulls left out, lists and maps in order. A reference is written
/// <c>{"$ref": "resource.output"}</c>, with <c>"mskArn": {"resource": "topic", "name": "orders"}</c> when an ARN is
/// built from it. <c>kafka-infra render</c> writes exactly this, so the rendered files are the records the program maps.
/// </summary>
public static class CloudJson
{
    private static readonly JsonSerializerOptions Options = Create(null, null);

    /// <summary>A spec's inputs as a JSON object.</summary>
    public static JsonObject Properties(CloudSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JsonSerializer.SerializeToNode(spec, spec.GetType(), Options)!.AsObject();
    }

    /// <summary>Every reference a spec makes, in the order met (each once), collected while the spec is written.</summary>
    public static IReadOnlyList<OutputRef> Refs(CloudSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var found = new List<OutputRef>();
        _ = JsonSerializer.SerializeToUtf8Bytes(spec, spec.GetType(), Create(null, found));
        return found;
    }

    /// <summary>A policy document as compact JSON with each reference resolved by <paramref name="resolve"/> (the text IAM receives).</summary>
    public static string PolicyText(PolicyDocument document, Func<OutputRef, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resolve);
        return JsonSerializer.Serialize(document, Create(resolve, null));
    }

    /// <summary>Every reference in a policy document, each once.</summary>
    public static IReadOnlyList<OutputRef> Refs(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Statement.SelectMany(s => s.Resource ?? []).OfType<Text.Ref>().Select(r => r.Source).Distinct().ToArray();
    }

    /// <summary>Options that resolve references with <paramref name="resolve"/> (else write them as <c>$ref</c> objects) and add each one met to <paramref name="found"/>.</summary>
    private static JsonSerializerOptions Create(Func<OutputRef, string>? resolve, List<OutputRef>? found)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new TextConverter(resolve, found));
        options.Converters.Add(new OutputRefConverter(found));
        options.Converters.Add(new StringMapConverter());
        options.Converters.Add(new JsonStringEnumConverter<KafkaSaslMechanism>());
        return options;
    }

    private static void Note(List<OutputRef>? found, OutputRef reference)
    {
        if (found is not null && !found.Contains(reference))
        {
            found.Add(reference);
        }
    }

    private static void WriteRef(Utf8JsonWriter writer, OutputRef reference, MskArnOf? arn)
    {
        writer.WriteStartObject();
        writer.WriteString("$ref", $"{reference.Resource}.{reference.OutputName}");
        if (arn is not null)
        {
            writer.WriteStartObject("mskArn");
            writer.WriteString("resource", arn.ResourceType);
            writer.WriteString("name", arn.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private sealed class TextConverter(Func<OutputRef, string>? resolve, List<OutputRef>? found) : JsonConverter<Text>
    {
        public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are written, not read");

        public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case Text.Literal l:
                    writer.WriteStringValue(l.Value);
                    break;
                case Text.Ref r when resolve is not null:
                    Note(found, r.Source);
                    writer.WriteStringValue(r.Resolve(resolve));
                    break;
                case Text.Ref r:
                    Note(found, r.Source);
                    WriteRef(writer, r.Source, r.MskArn);
                    break;
            }
        }
    }

    private sealed class OutputRefConverter(List<OutputRef>? found) : JsonConverter<OutputRef>
    {
        public override OutputRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are written, not read");

        public override void Write(Utf8JsonWriter writer, OutputRef value, JsonSerializerOptions options)
        {
            Note(found, value);
            WriteRef(writer, value, null);
        }
    }

    private sealed class StringMapConverter : JsonConverter<StringMap>
    {
        public override StringMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("specs are written, not read");

        public override void Write(Utf8JsonWriter writer, StringMap value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (k, v) in value)
            {
                writer.WriteString(k, v);
            }

            writer.WriteEndObject();
        }
    }
}
