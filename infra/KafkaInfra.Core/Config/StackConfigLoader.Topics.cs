using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>The <c>kafka-infra:topicDefaults</c> and <c>kafka-infra:topics</c> readers.</summary>
public static partial class StackConfigLoader
{
    private static TopicDefaultsConfig ReadTopicDefaults(Dictionary<string, JsonElement> values, ErrorBag errors)
    {
        var fallback = new TopicDefaultsConfig(Defaults.ReplicationFactor, Defaults.MinInsyncReplicas, Defaults.RetentionHours, Defaults.MessageBytes);
        if (!values.TryGetValue(ConfigKeys.TopicDefaults, out var element))
        {
            return fallback;
        }

        var path = ConfigKeys.Qualified(ConfigKeys.TopicDefaults);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            return fallback;
        }

        var r = new ObjectReader(element, path, errors, KeysOf("topicDefaults"));
        return new TopicDefaultsConfig(
            r.Int("replicationFactor", 1, 32767, @default: Defaults.ReplicationFactor) ?? Defaults.ReplicationFactor,
            r.Int("minInsyncReplicas", 1, 32767, @default: Defaults.MinInsyncReplicas) ?? Defaults.MinInsyncReplicas,
            r.Int("retentionHours", 1, 876_000, @default: Defaults.RetentionHours) ?? Defaults.RetentionHours,
            r.Int("messageBytes", 1, 100_000_000, @default: Defaults.MessageBytes) ?? Defaults.MessageBytes);
    }

    private static TopicConfig? ReadTopic(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("topics[]"));
        var name = r.String("name", required: true, expected: "a Kafka topic name");
        if (name is { Length: > 0 } && Names.TopicNameProblem(name) is { } problem)
        {
            errors.Add(r.Child("name"), problem);
        }

        var partitions = r.Int("partitions", 1, 100_000);
        var rate = r.Long("messagesPerSecond", 0, 1_000_000_000, required: true, exclusiveMinimum: true);
        var perConsumer = r.Long("messagesPerSecondPerConsumer", 0, 1_000_000_000, required: !r.Has("partitions"), exclusiveMinimum: true);
        var perPartition = r.Long("messagesPerSecondPerPartition", 0, 1_000_000_000, exclusiveMinimum: true);
        var maxConsumers = r.Int("maxConsumers", 1, 100_000);
        var bytes = r.Int("messageBytes", 1, 100_000_000);
        var retention = r.Int("retentionHours", 1, 876_000);
        var rf = r.Int("replicationFactor", 1, 32767);
        var minIsr = r.Int("minInsyncReplicas", 1, 32767);
        var config = r.StringMap("config");
        foreach (var (key, field) in new[] { ("retention.ms", "retentionHours"), ("min.insync.replicas", "minInsyncReplicas"), ("retention.hours", "retentionHours") })
        {
            if (config.ContainsKey(key))
            {
                errors.Add($"{r.Child("config")}.{key}", $"is set from the topic's '{field}' field; set {field} instead");
            }
        }

        return name is null || rate is null
            ? null
            : new TopicConfig(index, name, rate.Value, perConsumer, perPartition, maxConsumers, bytes, partitions, retention, rf, minIsr, config);
    }
}
