using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// Partition sizes in bytes, read from a JSON object keyed by topic. Each topic maps either to one number
/// (every partition of the topic has that size) or to an object keyed by partition number:
/// <c>{"orders":1073741824,"clicks":{"0":52428800,"1":61865984}}</c>.
/// </summary>
public sealed class PartitionSizes
{
    private readonly Dictionary<string, long> uniform;
    private readonly Dictionary<(string Topic, int Partition), long> perPartition;

    private PartitionSizes(Dictionary<string, long> uniform, Dictionary<(string, int), long> perPartition)
    {
        this.uniform = uniform;
        this.perPartition = perPartition;
    }

    /// <summary>The size of one partition, or null when the file does not give it.</summary>
    public long? SizeOf(string topic, int partition) =>
        perPartition.TryGetValue((topic, partition), out var size) ? size
        : uniform.TryGetValue(topic, out size) ? size
        : null;

    public static PartitionSizes Empty { get; } = new([], []);

    /// <summary>Parses the sizes file; errors are prefixed with <paramref name="source"/> and the JSON path.</summary>
    public static InputResult<PartitionSizes> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return InputResult.Fail<PartitionSizes>([new Diagnostic(source, $"not valid JSON: {ReassignmentJson.Describe(e)}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InputResult.Fail<PartitionSizes>([new Diagnostic(source, $"expected an object mapping topic to bytes (or to {{\"partition\": bytes}}), got {ReassignmentJson.Kind(root)}")]);
            }

            var errors = new List<Diagnostic>();
            var uniform = new Dictionary<string, long>(StringComparer.Ordinal);
            var perPartition = new Dictionary<(string, int), long>();
            foreach (var topic in root.EnumerateObject())
            {
                var path = ReassignmentJson.Quote(topic.Name);
                if (topic.Value.ValueKind == JsonValueKind.Number)
                {
                    if (TryBytes(topic.Value, out var bytes))
                    {
                        uniform[topic.Name] = bytes;
                    }
                    else
                    {
                        errors.Add(new Diagnostic(source, $"{path}: size must be a non-negative integer number of bytes, got {ReassignmentJson.Kind(topic.Value)}"));
                    }
                }
                else if (topic.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var partition in topic.Value.EnumerateObject())
                    {
                        var partitionPath = $"{path}.{ReassignmentJson.Quote(partition.Name)}";
                        if (!int.TryParse(partition.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                        {
                            errors.Add(new Diagnostic(source, $"{partitionPath}: partition must be a non-negative integer, got {ReassignmentJson.Quote(partition.Name)}"));
                        }
                        else if (!TryBytes(partition.Value, out var bytes))
                        {
                            errors.Add(new Diagnostic(source, $"{partitionPath}: size must be a non-negative integer number of bytes, got {ReassignmentJson.Kind(partition.Value)}"));
                        }
                        else
                        {
                            perPartition[(topic.Name, id)] = bytes;
                        }
                    }
                }
                else
                {
                    errors.Add(new Diagnostic(source, $"{path}: expected bytes (a number) or an object of partition -> bytes, got {ReassignmentJson.Kind(topic.Value)}"));
                }
            }

            return errors.Count > 0 ? InputResult.Fail<PartitionSizes>(errors) : InputResult.Ok<PartitionSizes>(new PartitionSizes(uniform, perPartition));
        }
    }

    private static bool TryBytes(JsonElement e, out long bytes)
    {
        bytes = -1;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out bytes) && bytes >= 0;
    }
}
