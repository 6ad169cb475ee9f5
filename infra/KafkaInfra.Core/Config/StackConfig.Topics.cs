namespace KafkaInfra.Core.Config;

/// <summary>How a topic's data is kept: its rate (or none), its time retention and its <c>cleanup.policy</c>.</summary>
public sealed partial record TopicConfig
{
    /// <summary>
    /// <c>topics[].retentionMs</c>: retention in milliseconds (<c>-1</c>: no time limit, Kafka's <c>retention.ms=-1</c>);
    /// null when not set. The loader refuses it together with <see cref="RetentionHours"/>.
    /// </summary>
    public long? RetentionMs { get; init; }

    /// <summary>True when the topic has a produce rate to size from (<c>messagesPerSecond</c>).</summary>
    public bool IsSized => MessagesPerSecond is not null;

    /// <summary>
    /// The policies of <c>config.cleanup.policy</c>, a comma-separated list of <c>delete</c> and <c>compact</c>
    /// (Kafka TopicConfig.CLEANUP_POLICY_DOC); <c>delete</c> when not set (Kafka's default <c>log.cleanup.policy</c>).
    /// </summary>
    public IReadOnlyList<string> CleanupPolicies => Config.TryGetValue(KafkaTopicConfigs.CleanupPolicy, out var policy)
        ? KafkaTopicConfigs.SplitPolicy(policy)
        : [KafkaTopicConfigs.Delete];

    /// <summary>
    /// True when old segments are deleted by time and size: <c>cleanup.policy</c> includes <c>delete</c>. Kafka applies
    /// <c>retention.ms</c> and <c>retention.bytes</c> only then (UnifiedLog.deleteOldSegments checks <c>config.delete</c>).
    /// </summary>
    public bool DeletesOldSegments => CleanupPolicies.Contains(KafkaTopicConfigs.Delete, StringComparer.Ordinal);

    /// <summary>True for a compacted topic that is never deleted by time or size (<c>cleanup.policy=compact</c> alone).</summary>
    public bool CompactedOnly => !DeletesOldSegments && CleanupPolicies.Contains(KafkaTopicConfigs.Compact, StringComparer.Ordinal);
}
