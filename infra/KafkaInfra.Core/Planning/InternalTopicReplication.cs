using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// The internal topics Kafka, Connect and ksqlDB create for themselves take their replication factor when they are
/// created (platform-facts 8.2): on a Strimzi stack from the broker and worker settings the renderer writes,
/// min(topicDefaults.replicationFactor, brokers). Growing the brokers later raises that setting but not the topics
/// already created, so the plan and the diff say so, with the steps to raise them.
/// </summary>
public static class InternalTopicReplication
{
    /// <summary>Kafka's consumer offsets topic.</summary>
    public const string ConsumerOffsets = "__consumer_offsets";

    /// <summary>Kafka's transaction log (created at the first transactional producer).</summary>
    public const string TransactionState = "__transaction_state";

    /// <summary>The replication factor the internal topics get when created on <paramref name="brokers"/> brokers.</summary>
    public static int CreatedReplicationFactor(StackConfig config, int brokers)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Math.Max(1, Math.Min(config.TopicDefaults.ReplicationFactor, brokers));
    }

    /// <summary>Every internal topic of the stack: Kafka's two, each Connect group's three, each ksqlDB group's command topic.</summary>
    public static IReadOnlyList<string> Topics(StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var topics = new List<string> { ConsumerOffsets, TransactionState };
        foreach (var g in config.Connect)
        {
            topics.AddRange(KafkaResources.ConnectInternalTopics(g.Name).Select(t => t.Topic));
        }

        topics.AddRange(config.KsqlDb.Select(g => KafkaResources.KsqlDbCommandTopic(g.ServiceId)));
        return topics;
    }

    /// <summary>
    /// Null unless the stack is on Strimzi and growing from <paramref name="fromBrokers"/> to <paramref name="toBrokers"/>
    /// raises the replication factor new internal topics get; else what stays behind and the steps to raise it.
    /// </summary>
    /// <param name="config">The stack after the change.</param>
    /// <param name="fromBrokers">The brokers before.</param>
    /// <param name="toBrokers">The brokers after.</param>
    /// <param name="previous">The stack before the change, when known (its topicDefaults set the RF then).</param>
    public static string? GrowthNote(StackConfig config, int fromBrokers, int toBrokers, StackConfig? previous = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cluster.Platform is not StrimziPlatform || toBrokers <= fromBrokers)
        {
            return null;
        }

        var before = CreatedReplicationFactor(previous ?? config, fromBrokers);
        var after = CreatedReplicationFactor(config, toBrokers);
        if (after <= before)
        {
            return null;
        }

        var topics = Topics(config);
        return $"internal topics keep the replication factor they were created with: {string.Join(", ", topics)} were created with RF {before} on {fromBrokers} broker{(fromBrokers == 1 ? "" : "s")} and stay at RF {before} after growing to {toBrokers}, where new ones get RF {after}. "
            + $"To raise them once the new brokers run: (1) with an admin client (a KafkaUser allowed to Alter the cluster, its settings in admin.properties) write their current assignment: `kafka-reassign-partitions.sh --bootstrap-server <bootstrap> --command-config admin.properties --topics-to-move-json-file internal.json --broker-list <the broker ids> --generate`, with internal.json listing those topics, and save the \"Current partition replica assignment\" as current.json; "
            + $"(2) `kafka-infra rebalance --current current.json --brokers <the broker ids> --replication-factor {after} --output rf.json` adds the missing replicas without moving any leader; "
            + "(3) `kafka-reassign-partitions.sh --bootstrap-server <bootstrap> --command-config admin.properties --reassignment-json-file rf.json --execute`, then `--verify` until it completes (docs/rebalance.md)";
    }
}
