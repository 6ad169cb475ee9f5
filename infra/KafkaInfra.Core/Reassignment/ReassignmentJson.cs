using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// Reads and writes the partition-assignment JSON of Kafka's <c>kafka-reassign-partitions</c> tool:
/// <c>{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2,3],"log_dirs":["any","any","any"]}]}</c>.
/// </summary>
public static class ReassignmentJson
{
    /// <summary>
    /// Parses an assignment (as printed by <c>kafka-reassign-partitions --generate</c> under "Current partition replica assignment",
    /// or by <c>kafka-topics --describe</c> converted to this shape). <c>log_dirs</c> and unknown fields are ignored.
    /// Errors are prefixed with <paramref name="source"/> and the JSON path, e.g. <c>current.json: partitions[3].replicas: ...</c>.
    /// </summary>
    public static InputResult<IReadOnlyList<PartitionReplicas>> ParseAssignment(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return InputResult.Fail<IReadOnlyList<PartitionReplicas>>([new Diagnostic(source, $"not valid JSON: {Describe(e)}")]);
        }

        using (document)
        {
            var errors = new List<Diagnostic>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InputResult.Fail<IReadOnlyList<PartitionReplicas>>([new Diagnostic(source, $"expected a JSON object with \"version\" and \"partitions\", got {Kind(root)}")]);
            }

            if (root.TryGetProperty("version", out var version)
                && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) && v == 1))
            {
                errors.Add(new Diagnostic(source, $"version: only version 1 is supported, got {version.GetRawText()}"));
            }

            if (!root.TryGetProperty("partitions", out var partitions))
            {
                errors.Add(new Diagnostic(source, $"partitions: required field is missing"));
                return InputResult.Fail<IReadOnlyList<PartitionReplicas>>(errors);
            }

            if (partitions.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new Diagnostic(source, $"partitions: expected an array, got {Kind(partitions)}"));
                return InputResult.Fail<IReadOnlyList<PartitionReplicas>>(errors);
            }

            var result = new List<PartitionReplicas>(partitions.GetArrayLength());
            var seen = new Dictionary<(string, int), int>();
            var index = 0;
            foreach (var entry in partitions.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"partitions[{index}]");
                var parsed = ParseEntry(entry, source, path, errors);
                if (parsed is not null)
                {
                    if (seen.TryGetValue((parsed.Topic, parsed.Partition), out var first))
                    {
                        errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"{path}: duplicate entry for topic \"{parsed.Topic}\" partition {parsed.Partition} (first at partitions[{first}])")));
                    }
                    else
                    {
                        seen.Add((parsed.Topic, parsed.Partition), index);
                        result.Add(parsed);
                    }
                }

                index++;
            }

            return errors.Count > 0 ? InputResult.Fail<IReadOnlyList<PartitionReplicas>>(errors) : InputResult.Ok<IReadOnlyList<PartitionReplicas>>(result);
        }
    }

    /// <summary>
    /// Writes a reassignment file that <c>kafka-reassign-partitions --execute --reassignment-json-file</c> accepts,
    /// one partition per line, with <c>"log_dirs":["any",...]</c>.
    /// </summary>
    public static string WriteReassignment(IEnumerable<PartitionReplicas> partitions)
    {
        var sb = new StringBuilder();
        sb.Append("{\"version\":1,\"partitions\":[");
        var first = true;
        foreach (var p in partitions)
        {
            sb.Append(first ? "\n  " : ",\n  ");
            first = false;
            sb.Append("{\"topic\":").Append(Quote(p.Topic))
              .Append(",\"partition\":").Append(p.Partition.ToString(CultureInfo.InvariantCulture))
              .Append(",\"replicas\":[").AppendJoin(',', p.Replicas.Select(r => r.ToString(CultureInfo.InvariantCulture)))
              .Append("],\"log_dirs\":[").AppendJoin(',', p.Replicas.Select(_ => "\"any\""))
              .Append("]}");
        }

        sb.Append(first ? "]}\n" : "\n]}\n");
        return sb.ToString();
    }

    internal static string Quote(string text) => JsonSerializer.Serialize(text);

    internal static string Describe(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {column + 1}: {FirstSentence(e.Message)}")
            : FirstSentence(e.Message);

    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "string " + e.GetRawText(),
        JsonValueKind.Number => "number " + e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 1." which we already report in our own words.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? text[..cut] : text).TrimEnd();
    }

    private static PartitionReplicas? ParseEntry(JsonElement entry, string source, string path, List<Diagnostic> errors)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new Diagnostic(source, $"{path}: expected an object with \"topic\", \"partition\" and \"replicas\", got {Kind(entry)}"));
            return null;
        }

        var ok = true;
        string? topic = null;
        if (!entry.TryGetProperty("topic", out var topicElement))
        {
            errors.Add(new Diagnostic(source, $"{path}.topic: required field is missing"));
            ok = false;
        }
        else if (topicElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(topicElement.GetString()))
        {
            errors.Add(new Diagnostic(source, $"{path}.topic: expected a non-empty string, got {Kind(topicElement)}"));
            ok = false;
        }
        else
        {
            topic = topicElement.GetString();
        }

        var partition = -1;
        if (!entry.TryGetProperty("partition", out var partitionElement))
        {
            errors.Add(new Diagnostic(source, $"{path}.partition: required field is missing"));
            ok = false;
        }
        else if (!TryNonNegativeInt(partitionElement, out partition))
        {
            errors.Add(new Diagnostic(source, $"{path}.partition: expected a non-negative integer, got {Kind(partitionElement)}"));
            ok = false;
        }

        var replicas = new List<int>();
        if (!entry.TryGetProperty("replicas", out var replicasElement))
        {
            errors.Add(new Diagnostic(source, $"{path}.replicas: required field is missing"));
            ok = false;
        }
        else if (replicasElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new Diagnostic(source, $"{path}.replicas: expected an array of broker ids, got {Kind(replicasElement)}"));
            ok = false;
        }
        else if (replicasElement.GetArrayLength() == 0)
        {
            errors.Add(new Diagnostic(source, $"{path}.replicas: expected at least one broker id, got []"));
            ok = false;
        }
        else
        {
            var i = 0;
            foreach (var r in replicasElement.EnumerateArray())
            {
                if (TryNonNegativeInt(r, out var broker))
                {
                    replicas.Add(broker);
                }
                else
                {
                    errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"{path}.replicas[{i}]: broker id must be a non-negative integer, got {Kind(r)}")));
                    ok = false;
                }

                i++;
            }

            if (ok)
            {
                var duplicate = replicas.GroupBy(r => r).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null)
                {
                    errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"{path}.replicas: broker {duplicate.Key} appears twice in [{string.Join(',', replicas)}]")));
                    ok = false;
                }
            }
        }

        return ok ? new PartitionReplicas(topic!, partition, replicas) : null;
    }

    private static bool TryNonNegativeInt(JsonElement e, out int value)
    {
        value = -1;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value) && value >= 0;
    }
}
