using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Reports;

/// <summary>Walks two plans (or a deployed state and a plan) and lists every change with its consequence.</summary>
internal sealed class ImpactComparer(CapacityPlan? oldPlan, CapacityPlan newPlan, ImpactOptions options)
{
    private readonly List<Change> _changes = [];

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
            KafkaVersion(oldPlan);
            Brokers(oldPlan.Cluster.Brokers, newPlan.Cluster.Brokers, oldPlan.Cluster.StorageBytesPerBroker * oldPlan.Cluster.Brokers, oldPlan.Cluster.TotalReplicas, oldPlan);
            if (Storage(oldPlan) is { } storage)
            {
                Storage(storage, newPlan.Config.Cluster.StorageGiB);
            }

            InstanceType(oldPlan);
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

    private void Add(ChangeKind kind, string subject, string? old, string? @new, string consequence, bool isUnsafe = false, string? acknowledge = null, string? path = null) =>
        _changes.Add(new Change(kind, subject, old, @new, consequence, isUnsafe, isUnsafe ? acknowledge : null, path));

    private static bool HasBrokers(CapacityPlan plan) => plan.Cluster.Platform != Platform.MskServerless;

    private static bool HasStorage(CapacityPlan plan) => plan.Cluster.Platform is Platform.Strimzi or Platform.MskProvisioned;

    private static int? Storage(CapacityPlan plan) => HasStorage(plan) ? plan.Config.Cluster.StorageGiB : null;

    private static string PlatformName(Platform p) => p switch
    {
        Platform.Strimzi => "Strimzi",
        Platform.MskProvisioned => "MSK Standard",
        Platform.MskExpress => "MSK Express",
        _ => "MSK Serverless",
    };

