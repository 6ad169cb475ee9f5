using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// Reads and writes the partition-assignment JSON of Kafka's <c>kafka-reassign-partitions</c> tool:
/// <c>{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2,3],"log_dirs":["any","any","any"]}]}</c>.
/// </summary>
public static partial class ReassignmentJson
{
    /// <summary>
    /// Parses an assignment (as printed by <c>kafka-reassign-partitions --generate</c> under "Current partition replica assignment",
    /// or by <c>kafka-topics --describe</c> converted to this shape). <c>log_dirs</c> and unknown fields are ignored.
    /// Errors are prefixed with <paramref name="source"/> and the JSON path, e.g. <c>current.json: partitions[3].replicas: ...</c>.
    /// </summary>
    public static InputResult<IReadOnlyList<PartitionReplicas>> ParseAssignment(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseAssignment(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>
    /// <see cref="ParseAssignment(string, string)"/> over the file's UTF-8 bytes (a leading byte-order mark is skipped):
    /// the document reads the bytes in place, without a string copy of a file that can be 100 MB.
    /// </summary>
    public static InputResult<IReadOnlyList<PartitionReplicas>> ParseAssignment(ReadOnlyMemory<byte> utf8, string source)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        return TryParseWellFormed(utf8.Span) is { } partitions
            ? InputResult.Ok<IReadOnlyList<PartitionReplicas>>(partitions)
            : ParseWithDocument(utf8, source);
    }

    /// <summary>The document path: slower, and the one that words every error.</summary>
    internal static InputResult<IReadOnlyList<PartitionReplicas>> ParseWithDocument(ReadOnlyMemory<byte> utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
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
            string? lastTopic = null;
            foreach (var entry in partitions.EnumerateArray())
            {
                var parsed = ParseEntry(entry, source, index, ref lastTopic, errors);
                if (parsed is not null)
                {
                    if (seen.TryGetValue((parsed.Topic, parsed.Partition), out var first))
                    {
                        errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"partitions[{index}]: duplicate entry for topic \"{parsed.Topic}\" partition {parsed.Partition} (first at partitions[{first}])")));
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
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteReassignment(partitions, text);
        return text.ToString();
    }

    /// <summary>
    /// <see cref="WriteReassignment(IEnumerable{PartitionReplicas})"/> straight into <paramref name="output"/> (a file or
    /// stdout), so a plan of a million partitions is never held as one string.
    /// </summary>
    public static void WriteReassignment(IEnumerable<PartitionReplicas> partitions, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"version\":1,\"partitions\":[");
        var first = true;
        string? topic = null, quoted = null;
        Span<char> number = stackalloc char[11];
        foreach (var p in partitions)
        {
            output.Write(first ? "\n  " : ",\n  ");
            first = false;
            if (!ReferenceEquals(p.Topic, topic))
            {
                (topic, quoted) = (p.Topic, Quote(p.Topic)); // entries of one topic are consecutive: quote it once
            }

            output.Write("{\"topic\":");
            output.Write(quoted);
            output.Write(",\"partition\":");
            WriteInt(output, p.Partition, number);
            output.Write(",\"replicas\":[");
            for (var i = 0; i < p.Replicas.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                WriteInt(output, p.Replicas[i], number);
            }

            output.Write("],\"log_dirs\":[");
            for (var i = 0; i < p.Replicas.Count; i++)
            {
                output.Write(i == 0 ? "\"any\"" : ",\"any\"");
            }

            output.Write("]}");
        }

        output.Write(first ? "]}\n" : "\n]}\n");
    }

    private static void WriteInt(TextWriter output, int value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
        output.Write(buffer[..length]);
    }

    internal static string Quote(string text) => JsonSerializer.Serialize(text, CoreJson.Default.String);

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

    /// <summary>
    /// One entry, or null after adding its errors. Consecutive entries of one topic share one topic string
    /// (<paramref name="lastTopic"/>), and the entry's path is only formatted for an error: a million-partition file
    /// then allocates little beyond the partitions themselves.
    /// </summary>
    private static PartitionReplicas? ParseEntry(JsonElement entry, string source, int index, ref string? lastTopic, List<Diagnostic> errors)
    {
        string At() => string.Create(CultureInfo.InvariantCulture, $"partitions[{index}]");
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new Diagnostic(source, $"{At()}: expected an object with \"topic\", \"partition\" and \"replicas\", got {Kind(entry)}"));
            return null;
        }

        var ok = true;
        string? topic = null;
        if (!entry.TryGetProperty("topic", out var topicElement))
        {
            errors.Add(new Diagnostic(source, $"{At()}.topic: required field is missing"));
            ok = false;
        }
        else if (topicElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(topicElement.GetString()))
        {
            errors.Add(new Diagnostic(source, $"{At()}.topic: expected a non-empty string, got {Kind(topicElement)}"));
            ok = false;
        }
        else
        {
            topic = lastTopic is not null && topicElement.ValueEquals(lastTopic) ? lastTopic : topicElement.GetString();
            lastTopic = topic;
        }

        var partition = -1;
        if (!entry.TryGetProperty("partition", out var partitionElement))
        {
            errors.Add(new Diagnostic(source, $"{At()}.partition: required field is missing"));
            ok = false;
        }
        else if (!TryNonNegativeInt(partitionElement, out partition))
        {
            errors.Add(new Diagnostic(source, $"{At()}.partition: expected a non-negative integer, got {Kind(partitionElement)}"));
            ok = false;
        }

        var replicas = Array.Empty<int>();
        if (!entry.TryGetProperty("replicas", out var replicasElement))
        {
            errors.Add(new Diagnostic(source, $"{At()}.replicas: required field is missing"));
            ok = false;
        }
        else if (replicasElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new Diagnostic(source, $"{At()}.replicas: expected an array of broker ids, got {Kind(replicasElement)}"));
            ok = false;
        }
        else if (replicasElement.GetArrayLength() == 0)
        {
            errors.Add(new Diagnostic(source, $"{At()}.replicas: expected at least one broker id, got []"));
            ok = false;
        }
        else
        {
            replicas = new int[replicasElement.GetArrayLength()];
            var i = 0;
            foreach (var r in replicasElement.EnumerateArray())
            {
                if (TryNonNegativeInt(r, out var broker))
                {
                    replicas[i] = broker;
                }
                else
                {
                    errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"{At()}.replicas[{i}]: broker id must be a non-negative integer, got {Kind(r)}")));
                    ok = false;
                }

                i++;
            }

            if (ok)
            {
                if (FirstRepeated(replicas) is { } duplicate)
                {
                    errors.Add(new Diagnostic(source, string.Create(CultureInfo.InvariantCulture, $"{At()}.replicas: broker {duplicate} appears twice in [{string.Join(',', replicas)}]")));
                    ok = false;
                }
            }
        }

        return ok ? new PartitionReplicas(topic!, partition, replicas) : null;
    }

    /// <summary>The first broker (in list order) that appears again later in the list, or null.</summary>
    private static int? FirstRepeated(int[] replicas)
    {
        for (var i = 0; i < replicas.Length; i++)
        {
            for (var j = i + 1; j < replicas.Length; j++)
            {
                if (replicas[i] == replicas[j])
                {
                    return replicas[i];
                }
            }
        }

        return null;
    }

    private static bool TryNonNegativeInt(JsonElement e, out int value)
    {
        value = -1;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value) && value >= 0;
    }
}
