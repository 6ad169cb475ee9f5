namespace KafkaInfra.Core.Config;

/// <summary>An upper bound on partition replicas per broker, and where it comes from.</summary>
/// <param name="Max">Above it the plan fails.</param>
/// <param name="Recommended">Above it the plan warns; null when the platform has no separate recommendation.</param>
public sealed record PartitionLimit(int Max, int? Recommended);

/// <summary>
/// Everything that differs between platforms, answered in one place: one profile per <see cref="Platform"/>.
/// The planner, the desired-state builders and the reports ask the profile instead of testing the platform
/// themselves. Facts: <c>platform-facts.md</c> sections on Strimzi and Amazon MSK, cited per member.
/// </summary>
public abstract class PlatformProfile
{
    private static readonly PlatformProfile StrimziInstance = new StrimziProfile();
    private static readonly PlatformProfile StandardInstance = new MskStandardProfile();
    private static readonly PlatformProfile ExpressInstance = new MskExpressProfile();
    private static readonly PlatformProfile ServerlessInstance = new MskServerlessProfile();

    private protected PlatformProfile()
    {
    }

    public static PlatformProfile For(Platform platform) => platform switch
    {
        Platform.Strimzi => StrimziInstance,
        Platform.MskProvisioned => StandardInstance,
        Platform.MskExpress => ExpressInstance,
        Platform.MskServerless => ServerlessInstance,
        Platform.External => ExternalProfile.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "unknown platform"),
    };

    public abstract Platform Kind { get; }

    /// <summary>The name reports use: "Strimzi", "MSK Standard", "MSK Express", "MSK Serverless".</summary>
    public abstract string Name { get; }

    /// <summary>Runs on Amazon MSK (AWS resources, MSK Connect, IAM).</summary>
    public virtual bool IsMsk => true;

    /// <summary>The stack sizes brokers (<c>cluster.brokers</c> means something). False on MSK Serverless.</summary>
    public virtual bool HasBrokers => true;

    /// <summary>The stack sizes per-broker storage (<c>cluster.storageGiB</c>). False on Express and Serverless, where AWS manages it.</summary>
    public virtual bool HasStorage => false;

    /// <summary>The replication factor and min.insync.replicas every topic must have, when the platform fixes them.</summary>
    public virtual (int ReplicationFactor, int MinInsyncReplicas)? FixedReplication => null;

    /// <summary>
    /// The topic-level Kafka configs the platform lets a topic set, in order; null when any config is accepted.
    /// When set, only these are rendered (no <c>min.insync.replicas</c>) and any other <c>topics[].config</c> key is refused.
    /// </summary>
    public virtual IReadOnlyList<string>? SettableTopicConfigs => null;

    /// <summary>MSK Connect's limit of workers per connector (provisioned and auto-scaled capacity alike); null off MSK.</summary>
    public virtual int? MaxConnectWorkers => 10;

    /// <summary>Partition replicas per broker the cluster allows; null when the platform has no broker to count (or an unknown MSK type).</summary>
    public abstract PartitionLimit? PartitionsPerBroker(ClusterConfig cluster);

    /// <summary>The config keys (under <c>kafka-infra:cluster</c>) whose change replaces the cluster and deletes its data.</summary>
    public abstract IReadOnlyList<string> ReplacingKeys { get; }

    // ---- the text the reports use -----------------------------------------------------------------------------

    /// <summary>The platform in <c>kafka-infra plan</c>'s first line: "Strimzi (namespace kafka)", "MSK (kafka.m7g.large)".</summary>
    public abstract string PlanText(ClusterConfig cluster);

    /// <summary>The cluster in one phrase for the impact report: platform, broker type, brokers and storage.</summary>
    public abstract string Summary(ClusterConfig cluster);

    /// <summary>What a change of <paramref name="key"/> (one of <see cref="ReplacingKeys"/>) does to the cluster and its data.</summary>
    public virtual string Replaced(string key) => $"a new cluster: {Name} cannot change {key} in place, so the cluster is replaced — the old cluster is deleted with all its topics and data, the new one starts empty, and every client needs the new bootstrap address";

    /// <summary>How a Kafka version change rolls out.</summary>
    public virtual string VersionUpgrade => "MSK upgrades the brokers one at a time (MSK does not downgrade)";

    /// <summary>What moves data onto the brokers added to <paramref name="cluster"/>, which had <paramref name="fromBrokers"/>.</summary>
    public virtual string BrokersAdded(ClusterConfig cluster, int fromBrokers) => "MSK does not move existing partitions onto new brokers: they stay empty until a reassignment runs (`kafka-infra rebalance` writes one)";

    /// <summary>How per-broker storage grows.</summary>
    public virtual string StorageGrowth => "MSK expands each broker's EBS volume in place; brokers stay online";

    /// <summary>What deletes a removed topic.</summary>
    public virtual string TopicDeletion => "Pulumi.Kafka deletes the topic";

    /// <summary>What adds partitions to a topic.</summary>
    public virtual string PartitionsAdded => "Pulumi.Kafka adds the partitions in place";

    /// <summary>What adds replicas when a topic's replication factor rises.</summary>
    public virtual string ReplicationRaised => "Pulumi.Kafka changes it in place through a partition reassignment";

    /// <summary>What drops replicas when a topic's replication factor falls.</summary>
    public virtual string ReplicationLowered => "Pulumi.Kafka drops replicas through a partition reassignment";

    private protected static string Brokers(ClusterConfig c) => $"{c.Brokers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} brokers";

    private protected static string Storage(ClusterConfig c) => $"{c.StorageGiB.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} GiB";

    private sealed class StrimziProfile : PlatformProfile
    {
        public override Platform Kind => Platform.Strimzi;

        public override string Name => "Strimzi";

        public override bool IsMsk => false;

        public override bool HasStorage => true;

        public override int? MaxConnectWorkers => null;

        // Kubernetes identifies the Kafka resource by name and namespace: a new name or namespace is a new cluster.
        public override IReadOnlyList<string> ReplacingKeys { get; } = ["name", "strimzi.namespace"];

        public override PartitionLimit PartitionsPerBroker(ClusterConfig cluster) => new(cluster.MaxPartitionsPerBroker ?? Defaults.MaxPartitionsPerBroker, null);

        public override string PlanText(ClusterConfig cluster) => $"Strimzi (namespace {cluster.Strimzi!.Namespace})";

        public override string Summary(ClusterConfig cluster) => $"{Name}, {Brokers(cluster)} × {Storage(cluster)}";

        public override string VersionUpgrade => "Strimzi rolls the brokers one at a time";

        // Strimzi records the added brokers in Kafka.status.autoRebalance whether or not Cruise Control ran before
        // (KafkaReconciler.updateKafkaAutoRebalanceStatus, KafkaRebalanceUtils), and the auto-rebalancing reconciler
        // creates the add-brokers KafkaRebalance; a Cruise Control that this same update deploys must first start and
        // collect load samples before it can propose anything, so the data moves later than after a usual scale-out.
        public override string BrokersAdded(ClusterConfig cluster, int fromBrokers) => cluster.Strimzi is { CruiseControl: false }
            ? "nothing moves it by itself: cluster.strimzi.cruiseControl is false, so the new brokers stay empty until a reassignment runs (`kafka-infra rebalance` writes one for kafka-reassign-partitions)"
            : fromBrokers >= KafkaResources.CruiseControlMinBrokers
            ? "Cruise Control's add-brokers auto-rebalance moves it once the new brokers are up"
            : "Cruise Control is deployed by this same update (it runs from two brokers on): Strimzi requests the add-brokers rebalance at once, "
              + "but it runs only after Cruise Control has started and collected enough load samples, and until then the new brokers hold no partitions "
              + "(`kubectl get kafkarebalance` shows its progress)";

        public override string StorageGrowth => "each broker's persistent volume is expanded (the StorageClass must allow volume expansion), then Strimzi restarts the brokers one at a time";

        public override string TopicDeletion => "deleting the KafkaTopic deletes the Kafka topic";

        public override string PartitionsAdded => "the Topic Operator adds the partitions in place";

        public override string ReplicationRaised => "the Topic Operator hands the change to Cruise Control (deployed with clusters of two or more brokers), which adds the replicas";

        public override string ReplicationLowered => "Cruise Control drops a replica";
    }

    /// <summary>Provisioned MSK, Standard or Express brokers.</summary>
    private abstract class MskProvisionedProfile : PlatformProfile
    {
        // On aws:msk/cluster:Cluster, clusterName, clientSubnets, securityGroups and encryptionAtRestKmsKeyArn force a
        // replacement (platform-facts.md 8.4).
        public override IReadOnlyList<string> ReplacingKeys { get; } = ["name", "msk.clientSubnets", "msk.securityGroups", "msk.kmsKeyArn"];

        public override PartitionLimit? PartitionsPerBroker(ClusterConfig cluster) =>
            MskInstanceTypes.Find(cluster.Msk?.InstanceType) is { } t ? new PartitionLimit(t.MaxPartitions, t.RecommendedPartitions) : null;

        public override string PlanText(ClusterConfig cluster) => $"MSK ({cluster.Msk!.InstanceType})";
    }

    private sealed class MskStandardProfile : MskProvisionedProfile
    {
        public override Platform Kind => Platform.MskProvisioned;

        public override string Name => "MSK Standard";

        public override bool HasStorage => true;

        public override string Summary(ClusterConfig cluster) => $"{Name} ({cluster.Msk!.InstanceType}), {Brokers(cluster)} × {Storage(cluster)}";
    }

    private sealed class MskExpressProfile : MskProvisionedProfile
    {
        public override Platform Kind => Platform.MskExpress;

        public override string Name => "MSK Express";

        // MSK Express always replicates 3 times and fixes min.insync.replicas at 2.
        public override (int ReplicationFactor, int MinInsyncReplicas)? FixedReplication => (3, 2);

        public override string Summary(ClusterConfig cluster) => $"{Name} ({cluster.Msk!.InstanceType}), {Brokers(cluster)}";

        public override string BrokersAdded(ClusterConfig cluster, int fromBrokers) => "MSK Express intelligent rebalancing moves it automatically (rebalancing ACTIVE)";
    }

    private sealed class MskServerlessProfile : PlatformProfile
    {
        public override Platform Kind => Platform.MskServerless;

        public override string Name => "MSK Serverless";

        public override bool HasBrokers => false;

        // The serverless cluster resource is identified by its name; its other force-new fields are not recorded in
        // platform-facts.md, so only the name is listed.
        public override IReadOnlyList<string> ReplacingKeys { get; } = ["name"];

        // MSK Serverless topics accept only these configs (cleanup.policy only at creation); platform-facts.md 8.4,
        // from the MSK Serverless developer guide's "Configuration" page (serverless-config).
        public override IReadOnlyList<string>? SettableTopicConfigs { get; } =
        [
            "cleanup.policy", "compression.type", "max.message.bytes", "message.timestamp.difference.max.ms",
            "message.timestamp.type", "retention.bytes", "retention.ms",
        ];

        public override PartitionLimit? PartitionsPerBroker(ClusterConfig cluster) => null;

        public override string PlanText(ClusterConfig cluster) => Name;

        public override string Summary(ClusterConfig cluster) => Name;
    }
}
