namespace KafkaInfra.Core.Config;

/// <summary>
/// The topic-level configs Kafka accepts (<c>topics[].config</c>), and the ones the planner sets from its own keys.
/// </summary>
public static class KafkaTopicConfigs
{
    public const string CleanupPolicy = "cleanup.policy";
    public const string Delete = "delete";
    public const string Compact = "compact";
    public const string RetentionMs = "retention.ms";
    public const string RetentionBytes = "retention.bytes";
    public const string MinInsyncReplicas = "min.insync.replicas";

    /// <summary>
    /// Every topic-level config name: the keys of the topic ConfigDef in apache/kafka
    /// <c>storage/src/main/java/org/apache/kafka/storage/internals/log/LogConfig.java</c> (TopicConfig's keys plus
    /// QuotaConfig's two throttled-replica lists and the tiered-storage keys). Strimzi 1.2 runs Kafka 4.2 and 4.3,
    /// MSK still offers 3.x: the list is their union, so <c>message.format.version</c> and
    /// <c>message.timestamp.difference.max.ms</c> (deprecated in 3.x, gone from 4.x brokers) stay accepted for MSK.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        CleanupPolicy, "compression.gzip.level", "compression.lz4.level", "compression.type", "compression.zstd.level",
        "delete.retention.ms", "file.delete.delay.ms", "flush.messages", "flush.ms", "follower.replication.throttled.replicas",
        "index.interval.bytes", "leader.replication.throttled.replicas", "local.retention.bytes", "local.retention.ms",
        "max.compaction.lag.ms", "max.message.bytes", "message.downconversion.enable", "message.format.version",
        "message.timestamp.after.max.ms", "message.timestamp.before.max.ms", "message.timestamp.difference.max.ms",
        "message.timestamp.type", "min.cleanable.dirty.ratio", "min.compaction.lag.ms", MinInsyncReplicas, "preallocate",
        "remote.log.copy.disable", "remote.log.delete.on.disable", "remote.storage.enable", RetentionBytes, RetentionMs,
        "segment.bytes", "segment.index.bytes", "segment.jitter.ms", "segment.ms", "unclean.leader.election.enable",
    ];

    /// <summary>Topic configs the planner writes, by the topic key that sets them (a duplicate in <c>config</c> is refused).</summary>
    public static IReadOnlyList<(string Config, string Keys)> PlannerOwned { get; } =
    [
        (RetentionMs, "retentionHours or retentionMs (or topicDefaults.retentionHours)"),
        (MinInsyncReplicas, "minInsyncReplicas (or topicDefaults.minInsyncReplicas)"),
    ];

    /// <summary>The values <c>cleanup.policy</c> lists (LogConfig: <c>ValidList.in(compact, delete)</c>).</summary>
    public static IReadOnlyList<string> Policies { get; } = [Compact, Delete];

    /// <summary>The items of a <c>cleanup.policy</c> value ("compact, delete" → [compact, delete]), empty items dropped.</summary>
    public static string[] SplitPolicy(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Why <paramref name="key"/> is not a topic config, with the closest name: a broker default (<c>log.retention.hours</c>),
    /// a retention in other units, or a typo.
    /// </summary>
    public static string UnknownKeyProblem(string key)
    {
        if (key is "retention.hours" or "retention.minutes" or "log.retention.hours" or "log.retention.minutes")
        {
            return "is not a Kafka topic config (Kafka topics take retention.ms only); set the topic's retentionHours or retentionMs";
        }

        var brokerName = key.StartsWith("log.", StringComparison.Ordinal) && Names.Contains(key[4..], StringComparer.Ordinal);
        var meant = brokerName ? key[4..] : Suggest.Closest(key, Names);
        var hint = meant is null ? ""
            // A config the planner sets is never the answer: point at the topic's own key instead.
            : PlannerOwned.FirstOrDefault(o => o.Config == meant) is { Keys: { } owners } ? $"; did you mean '{meant}'? The planner sets it: use the topic's {owners}"
            : brokerName ? $"; did you mean '{meant}'? (log.* names are the broker defaults)"
            : $"; did you mean '{meant}'?";
        return $"is not a Kafka topic config{hint}";
    }
}
