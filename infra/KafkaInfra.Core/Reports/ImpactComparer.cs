using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Reports;

/// <summary>
/// Walks two plans (or a deployed state and a plan) and lists every change with its consequence. This file: the
/// cluster (platform, environment, version, brokers, storage, broker type); topics and workloads are in
/// ImpactComparer.Topics.cs and ImpactComparer.Workloads.cs.
/// </summary>
internal sealed partial class ImpactComparer(CapacityPlan? oldPlan, CapacityPlan newPlan, ImpactOptions options)
{
    private readonly List<Change> _changes = [];

    /// <summary>Topics this change adds; with a removal in the same change it may be a rename.</summary>
    private int _topicsAdded;

    /// <summary>Hours the data movement of a broker-count change takes at the reassignment throttle; null without one.</summary>
    public double? BrokerMoveHours { get; private set; }

    public IReadOnlyList<Change> Compare()
    {
        if (oldPlan is null)
        {
            NewStack();
            return _changes;
        }

        var switched = oldPlan.Cluster.Platform != newPlan.Cluster.Platform;
        if (switched)
        {
            PlatformSwitch(oldPlan);
        }

        EnvironmentChange(oldPlan);
        if (!switched)
        {
            Replacement(oldPlan);
            KafkaVersion(oldPlan);
            Brokers(oldPlan.Cluster.Brokers, newPlan.Cluster.Brokers, oldPlan.Cluster.StorageBytesPerBroker * oldPlan.Cluster.Brokers, oldPlan.Cluster.TotalReplicas, oldPlan);
            if (Storage(oldPlan) is { } storage)
            {
                Storage(storage, newPlan.Config.Cluster.StorageGiB);
            }

            InstanceType(oldPlan);
            ClientAuthentication(oldPlan);
        }

        Topics(oldPlan);
        Consumers(oldPlan);
        Connect(oldPlan);
        KsqlDb(oldPlan);
        return _changes;
    }

    /// <summary>Only the deployed numbers are known: topics and their partitions, brokers, storage.</summary>
    public IReadOnlyList<Change> CompareDeployed(DeployedState deployed)
    {
        if (deployed.Brokers is { } brokers && HasBrokers(newPlan))
        {
            var total = newPlan.Cluster.StorageBytesPerBroker * newPlan.Cluster.Brokers;
            Brokers(brokers, newPlan.Cluster.Brokers, total, newPlan.Cluster.TotalReplicas, newPlan);
        }

        if (deployed.StorageGiB is { } storage && HasStorage(newPlan))
        {
            Storage(storage, newPlan.Config.Cluster.StorageGiB);
        }

        foreach (var t in newPlan.Topics)
        {
            if (!deployed.TopicPartitions.TryGetValue(t.Name, out var partitions))
            {
                TopicAdded(t);
            }
            else if (partitions != t.Partitions)
            {
                Partitions(t.Name, partitions, t, null);
            }
        }

        foreach (var (name, partitions) in deployed.TopicPartitions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!newPlan.TryGetTopic(name, out _))
            {
                TopicRemoved(name, Plural(partitions, "partition", "partitions"), null, []);
            }
        }

