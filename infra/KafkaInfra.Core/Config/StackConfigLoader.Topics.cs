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
        var rate = r.Long(Key("topics[].messagesPerSecond"));
        if (!r.Has("messagesPerSecond") && !r.Has("partitions"))
        {
            errors.Add(path, "sets neither messagesPerSecond nor partitions: set messagesPerSecond (the peak produce rate; partitions are computed from it) or partitions (an explicit count; the topic is then not sized)");
        }

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
        RequireRate(r, "averageMessagesPerSecond", "messagesPerSecondPerConsumer", "messagesPerSecondPerPartition");
        var maxConsumers = r.Int(Key("topics[].maxConsumers"));
        var bytes = r.Int(Key("topics[].messageBytes"));
        var retention = r.Int(Key("topics[].retentionHours"));
        var retentionMs = ReadRetentionMs(r);
        var rf = r.Int(Key("topics[].replicationFactor"));
        var minIsr = r.Int(Key("topics[].minInsyncReplicas"));
        var config = r.StringMap("config");
        CheckTopicConfig(r, config);

        return name is null || (rate is null && r.Has("messagesPerSecond"))
            ? null
            : new TopicConfig(index, name, rate, perConsumer, perPartition, maxConsumers, bytes, partitions, retention, rf, minIsr, config, average) { RetentionMs = retentionMs };
    }

    /// <summary>The rate-relative keys mean nothing without the rate: refused on a topic that is not sized, naming both keys.</summary>
    private static void RequireRate(ObjectReader r, params string[] keys)
    {
        if (r.Has("messagesPerSecond"))
        {
            return;
        }

        foreach (var key in keys.Where(r.Has))
        {
            r.Errors.Add(r.Child(key), $"needs {r.Child("messagesPerSecond")}, which is not set (got {key}: {Describe.Value(r.Raw(key)!.Value)}); set messagesPerSecond to size the topic, or remove {key}");
        }
    }
}
