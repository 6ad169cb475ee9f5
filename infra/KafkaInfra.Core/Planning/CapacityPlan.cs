using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>Where a planned number came from: the formula and the inputs it was fed, so a reviewer can follow it.</summary>
/// <param name="Formula">The rule in symbols, e.g. <c>max(⌈messagesPerSecond ÷ messagesPerSecondPerConsumer⌉, maxConsumers)</c>.</param>
/// <param name="Explanation">The same rule with this stack's numbers, e.g. <c>max(⌈20,000 ÷ 5,000⌉ = 4, 4) = 4</c>.</param>
public sealed record Derivation(string Formula, string Explanation)
{
    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>What the stack deployed last time, for the rules that compare (partitions never shrink, storage only grows).</summary>
/// <param name="TopicPartitions">Partitions per topic name as last deployed.</param>
/// <param name="Brokers">Broker count as last deployed.</param>
/// <param name="StorageGiB">Per-broker storage as last deployed: the <c>storageGiB</c> configured at the last successful deploy,
/// not the live volume size (which MSK storage auto scaling may have grown since).</param>
/// <param name="KafkaAclsDeclared">The last deploy declared the Kafka ACLs of an MSK SCRAM or mTLS cluster (the deployer's
/// own included), so <c>allow.everyone.if.no.acl.found</c> can now be turned off without locking the deployer out.</param>
public sealed record DeployedState(IReadOnlyDictionary<string, int> TopicPartitions, int? Brokers = null, int? StorageGiB = null, bool KafkaAclsDeclared = false)
{
    /// <summary>Nothing deployed yet (the first <c>pulumi up</c>).</summary>
    public static DeployedState None { get; } = new(new Dictionary<string, int>());
}

/// <summary>One topic's plan.</summary>
/// <param name="RetentionMs">The <c>retention.ms</c> it is given: positive, <c>-1</c> (no time limit), or null for a
/// compacted-only topic, which Kafka never deletes by time (no <c>retention.ms</c> is rendered).</param>
/// <param name="IngressBytesPerSecond">0 for a topic that is not sized (no <c>messagesPerSecond</c>).</param>
/// <param name="StorageBytes">Estimated bytes at full retention across replicas; 0 when <see cref="StorageUnsized"/> says why not.</param>
public sealed record TopicPlan(
    TopicConfig Config,
    int Partitions,
    int ComputedPartitions,
    int? DeployedPartitions,
    int ReplicationFactor,
    int MinInsyncReplicas,
    long? RetentionMs,
    int MessageBytes,
    double IngressBytesPerSecond,
    double StorageBytes,
    IReadOnlyDictionary<string, string> KafkaConfig,
    Derivation PartitionsDerivation,
    Derivation StorageDerivation)
{
    public string Name => Config.Name;

    /// <summary>The peak produce rate; null when the topic is not sized.</summary>
    public long? MessagesPerSecond => Config.MessagesPerSecond;

    /// <summary>True when the topic has a rate (<c>messagesPerSecond</c>) the planner sized it from.</summary>
    public bool IsSized => Config.IsSized;

    /// <summary>Why the storage estimate is missing (not sized, compacted, unbounded), or null when <see cref="StorageBytes"/> is an estimate.</summary>
    public string? StorageUnsized { get; init; }

    /// <summary>Kafka's <c>retention.ms</c> for a retention in hours.</summary>
    public static long ToRetentionMs(int retentionHours) => retentionHours * 3_600_000L;
}

/// <summary>One consumer workload's KEDA range.</summary>
public sealed record ConsumerPlan(
    ConsumerConfig Config,
    int MinReplicas,
    int MaxReplicas,
    int TopicPartitions,
    Derivation MaxReplicasDerivation)
{
    public string Name => Config.Name;

    public string Topic => Config.Topic;

    /// <summary>True when the configured maxReplicas was above the topic's partitions and was lowered.</summary>
    public bool Capped => MaxReplicas < Config.MaxReplicas;
}

/// <summary>One connector's plan.</summary>
public sealed record ConnectorPlan(ConnectorConfig Config, int TasksMax, int TopicPartitions, Derivation TasksMaxDerivation)
{
    public string Name => Config.Name;

    /// <summary>The consumer group Kafka Connect gives a sink connector: <c>connect-&lt;name&gt;</c>.</summary>
    public string ConsumerGroup => KafkaResources.ConnectorConsumerGroup(Config.Name);
}

/// <summary>One Connect worker group's plan.</summary>
public sealed record ConnectGroupPlan(
    ConnectGroupConfig Config,
    int Replicas,
    int? MaxReplicas,
    int SinkPartitions,
    IReadOnlyList<ConnectorPlan> Connectors,
    Derivation? MaxReplicasDerivation)
{
    public string Name => Config.Name;

    /// <summary>True when KEDA scales the workers (the group set maxReplicas).</summary>
    public bool Autoscaled => MaxReplicas is not null;

    /// <summary>Connect's internal topics, prefixed with the group name.</summary>
    public string GroupId => Config.Name;

    public string ConfigStorageTopic => KafkaResources.ConnectConfigTopic(Config.Name);

    public string OffsetStorageTopic => KafkaResources.ConnectOffsetTopic(Config.Name);

    public string StatusStorageTopic => KafkaResources.ConnectStatusTopic(Config.Name);
}

/// <summary>One ksqlDB server group's plan.</summary>
/// <param name="InternalMinInsyncReplicas">min.insync.replicas of its internal topics (the command topic is created with
/// <c>ksql.internal.topic.min.insync.replicas</c>, default 1, which overrides the broker default; platform-facts 8.2).</param>
public sealed record KsqlDbGroupPlan(KsqlDbGroupConfig Config, int Replicas, int InternalReplicationFactor, Derivation InternalReplicationDerivation, int InternalMinInsyncReplicas)
{
    public string Name => Config.Name;