        return _changes;
    }

    private static readonly string ClusterPath = ConfigKeys.Qualified(ConfigKeys.Cluster);

    private void Add(ChangeKind kind, string subject, string? old, string? @new, string consequence, bool isUnsafe = false, string? acknowledge = null, string? path = null, bool irreversible = false) =>
        _changes.Add(new Change(kind, subject, old, @new, consequence, isUnsafe, isUnsafe ? acknowledge : null, path, irreversible && !isUnsafe));

    /// <summary>The platform after the change: every platform-specific phrase of the report comes from it.</summary>
    private PlatformProfile Profile => newPlan.Cluster.Profile;

    private static bool HasBrokers(CapacityPlan plan) => plan.Cluster.Profile.HasBrokers;

    private static bool HasStorage(CapacityPlan plan) => plan.Cluster.Profile.HasStorage;

    private static int? Storage(CapacityPlan plan) => HasStorage(plan) ? plan.Config.Cluster.StorageGiB : null;

    private static string ClusterSummary(CapacityPlan plan) => plan.Cluster.Profile.Summary(plan.Config.Cluster);

    /// <summary>Readable hours: "42 min", "3.2 h", "2.1 days".</summary>
    internal static string Duration(double hours) => hours switch
    {
        < 1 => $"{Fmt.D(Math.Max(1, Math.Ceiling(hours * 60)), 0)} min",
        < 48 => $"{Fmt.D(hours, 1)} h",
        _ => $"{Fmt.D(hours / 24, 1)} days",
    };

    private string Transfer(double bytes) =>
        $"{Fmt.GiB(bytes)} ÷ {Fmt.D(options.ThrottleMBps, 0)} MB/s ≈ {Duration(ImpactReport.TransferHours(bytes, options.ThrottleMBps))}";

    private static string Plural(long n, string one, string many) => $"{Fmt.N(n)} {(n == 1 ? one : many)}";

    // ---- whole stack -------------------------------------------------------------------------------------------

    private void NewStack()
    {
        Add(ChangeKind.Platform, newPlan.Config.Cluster.Name, null, ClusterSummary(newPlan),
            $"creates the cluster ({Profile.Name}); nothing exists yet, so no data moves");
        foreach (var t in newPlan.Topics)
        {
            TopicAdded(t);
        }

        foreach (var c in newPlan.Consumers)
        {
            ConsumerAdded(c);
        }

        foreach (var g in newPlan.Connect)
        {
            ConnectGroupAdded(g);
        }

        foreach (var g in newPlan.KsqlDb)
        {
            KsqlDbAdded(g);
        }
    }

    private void PlatformSwitch(CapacityPlan old)
    {
        var from = old.Cluster.Profile.Name;
        var to = Profile.Name;
        Add(ChangeKind.Platform, newPlan.Config.Cluster.Name, ClusterSummary(old), ClusterSummary(newPlan),
            $"a new cluster: {from} cannot become {to} in place, so the {to} cluster is created empty, the {from} cluster and all its data are deleted, and every client needs the new bootstrap address and credentials",
            !ReplacementAcknowledged,
            $"run the new platform as a separate stack, mirror the topics into it (e.g. MirrorMaker 2), move producers and consumers, then retire this stack; if the data may go, set {AllowReplacementKey}: true");
    }

    private void EnvironmentChange(CapacityPlan old)
    {
        var from = old.Config.Environment;
        var to = newPlan.Config.Environment;
        if (from == to)
        {
            if (old.Config.EnvironmentLabel != newPlan.Config.EnvironmentLabel)
            {
                Add(ChangeKind.Environment, newPlan.Config.Cluster.Name, old.Config.EnvironmentDescription, newPlan.Config.EnvironmentDescription,
                    "renames the environment (a tag on MSK resources); the same rules apply and nothing else changes");
            }

            return;
        }

        var consequence = to == DeploymentEnvironment.Prod
            ? "prod turns the dev warnings into errors (replication factor ≥ 3, min.insync.replicas ≥ 2, no plain listener, ≥ 3 KRaft controllers, enough brokers, storage and consumers for the rates); nothing is redeployed by the switch itself"
            : "the prod safety checks become warnings (replication factor < 3, min.insync.replicas < 2, a plain listener and capacity shortfalls are allowed); nothing is redeployed by the switch itself";
        Add(ChangeKind.Environment, newPlan.Config.Cluster.Name, old.Config.EnvironmentDescription, newPlan.Config.EnvironmentDescription, consequence);
    }

    private void KafkaVersion(CapacityPlan old)
    {
        var from = old.Config.Cluster.KafkaVersion;
        var to = newPlan.Config.Cluster.KafkaVersion;
        if (from == to)
        {
            return;
        }

        var how = Profile.VersionUpgrade;
        Add(ChangeKind.KafkaVersion, newPlan.Config.Cluster.Name, from, to,
            $"rolling upgrade: {how}; each restarting broker's partition leaders fail over, so clients see brief retries; check client and connector compatibility first");
    }

    // ---- brokers and storage -----------------------------------------------------------------------------------

    private void Brokers(int from, int to, double totalBytes, int totalReplicas, CapacityPlan before)
    {
        if (from == to || !HasBrokers(newPlan))
        {
            return;
        }

        var share = ImpactReport.MovedShare(from, to);
        var k = Math.Abs(to - from);
        var bytes = totalBytes * share;
        var replicas = (long)Math.Ceiling(totalReplicas * share);
        var planned = "";
        if (MovementEstimator.Estimate(before, from, to) is { Moves: > 0 } estimate)
        {
            // The same planner as `kafka-infra rebalance`, on the cluster's partitions placed as Kafka places them.
            replicas = estimate.Moves;
            bytes = totalBytes * estimate.Moves / estimate.Replicas;
            totalReplicas = estimate.Replicas;
            planned = $", as the reassignment planner moves them (lower bound {Fmt.N(estimate.LowerBound)})";
        }

        BrokerMoveHours = ImpactReport.TransferHours(bytes, options.ThrottleMBps);
        var subject = newPlan.Config.Cluster.Name;
        var movement = to > from
            ? $"at least {k}/{to} = {Fmt.D(share * 100, 0)}% of the data moves onto the new brokers"
            : $"the removed brokers' share {k}/{from} = {Fmt.D(share * 100, 0)}% of the data must move off them first";
        var volume = $"about {Plural(replicas, "partition replica", "partition replicas")} of {Fmt.N(totalReplicas)}{planned}, and {Fmt.GiB(bytes)} of {Fmt.GiB(totalBytes)} (storage per broker × {Plural(from, "broker", "brokers")}, at full retention)";
        var time = $"at the {Fmt.D(options.ThrottleMBps, 0)} MB/s reassignment throttle: {Transfer(bytes)}";
        if (to > from)
        {
            Add(ChangeKind.Brokers, subject, Fmt.N(from), Fmt.N(to), $"{movement}: {volume}; {Profile.BrokersAdded(newPlan.Config.Cluster, from)}; {time}", path: $"{ClusterPath}.brokers");
            if (InternalTopicReplication.GrowthNote(newPlan.Config, from, to, before.Config) is { } note)
            {
                var rf = InternalTopicReplication.CreatedReplicationFactor(before.Config, from);
                Add(ChangeKind.Brokers, "internal topics", $"RF {rf}", $"RF {rf}", note, path: $"{ClusterPath}.brokers");
            }

            return;
        }

        if (newPlan.Config.Cluster.Platform is MskPlatform { Config: var msk })
        {
            var drained = msk.BrokersDrained;
            var mechanism = drained
                ? "acknowledged with cluster.msk.brokersDrained: true, so the replicas must already be off the removed brokers; MSK removes one broker per Availability Zone per operation"
                : "MSK removes a broker only once no partition replica is left on it (and only one per Availability Zone per operation, on kafka.m5 and kafka.m7g brokers), so this is refused until the brokers are drained";
            Add(ChangeKind.Brokers, subject, Fmt.N(from), Fmt.N(to), $"{movement}: {volume}; {mechanism}; {time}", !drained,
                "move the replicas off the brokers being removed (`kafka-infra rebalance --current <current.json> --brokers <every broker id> --racks <id:az,...> --remove <one broker id per AZ>` writes the reassignment), then set cluster.msk.brokersDrained: true", $"{ClusterPath}.brokers");
            return;
        }

        Add(ChangeKind.Brokers, subject, Fmt.N(from), Fmt.N(to),
            $"{movement}: {volume}; Cruise Control's remove-brokers auto-rebalance drains them before Strimzi deletes them (safe but slow); {time}", path: $"{ClusterPath}.brokers");
    }

    private void Storage(int from, int to)
    {
        if (from == to || !HasStorage(newPlan))
        {
            return;
        }

        var subject = newPlan.Config.Cluster.Name;
        if (to < from)
        {
            Add(ChangeKind.Storage, subject, $"{Fmt.N(from)} GiB", $"{Fmt.N(to)} GiB",
                "refused: broker storage can only grow (Kafka volumes on Kubernetes and MSK EBS volumes cannot shrink)", true,
                $"keep cluster.storageGiB at {Fmt.N(from)} or more", $"{ClusterPath}.storageGiB");
            return;
        }

        var how = Profile.StorageGrowth;
        var capacity = $"cluster capacity {Fmt.N((long)from * newPlan.Cluster.Brokers)} → {Fmt.N((long)to * newPlan.Cluster.Brokers)} GiB at {Fmt.N(newPlan.Cluster.Brokers)} brokers";
        Add(ChangeKind.Storage, subject, $"{Fmt.N(from)} GiB", $"{Fmt.N(to)} GiB", $"grows per-broker storage: {how}; {capacity}; it can never shrink back", path: $"{ClusterPath}.storageGiB", irreversible: true);
    }

    private void InstanceType(CapacityPlan old)
    {
        var subject = newPlan.Config.Cluster.Name;
        if (old.Config.Cluster.Platform is MskPlatform { Config: var a } && newPlan.Config.Cluster.Platform is MskProvisionedPlatform { Config: var b } && a.InstanceType != b.InstanceType)
        {
            var limits = MskInstanceTypes.Find(b.InstanceType) is { } t
                ? $"; partition replica limit per broker becomes {Fmt.N(t.RecommendedPartitions)} recommended / {Fmt.N(t.MaxPartitions)} max (this plan: {Fmt.N(newPlan.Cluster.ReplicasPerBroker)})"
                : "";
            Add(ChangeKind.InstanceType, subject, a.InstanceType, b.InstanceType,
                $"rolling restart, one broker at a time: MSK replaces each broker's instance while its partition leaders fail over to the other replicas (clients retry; acks=all keeps writing while min.insync.replicas replicas are in sync){limits}");
        }

        if (old.Config.Cluster.Platform is StrimziPlatform { Config: var s1 } && newPlan.Config.Cluster.Platform is StrimziPlatform { Config: var s2 } && !Equals(s1.BrokerResources, s2.BrokerResources))
        {
            Add(ChangeKind.InstanceType, subject, Resources(s1.BrokerResources), Resources(s2.BrokerResources),
                "rolling restart, one broker at a time: Strimzi recreates each broker pod with the new resources while its partition leaders fail over (clients retry)");
        }
    }

    private static string Resources(ResourcesConfig? r) => r is null
        ? "default resources"
        : $"requests {r.RequestsCpu ?? "-"} CPU / {r.RequestsMemory ?? "-"}, limits {r.LimitsCpu ?? "-"} CPU / {r.LimitsMemory ?? "-"}";
}
