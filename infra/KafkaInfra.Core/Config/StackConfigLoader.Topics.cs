using System.Globalization;
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
            r.Int(Key("topicDefaults.replicationFactor"), @default: Defaults.ReplicationFactor) ?? Defaults.ReplicationFactor,
            r.Int(Key("topicDefaults.minInsyncReplicas"), @default: Defaults.MinInsyncReplicas) ?? Defaults.MinInsyncReplicas,
            r.Int(Key("topicDefaults.retentionHours"), @default: Defaults.RetentionHours) ?? Defaults.RetentionHours,
            r.Int(Key("topicDefaults.messageBytes"), @default: Defaults.MessageBytes) ?? Defaults.MessageBytes);
    }

    private static TopicConfig? ReadTopic(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("topics[]"));
        var name = r.String("name", required: true, expected: "a Kafka topic name");
        if (name is { Length: > 0 } && Names.TopicNameProblem(name) is { } problem)
        {
            errors.Add(r.Child("name"), problem);
        }

        var partitions = r.Int(Key("topics[].partitions"));
        var rate = r.Long(Key("topics[].messagesPerSecond"), required: true);
        var perConsumer = r.Long(Key("topics[].messagesPerSecondPerConsumer"));
        if (perConsumer is null && !r.Has("messagesPerSecondPerConsumer") && !r.Has("partitions"))
        {
            errors.Add(r.Child("messagesPerSecondPerConsumer"), "is required unless partitions is set; expected the messages per second one consumer instance sustains (partitions are then computed from messagesPerSecond), or set partitions: <count> instead");
        }

        var average = r.Long(Key("topics[].averageMessagesPerSecond"));
        if (average is { } avg && rate is { } peak && avg > peak)
        {
            errors.Add(r.Child("averageMessagesPerSecond"), $"must not exceed messagesPerSecond ({peak.ToString(CultureInfo.InvariantCulture)}, the peak rate); got {avg.ToString(CultureInfo.InvariantCulture)}");
        }

        var perPartition = r.Long(Key("topics[].messagesPerSecondPerPartition"));
        var maxConsumers = r.Int(Key("topics[].maxConsumers"));
        var bytes = r.Int(Key("topics[].messageBytes"));
        var retention = r.Int(Key("topics[].retentionHours"));
        var rf = r.Int(Key("topics[].replicationFactor"));
        var minIsr = r.Int(Key("topics[].minInsyncReplicas"));
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
            : new TopicConfig(index, name, rate.Value, perConsumer, perPartition, maxConsumers, bytes, partitions, retention, rf, minIsr, config, average);
    }
}
