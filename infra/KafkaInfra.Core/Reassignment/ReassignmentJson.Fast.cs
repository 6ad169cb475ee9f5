using System.Text.Json;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// The streaming path for well-formed assignments: one forward pass of <see cref="Utf8JsonReader"/> over the file's
/// bytes, with no document tree (which for a million partitions costs hundreds of MB). Anything it does not expect —
/// invalid JSON, a wrong type, a missing field, a duplicate — returns null, and the document path then reports every
/// error with its usual message, so both paths accept exactly the same files.
/// </summary>
public static partial class ReassignmentJson
{
    private static List<PartitionReplicas>? TryParseWellFormed(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            List<PartitionReplicas>? result = null;
            bool seenVersion = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    if (seenVersion || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v != 1)
                    {
                        return null;
                    }

                    seenVersion = true;
                }
                else if (reader.ValueTextEquals("partitions"u8))
                {
                    if (result is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                    {
                        return null;
                    }

                    result = ReadPartitions(ref reader);
                    if (result is null)
                    {
                        return null;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            // The root object must end here, with nothing but white space after it.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? result : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // invalid JSON, or a string that is not valid UTF-8
        }
    }

    private static List<PartitionReplicas>? ReadPartitions(ref Utf8JsonReader reader)
    {
        var result = new List<PartitionReplicas>();
        // Entries strictly in (topic, partition) order, as Kafka's tools write them, cannot repeat one; the set of seen
        // partitions (about 30 MB at a million) is built only once an entry is out of that order.
        HashSet<(string, int)>? seen = null;
        string? lastTopic = null;
        var replicas = new List<int>(8);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? topic = null;
            var partition = -1;
            int[]? ids = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("topic"u8))
                {
                    if (topic is not null || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length == 0 || reader.ValueIsEscaped)
                    {
                        return null;
                    }

                    topic = lastTopic is not null && reader.ValueTextEquals(lastTopic) ? lastTopic : reader.GetString()!;
                    lastTopic = topic;
                }
                else if (reader.ValueTextEquals("partition"u8))
                {
                    if (partition >= 0 || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out partition) || partition < 0)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("replicas"u8))
                {
                    if (ids is not null || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                    {
                        return null;
                    }

                    replicas.Clear();
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                    {
                        if (!reader.TryGetInt32(out var id) || id < 0 || replicas.Contains(id))
                        {
                            return null;
                        }

                        replicas.Add(id);
                    }

                    if (reader.TokenType != JsonTokenType.EndArray || replicas.Count == 0)
                    {
                        return null;
                    }

                    ids = [.. replicas];
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || topic is null || partition < 0 || ids is null)
            {
                return null;
            }

            var entry = new PartitionReplicas(topic, partition, ids);
            if (seen is null && result.Count > 0 && !InOrder(result[^1], entry))
            {
                seen = new HashSet<(string, int)>(result.Count * 2);
                foreach (var earlier in result)
                {
                    seen.Add((earlier.Topic, earlier.Partition));
                }
            }

            if (seen is not null && !seen.Add((topic, partition)))
            {
                return null;
            }

            result.Add(entry);
        }

        return reader.TokenType == JsonTokenType.EndArray ? result : null;
    }

    /// <summary>Whether <paramref name="b"/> comes strictly after <paramref name="a"/> by topic (ordinal), then partition.</summary>
    private static bool InOrder(PartitionReplicas a, PartitionReplicas b)
    {
        var byTopic = ReferenceEquals(a.Topic, b.Topic) ? 0 : string.CompareOrdinal(a.Topic, b.Topic);
        return byTopic < 0 || (byTopic == 0 && a.Partition < b.Partition);
    }
}