    public string ServiceId => Config.ServiceId;

    /// <summary>ksqlDB names its internal topics <c>_confluent-ksql-&lt;service id&gt;</c>...; its command topic is <c>_confluent-ksql-&lt;id&gt;_command_topic</c>.</summary>
    public string InternalTopicPrefix => KafkaResources.KsqlDbInternalTopicPrefix(Config.ServiceId);
}

/// <summary>How many brokers the write load needs.</summary>
/// <param name="IngressMBps">Produced, in MB/s.</param>
/// <param name="WriteMBps">Written with replication, in MB/s.</param>
/// <param name="BrokerIngressMBps">What one broker is assumed to sustain.</param>
/// <param name="MinBrokers">max(brokers for the write load, largest replication factor).</param>
public sealed record ThroughputSizing(double IngressMBps, double WriteMBps, double BrokerIngressMBps, int MinBrokers, Derivation Derivation);

/// <summary>How much disk each broker needs to keep every topic's full retention under the fill ceiling.</summary>
public sealed record StorageSizing(double BytesPerBroker, int GiBNeededPerBroker, Derivation Derivation);

/// <summary>Partition replicas per broker, against the platform's limit.</summary>
public sealed record ReplicaSizing(int Total, int PerBroker, PartitionLimit? Limit, Derivation Derivation);

/// <summary>Cluster-wide sizing. <see cref="DeployedStorageGiB"/> is the per-broker storage configured at the last deploy (from <see cref="DeployedState.StorageGiB"/>).</summary>
/// <param name="Brokers">0 when the platform has no brokers to size.</param>
/// <param name="StorageGiB">0 when the platform has no storage to size.</param>
public sealed record ClusterPlan(
    Platform Platform,
    int Brokers,
    int StorageGiB,
    int NumPartitions,
    ThroughputSizing Throughput,
    StorageSizing Storage,
    ReplicaSizing Replicas,
    int? DeployedBrokers = null,
    int? DeployedStorageGiB = null,
    bool DeployedKafkaAcls = false)
{
    /// <summary>The answers to every platform question.</summary>
    public PlatformProfile Profile => PlatformProfile.For(Platform);

    public double IngressMBps => Throughput.IngressMBps;

    public double WriteMBps => Throughput.WriteMBps;

    public double BrokerIngressMBps => Throughput.BrokerIngressMBps;

    public int MinBrokersForThroughput => Throughput.MinBrokers;

    public Derivation ThroughputDerivation => Throughput.Derivation;

    public double StorageBytesPerBroker => Storage.BytesPerBroker;

    public int StorageGiBNeededPerBroker => Storage.GiBNeededPerBroker;

    public Derivation StorageDerivation => Storage.Derivation;

    public int TotalReplicas => Replicas.Total;

    public int ReplicasPerBroker => Replicas.PerBroker;

    public int? RecommendedReplicasPerBroker => Replicas.Limit?.Recommended;

    public int? MaxReplicasPerBroker => Replicas.Limit?.Max;

    public Derivation ReplicasDerivation => Replicas.Derivation;
}

/// <summary>The capacity plan of a valid stack: every number the renderers and reports use.</summary>
public sealed class CapacityPlan
{
    private readonly Dictionary<string, TopicPlan> _topicsByName;

    public CapacityPlan(
        StackConfig config,
        ClusterPlan cluster,
        IReadOnlyList<TopicPlan> topics,
        IReadOnlyList<ConsumerPlan> consumers,
        IReadOnlyList<ConnectGroupPlan> connect,
        IReadOnlyList<KsqlDbGroupPlan> ksqlDb,
        IReadOnlyList<Diagnostic> warnings,
        IReadOnlyList<Diagnostic> advice)
    {
        Config = config;
        Cluster = cluster;
        Topics = topics;
        Consumers = consumers;
        Connect = connect;
        KsqlDb = ksqlDb;
        Warnings = warnings;
        Advice = advice;
        _topicsByName = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public StackConfig Config { get; }

    public ClusterPlan Cluster { get; }

    public IReadOnlyList<TopicPlan> Topics { get; }

    public IReadOnlyList<ConsumerPlan> Consumers { get; }

    public IReadOnlyList<ConnectGroupPlan> Connect { get; }

    public IReadOnlyList<KsqlDbGroupPlan> KsqlDb { get; }

    /// <summary>Things that work but deserve a reviewer's attention (data, not log lines).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Suggestions, such as producer settings per topic.</summary>
    public IReadOnlyList<Diagnostic> Advice { get; }

    public TopicPlan Topic(string name) => _topicsByName[name];

    public bool TryGetTopic(string name, out TopicPlan topic) => _topicsByName.TryGetValue(name, out topic!);

    /// <summary>Partitions per topic name: the map the Pulumi program exports and reads back next time.</summary>
    public IReadOnlyDictionary<string, int> TopicPartitions() => Topics.ToDictionary(t => t.Name, t => t.Partitions, StringComparer.Ordinal);
}

/// <summary>The outcome of planning: the plan when the config is valid, else every error; warnings either way.</summary>
public sealed record PlanResult(CapacityPlan? Plan, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings, IReadOnlyList<Diagnostic> Advice)
    : Result<CapacityPlan>(Plan, Errors, Warnings, Advice);