    private static string ClusterSummary(CapacityPlan plan)
    {
        var k = plan.Cluster;
        var name = PlatformName(k.Platform);
        return k.Platform switch
        {
            Platform.MskServerless => name,
            Platform.MskExpress => $"{name} ({plan.Config.Cluster.Msk!.InstanceType}), {Fmt.N(k.Brokers)} brokers",
            Platform.MskProvisioned => $"{name} ({plan.Config.Cluster.Msk!.InstanceType}), {Fmt.N(k.Brokers)} brokers × {Fmt.N(plan.Config.Cluster.StorageGiB)} GiB",
            _ => $"{name}, {Fmt.N(k.Brokers)} brokers × {Fmt.N(plan.Config.Cluster.StorageGiB)} GiB",
        };
    }

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
            $"creates the cluster ({PlatformName(newPlan.Cluster.Platform)}); nothing exists yet, so no data moves");
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
        var from = PlatformName(old.Cluster.Platform);
        var to = PlatformName(newPlan.Cluster.Platform);
        Add(ChangeKind.Platform, newPlan.Config.Cluster.Name, ClusterSummary(old), ClusterSummary(newPlan),
            $"a new cluster: {from} cannot become {to} in place, so the {to} cluster is created empty, the {from} cluster and all its data are deleted, and every client needs the new bootstrap address and credentials",
            true,
            "run the new platform as a separate stack, mirror the topics into it (e.g. MirrorMaker 2), move producers and consumers, then retire this stack");
    }

    private void EnvironmentChange(CapacityPlan old)
    {
        var from = old.Config.Environment;
        var to = newPlan.Config.Environment;
        if (from == to)
        {
            return;
        }

        var consequence = to == DeploymentEnvironment.Prod
            ? "prod turns the dev warnings into errors (replication factor ≥ 3, min.insync.replicas ≥ 2, no plain listener, ≥ 3 KRaft controllers); nothing is redeployed by the switch itself"
            : "the prod safety checks become warnings (replication factor < 3, min.insync.replicas < 2, a plain listener are allowed); nothing is redeployed by the switch itself";
        Add(ChangeKind.Environment, newPlan.Config.Cluster.Name, Lower(from), Lower(to), consequence);
    }

    private static string Lower(DeploymentEnvironment e) => e == DeploymentEnvironment.Prod ? "prod" : "dev";

    private void KafkaVersion(CapacityPlan old)
    {
        var from = old.Config.Cluster.KafkaVersion;
        var to = newPlan.Config.Cluster.KafkaVersion;
        if (from == to)
        {
            return;
        }

        var how = newPlan.Cluster.Platform == Platform.Strimzi
            ? "Strimzi rolls the brokers one at a time"
            : "MSK upgrades the brokers one at a time (MSK does not downgrade)";
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

        var platform = newPlan.Cluster.Platform;
        var subject = newPlan.Config.Cluster.Name;
        var movement = to > from
            ? $"at least {k}/{to} = {Fmt.D(share * 100, 0)}% of the data moves onto the new brokers"
            : $"the removed brokers' share {k}/{from} = {Fmt.D(share * 100, 0)}% of the data must move off them first";
        var volume = $"about {Plural(replicas, "partition replica", "partition replicas")} of {Fmt.N(totalReplicas)}{planned}, and {Fmt.GiB(bytes)} of {Fmt.GiB(totalBytes)} (storage per broker × {Plural(from, "broker", "brokers")}, at full retention)";
        var time = $"at the {Fmt.D(options.ThrottleMBps, 0)} MB/s reassignment throttle: {Transfer(bytes)}";
        if (to > from)
        {
            var mechanism = platform switch
            {
                Platform.Strimzi => "Cruise Control's add-brokers auto-rebalance moves it once the new brokers are up",
                Platform.MskExpress => "MSK Express intelligent rebalancing moves it automatically (rebalancing ACTIVE)",
                _ => "MSK does not move existing partitions onto new brokers: they stay empty until a reassignment runs (`kafka-infra rebalance` writes one)",
            };
            Add(ChangeKind.Brokers, subject, Fmt.N(from), Fmt.N(to), $"{movement}: {volume}; {mechanism}; {time}", path: $"{ClusterPath}.brokers");
            return;
        }

        if (newPlan.Config.Cluster.Msk is { } msk)
        {
            var drained = msk.BrokersDrained;
            var mechanism = drained
                ? "acknowledged with cluster.msk.brokersDrained: true, so the replicas must already be off the removed brokers; MSK removes one broker per Availability Zone per operation"
                : "MSK removes a broker only once no partition replica is left on it, so this is refused until the brokers are drained";
            Add(ChangeKind.Brokers, subject, Fmt.N(from), Fmt.N(to), $"{movement}: {volume}; {mechanism}; {time}", !drained,
                "move the replicas off the brokers being removed (`kafka-infra rebalance --remove ...` writes the reassignment), then set cluster.msk.brokersDrained: true", $"{ClusterPath}.brokers");
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

        var how = newPlan.Cluster.Platform == Platform.Strimzi
            ? "each broker's persistent volume is expanded (the StorageClass must allow volume expansion), then Strimzi restarts the brokers one at a time"
            : "MSK expands each broker's EBS volume in place; brokers stay online";
        var capacity = $"cluster capacity {Fmt.N((long)from * newPlan.Cluster.Brokers)} → {Fmt.N((long)to * newPlan.Cluster.Brokers)} GiB at {Fmt.N(newPlan.Cluster.Brokers)} brokers";
        Add(ChangeKind.Storage, subject, $"{Fmt.N(from)} GiB", $"{Fmt.N(to)} GiB", $"grows per-broker storage: {how}; {capacity}; it can never shrink back", path: $"{ClusterPath}.storageGiB");
    }

    private void InstanceType(CapacityPlan old)
    {
        var subject = newPlan.Config.Cluster.Name;
        if (old.Config.Cluster.Msk is { } a && newPlan.Config.Cluster.Msk is { } b && a.InstanceType != b.InstanceType && !b.Serverless)
        {
            var limits = MskInstanceTypes.Find(b.InstanceType) is { } t
                ? $"; partition replica limit per broker becomes {Fmt.N(t.RecommendedPartitions)} recommended / {Fmt.N(t.MaxPartitions)} max (this plan: {Fmt.N(newPlan.Cluster.ReplicasPerBroker)})"
                : "";
            Add(ChangeKind.InstanceType, subject, a.InstanceType, b.InstanceType,
                $"rolling restart, one broker at a time: MSK replaces each broker's instance while its partition leaders fail over to the other replicas (clients retry; acks=all keeps writing while min.insync.replicas replicas are in sync){limits}");
        }

        if (old.Config.Cluster.Strimzi is { } s1 && newPlan.Config.Cluster.Strimzi is { } s2 && !Equals(s1.BrokerResources, s2.BrokerResources))
        {
            Add(ChangeKind.InstanceType, subject, Resources(s1.BrokerResources), Resources(s2.BrokerResources),
                "rolling restart, one broker at a time: Strimzi recreates each broker pod with the new resources while its partition leaders fail over (clients retry)");
        }
    }

    private static string Resources(ResourcesConfig? r) => r is null
        ? "default resources"
        : $"requests {r.RequestsCpu ?? "-"} CPU / {r.RequestsMemory ?? "-"}, limits {r.LimitsCpu ?? "-"} CPU / {r.LimitsMemory ?? "-"}";

    // ---- topics ------------------------------------------------------------------------------------------------

    private void Topics(CapacityPlan old)
    {
        foreach (var t in newPlan.Topics)
        {
            if (!old.TryGetTopic(t.Name, out var before))
            {
                TopicAdded(t);
                continue;
            }

            if (before.Partitions != t.Partitions)
            {
                Partitions(t.Name, before.Partitions, t, before);
            }

            ReplicationFactor(before, t);
            MinInsyncReplicas(before, t);
            Retention(before, t);
        }

        foreach (var t in old.Topics.Where(t => !newPlan.TryGetTopic(t.Name, out _)))
        {
            TopicRemoved(t.Name, $"{Plural(t.Partitions, "partition", "partitions")}, RF {t.ReplicationFactor}", t, Readers(old, t.Name));
        }
    }

    private static List<string> Readers(CapacityPlan plan, string topic)
    {
        var readers = plan.Consumers.Where(c => c.Topic == topic).Select(c => $"group {c.Config.ConsumerGroup}").ToList();
        readers.AddRange(plan.Connect.SelectMany(g => g.Connectors)
            .Where(c => c.Config.Kind == ConnectorKind.Sink && c.Config.Topics.Contains(topic, StringComparer.Ordinal))
            .Select(c => $"connector {c.Name}"));
        readers.AddRange(plan.KsqlDb.Where(g => g.Config.Topics.Contains(topic, StringComparer.Ordinal)).Select(g => $"ksqlDB {g.Name}"));
        return readers;
    }

    private void TopicAdded(TopicPlan t)
    {
        var replicas = (long)t.Partitions * t.ReplicationFactor;
        var perBroker = HasBrokers(newPlan) && newPlan.Cluster.Brokers > 0
            ? $" ({Fmt.GiB(t.StorageBytes / newPlan.Cluster.Brokers)} per broker)"
            : "";
        Add(ChangeKind.TopicAdded, t.Name, null, $"{Plural(t.Partitions, "partition", "partitions")}, RF {t.ReplicationFactor}",
            $"creates the topic: {Fmt.N(t.Partitions)} partitions × RF {t.ReplicationFactor} = {Plural(replicas, "replica", "replicas")}, min.insync.replicas {t.MinInsyncReplicas}, retention {Fmt.N(t.RetentionHours)} h, about {Fmt.GiB(t.StorageBytes)} at full retention{perBroker}");
    }

    private void TopicRemoved(string name, string old, TopicPlan? before, List<string> readers)
    {
        var data = before is null ? "its data" : $"its data (about {Fmt.GiB(before.StorageBytes)} at full retention)";
        var who = readers.Count > 0 ? $"; its readers ({string.Join(", ", readers)}) lose their input" : "";
        var how = newPlan.Cluster.Platform == Platform.Strimzi
            ? "deleting the KafkaTopic deletes the Kafka topic"
            : "Pulumi.Kafka deletes the topic";
        var allowed = options.AllowedTopicDeletions.Contains(name, StringComparer.Ordinal);
        var consequence = $"deletes the topic and {data}: {how}{who}";
        Add(ChangeKind.TopicRemoved, name, old, null,
            allowed ? $"acknowledged with --allow-topic-deletion {name}: {consequence}" : consequence,
            !allowed,
            $"if the data may go, pass --allow-topic-deletion {name}; otherwise keep the topic in kafka-infra:topics");
    }

    private void Partitions(string name, int from, TopicPlan t, TopicPlan? before)
    {
        var path = $"{t.Config.Path}.partitions";
        if (t.Partitions < from)
        {
            var data = before is null ? "its data" : $"its data (about {Fmt.GiB(before.StorageBytes)})";
            Add(ChangeKind.Partitions, name, Fmt.N(from), Fmt.N(t.Partitions),
                $"refused: Kafka cannot remove partitions; Pulumi.Kafka would delete and recreate the topic, losing {data}, and Strimzi refuses it (NotSupported), leaving the topic at {Fmt.N(from)}",
                true,
                $"keep {path} at {Fmt.N(from)} or more; to get fewer partitions, create a new topic and move producers and consumers to it", path);
            return;
        }

        var added = t.Partitions - from;
        var readers = Readers(newPlan, name);
        var who = readers.Count > 0 ? $" ({string.Join(", ", readers)})" : "";
        var how = newPlan.Cluster.Platform == Platform.Strimzi
            ? "the Topic Operator adds the partitions in place"
            : "Pulumi.Kafka adds the partitions in place";
        Add(ChangeKind.Partitions, name, Fmt.N(from), Fmt.N(t.Partitions),
            $"keys remap to other partitions (per-key ordering breaks across the change); existing data stays where it is; consumers with auto.offset.reset=latest{who} can miss messages written to the {Plural(added, "new partition", "new partitions")} before they are assigned them; {how}", path: path);
    }

    private void ReplicationFactor(TopicPlan before, TopicPlan t)
    {
        if (before.ReplicationFactor == t.ReplicationFactor)
        {
            return;
        }

        var from = before.ReplicationFactor;
        var to = t.ReplicationFactor;
        var delta = Math.Abs(to - from);
        var bytes = before.StorageBytes * delta / from;
        var formula = $"{Fmt.GiB(before.StorageBytes)} × {delta}/{from}";
        var survives = $"an acknowledged write now survives {Plural(to - 1, "broker loss", "broker losses")} (was {Fmt.N(from - 1)})";
        string consequence;
        if (to > from)
        {
            var how = newPlan.Cluster.Platform == Platform.Strimzi
                ? "the Topic Operator hands the change to Cruise Control (always deployed with the cluster), which adds the replicas"
                : "Pulumi.Kafka changes it in place through a partition reassignment";
            consequence = $"{how}: {formula} = {Fmt.GiB(bytes)} copied ({Transfer(bytes)}); {survives}";
        }
        else
        {
            var how = newPlan.Cluster.Platform == Platform.Strimzi
                ? "Cruise Control drops a replica"
                : "Pulumi.Kafka drops replicas through a partition reassignment";
            consequence = $"{how} of each of the {Fmt.N(t.Partitions)} partitions: {formula} = {Fmt.GiB(bytes)} freed, nothing copied; {survives}";
        }

        Add(ChangeKind.ReplicationFactor, t.Name, Fmt.N(from), Fmt.N(to), consequence);
    }

    private void MinInsyncReplicas(TopicPlan before, TopicPlan t)
    {
        if (before.MinInsyncReplicas == t.MinInsyncReplicas)
        {
            return;
        }

        var from = before.MinInsyncReplicas;
        var to = t.MinInsyncReplicas;
        var tolerated = t.ReplicationFactor - to;
        var wasTolerated = before.ReplicationFactor - from;
        var direction = to > from
            ? "more durable, less available"
            : "more available, less durable";
        Add(ChangeKind.MinInsyncReplicas, t.Name, Fmt.N(from), Fmt.N(to),
            $"{direction}: each acks=all write is on at least {Plural(to, "broker", "brokers")} (was {Fmt.N(from)}), and acks=all producers keep writing through {Plural(tolerated, "broker outage", "broker outages")} per partition (was {Fmt.N(wasTolerated)}) before failing with NotEnoughReplicas; a topic config change, nothing restarts");
    }

    private void Retention(TopicPlan before, TopicPlan t)
    {
        if (before.RetentionHours == t.RetentionHours)
        {
            return;
        }

        var effect = t.RetentionHours < before.RetentionHours
            ? $"data older than {Fmt.N(t.RetentionHours)} h is deleted at the next log cleanup"
            : "data is kept longer from now on (older segments already deleted do not come back)";
        Add(ChangeKind.Retention, t.Name, $"{Fmt.N(before.RetentionHours)} h", $"{Fmt.N(t.RetentionHours)} h",
            $"retention.ms {Fmt.N(before.RetentionMs)} → {Fmt.N(t.RetentionMs)}: {effect}; the topic's storage at full retention goes from {Fmt.GiB(before.StorageBytes)} to {Fmt.GiB(t.StorageBytes)}");
    }

    // ---- consumers ---------------------------------------------------------------------------------------------

    private static string ConsumerKey(ConsumerPlan c) => $"{c.Config.Namespace}/{c.Name}";

    private static string Range(ConsumerPlan c) => $"{Fmt.N(c.MinReplicas)}-{Fmt.N(c.MaxReplicas)} replicas, lagThreshold {Fmt.N(c.Config.LagThreshold)}";

    private static string CapNote(ConsumerPlan c) =>
        $"maxReplicas {Fmt.N(c.Config.MaxReplicas)} is capped at {Fmt.N(c.MaxReplicas)}, the partitions of {c.Topic}: {Fmt.N(c.Config.MaxReplicas - c.MaxReplicas)} more replicas would idle (raise the topic's partitions to scale further)";

    private void ConsumerAdded(ConsumerPlan c)
    {
        var cap = c.Capped ? "; " + CapNote(c) : "";
        Add(ChangeKind.ConsumerAdded, ConsumerKey(c), null, Range(c),
            $"KEDA scales {c.Config.Kind} {ConsumerKey(c)} between {Fmt.N(c.MinReplicas)} and {Fmt.N(c.MaxReplicas)} replicas on the lag of group {c.Config.ConsumerGroup} on {c.Topic} (target average lag {Fmt.N(c.Config.LagThreshold)} per replica){cap}");
    }

    private void Consumers(CapacityPlan old)
    {
        var before = old.Consumers.ToDictionary(ConsumerKey, StringComparer.Ordinal);
        var after = newPlan.Consumers.Select(ConsumerKey).ToHashSet(StringComparer.Ordinal);
        foreach (var c in newPlan.Consumers)
        {
            if (!before.TryGetValue(ConsumerKey(c), out var b))
            {
                ConsumerAdded(c);
                continue;
            }

            var parts = new List<string>();
            if (b.Topic != c.Topic || b.Config.ConsumerGroup != c.Config.ConsumerGroup)
            {
                parts.Add($"now reads {c.Topic} as group {c.Config.ConsumerGroup} (was {b.Topic} as {b.Config.ConsumerGroup}); a new group starts where its offset reset policy says");
            }

            if (b.MinReplicas != c.MinReplicas || b.MaxReplicas != c.MaxReplicas)
            {
                parts.Add($"KEDA now runs {Fmt.N(c.MinReplicas)} to {Fmt.N(c.MaxReplicas)} replicas (was {Fmt.N(b.MinReplicas)} to {Fmt.N(b.MaxReplicas)}); each added member triggers a consumer-group rebalance");
            }

            if (c.Capped && (!b.Capped || b.Config.MaxReplicas != c.Config.MaxReplicas || b.MaxReplicas != c.MaxReplicas))
            {
                parts.Add(CapNote(c));
            }
            else if (b.Capped && !c.Capped)
            {
                parts.Add($"maxReplicas {Fmt.N(c.Config.MaxReplicas)} is no longer capped by the partitions of {c.Topic}");
            }

            if (b.Config.LagThreshold != c.Config.LagThreshold)
            {
                var sooner = c.Config.LagThreshold < b.Config.LagThreshold ? "scales out sooner" : "scales out later";
                parts.Add($"lagThreshold {Fmt.N(b.Config.LagThreshold)} → {Fmt.N(c.Config.LagThreshold)} (target average lag per replica): KEDA {sooner}");
            }

            if (parts.Count > 0)
            {
                Add(ChangeKind.ConsumerScaling, ConsumerKey(c), Range(b), Range(c), string.Join("; ", parts));
            }
        }

        foreach (var b in old.Consumers.Where(c => !after.Contains(ConsumerKey(c))))
        {
            Add(ChangeKind.ConsumerRemoved, ConsumerKey(b), Range(b), null,
                $"deletes the KEDA ScaledObject: {b.Config.Kind} {ConsumerKey(b)} stays at its current replica count and is no longer scaled on lag; group {b.Config.ConsumerGroup}'s committed offsets remain until Kafka expires them");
        }
    }

    // ---- Connect -----------------------------------------------------------------------------------------------

    private static string Workers(ConnectGroupPlan g) => g.MaxReplicas is { } max
        ? $"{Fmt.N(g.Replicas)}-{Fmt.N(max)} workers (KEDA)"
        : Plural(g.Replicas, "worker", "workers");

    private void ConnectGroupAdded(ConnectGroupPlan g)
    {
        Add(ChangeKind.ConnectGroupAdded, g.Name, null, Workers(g),
            $"creates Kafka Connect group {g.Name} with {Workers(g)} and internal topics {g.ConfigStorageTopic}, {g.OffsetStorageTopic}, {g.StatusStorageTopic}");
        foreach (var c in g.Connectors)
        {
            ConnectorAdded(g, c);
        }
    }

    private void ConnectorAdded(ConnectGroupPlan g, ConnectorPlan c)
    {
        var reads = c.Config.Kind == ConnectorKind.Sink
            ? $"reads {string.Join(", ", c.Config.Topics)} as consumer group {c.ConsumerGroup}"
            : c.Config.Topics.Count > 0 ? $"writes to {string.Join(", ", c.Config.Topics)}" : "a source connector";
        Add(ChangeKind.ConnectorAdded, $"{g.Name}/{c.Name}", null, $"tasksMax {Fmt.N(c.TasksMax)}",
            $"starts {c.Config.Class} with up to {Plural(c.TasksMax, "task", "tasks")}: {reads}");
    }

    private void Connect(CapacityPlan old)
    {
        var before = old.Connect.ToDictionary(g => g.Name, StringComparer.Ordinal);
        foreach (var g in newPlan.Connect)
        {
            if (!before.TryGetValue(g.Name, out var b))
            {
                ConnectGroupAdded(g);
                continue;
            }

            if (b.Replicas != g.Replicas || b.MaxReplicas != g.MaxReplicas)
            {
                Add(ChangeKind.ConnectReplicas, g.Name, Workers(b), Workers(g),
                    $"Connect rebalances the group's tasks across {Workers(g)}; every connector of the group pauses briefly while its tasks move");
            }

            var connectors = b.Connectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var c in g.Connectors)
            {
                if (!connectors.TryGetValue(c.Name, out var bc))
                {
                    ConnectorAdded(g, c);
                }
                else if (bc.TasksMax != c.TasksMax)
                {
                    Add(ChangeKind.ConnectReplicas, $"{g.Name}/{c.Name}", $"tasksMax {Fmt.N(bc.TasksMax)}", $"tasksMax {Fmt.N(c.TasksMax)}",
                        $"the connector restarts its tasks and spreads {Plural(c.TasksMax, "task", "tasks")} over the group's workers");
                }
            }

            foreach (var bc in b.Connectors.Where(c => !g.Connectors.Any(n => n.Name == c.Name)))
            {
                Add(ChangeKind.ConnectorRemoved, $"{g.Name}/{bc.Name}", $"tasksMax {Fmt.N(bc.TasksMax)}", null,
                    bc.Config.Kind == ConnectorKind.Sink
                        ? $"stops and deletes the connector; its offsets stay in group {bc.ConsumerGroup}, so a connector re-created with the same name resumes where it stopped"
                        : "stops and deletes the connector; its source offsets stay in the group's offsets topic");
            }
        }

        foreach (var b in old.Connect.Where(o => !newPlan.Connect.Any(g => g.Name == o.Name)))
        {
            Add(ChangeKind.ConnectGroupRemoved, b.Name, Workers(b), null,
                $"deletes the workers and their {Plural(b.Connectors.Count, "connector", "connectors")}; the internal topics {b.ConfigStorageTopic}, {b.OffsetStorageTopic}, {b.StatusStorageTopic} and sink offsets stay on the cluster");
        }
    }

    // ---- ksqlDB ------------------------------------------------------------------------------------------------

    private void KsqlDbAdded(KsqlDbGroupPlan g)
    {
        Add(ChangeKind.KsqlDbGroupAdded, g.Name, null, Plural(g.Replicas, "server", "servers"),
            $"creates {Plural(g.Replicas, "ksqlDB server", "ksqlDB servers")} with service id {g.ServiceId}; internal topics {g.InternalTopicPrefix}* with RF {g.InternalReplicationFactor}");
    }

    private void KsqlDb(CapacityPlan old)
    {
        foreach (var g in newPlan.KsqlDb)
        {
            var b = old.KsqlDb.FirstOrDefault(o => o.Name == g.Name);
            if (b is null)
            {
                KsqlDbAdded(g);
            }
            else if (b.Replicas != g.Replicas)
            {
                Add(ChangeKind.KsqlDbReplicas, g.Name, Plural(b.Replicas, "server", "servers"), Plural(g.Replicas, "server", "servers"),
                    $"the servers sharing service id {g.ServiceId} rebalance the persistent queries' tasks; moved state stores are restored from their changelog topics before those tasks resume");
            }
        }

        foreach (var b in old.KsqlDb.Where(o => !newPlan.KsqlDb.Any(g => g.Name == o.Name)))
        {
            Add(ChangeKind.KsqlDbGroupRemoved, b.Name, Plural(b.Replicas, "server", "servers"), null,
                $"deletes the servers: their persistent queries stop; the internal topics {b.InternalTopicPrefix}* (command topic {b.InternalTopicPrefix}_command_topic) stay on the cluster");
        }
    }
}
