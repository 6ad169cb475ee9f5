using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>Cluster sizing: brokers for the write load, storage per broker, partition replicas per broker against the platform's limit.</summary>
internal sealed partial class PlanContext
{
    private void PlanCluster()
    {
        var c = config.Cluster;
        var instance = (Platform as MskProvisionedPlatform)?.InstanceType;
        var ingressBytes = Topics.Sum(t => t.IngressBytesPerSecond);
        var writeBytes = Topics.Sum(t => t.IngressBytesPerSecond * t.ReplicationFactor);
        var brokerIngress = c.BrokerIngressMBps ?? instance?.IngressMBps ?? Defaults.BrokerIngressMBps;
        var minBrokers = CapacityPlanner.BrokersForThroughput(writeBytes, brokerIngress);
        var maxRf = Topics.Count == 0 ? 1 : Topics.Max(t => t.ReplicationFactor);
        var throughput = new Derivation(
            "max(⌈Σ(messagesPerSecond × messageBytes × replicationFactor) ÷ brokerIngressMBps⌉, largest replicationFactor)",
            $"max(⌈{Fmt.MBps(writeBytes)} ÷ {Fmt.D(brokerIngress)} MB/s per broker⌉ = {Fmt.N(minBrokers)}, RF {maxRf}) = {Fmt.N(Math.Max(minBrokers, maxRf))}{NotCounted(Topics.Where(t => !t.IsSized), "not sized")}");

        var hasBrokers = Profile.HasBrokers;
        var brokers = hasBrokers ? c.Brokers : 0;
        var totalStorage = Topics.Sum(t => t.StorageBytes);
        var perBroker = brokers > 0 ? totalStorage / brokers : 0;
        var needed = CapacityPlanner.StorageGiBNeeded(perBroker);
        var storageDerivation = new Derivation(
            "Σ(averageMessagesPerSecond (else messagesPerSecond) × messageBytes × retention × replicationFactor) ÷ brokers ÷ 70%",
            brokers > 0 ? $"{Fmt.GiB(totalStorage)} ÷ {Fmt.Count(brokers, "broker", "brokers")} = {Fmt.GiB(perBroker)} per broker; ÷ 70% = {Fmt.N(needed)} GiB{NotCounted(Topics.Where(t => t.StorageUnsized is not null), "storage not estimated")}" : Profile.IsMsk ? "storage is managed by AWS" : "not sized: the cluster's owner manages brokers and storage");

        var offsetsRf = Math.Min(config.TopicDefaults.ReplicationFactor, Math.Max(1, brokers));
        var topicReplicas = Topics.Sum(t => (long)t.Partitions * t.ReplicationFactor);
        var connectReplicas = Connect.Count * KafkaResources.ConnectInternalPartitions * (long)offsetsRf;
        var totalReplicas = topicReplicas + (Defaults.ConsumerOffsetsPartitions * (long)offsetsRf) + connectReplicas;
        var replicasPerBroker = brokers > 0 ? (int)Math.Min(int.MaxValue, CapacityPlanner.CeilDiv(totalReplicas, brokers)) : 0;
        var replicasDerivation = new Derivation(
            "⌈(Σ partitions × replicationFactor + 50 × RF for __consumer_offsets + 31 × RF per Connect group) ÷ brokers⌉",
            brokers > 0 ? $"⌈({Fmt.N(topicReplicas)} + {Fmt.N(Defaults.ConsumerOffsetsPartitions * offsetsRf)} + {Fmt.N(connectReplicas)}) ÷ {Fmt.N(brokers)}⌉ = {Fmt.N(replicasPerBroker)}" : Profile.IsMsk ? "managed by AWS" : "not counted: the cluster's owner manages the brokers");

        var limit = hasBrokers ? Profile.PartitionsPerBroker(c) : null;
        if (hasBrokers)
        {
            CheckReplicaLimit(limit, replicasPerBroker, totalReplicas, replicasDerivation, instance);
            if (c.Brokers < minBrokers)
            {
                Shortfall($"{ClusterPath}.brokers", $"{Fmt.Count(c.Brokers, "broker", "brokers")} cannot carry the write load: it needs {Fmt.N(minBrokers)} ({throughput.Explanation}); set brokers to {Fmt.N(minBrokers)} or more, or cluster.brokerIngressMBps if your brokers sustain more");
            }

            if (Profile.HasStorage && c.StorageGiB < needed && !(c.Msk?.StorageAutoscaling is { } a && a.MaxGiB >= needed))
            {
                var average = Topics.Any(t => t.Config.AverageMessagesPerSecond is null) ? "; set topics[].averageMessagesPerSecond where the peak rate does not last the whole retention" : "";
                Shortfall($"{ClusterPath}.storageGiB", $"{Fmt.N(c.StorageGiB)} GiB per broker is below the {Fmt.N(needed)} GiB needed to keep full retention under 70% full ({storageDerivation.Explanation}); set storageGiB to {Fmt.N(needed)} or more, or add brokers{average}");
            }
        }

        Cluster = new ClusterPlan(
            Platform.Kind,
            brokers,
            Profile.HasStorage ? c.StorageGiB : 0,
            Defaults.NumPartitions,
            new ThroughputSizing(ingressBytes / Units.MB, writeBytes / Units.MB, brokerIngress, Math.Max(minBrokers, maxRf), throughput),
            new StorageSizing(perBroker, needed, storageDerivation),
            new ReplicaSizing((int)Math.Min(int.MaxValue, totalReplicas), replicasPerBroker, limit, replicasDerivation),
            deployed.Brokers,
            deployed.StorageGiB,
            deployed.KafkaAclsDeclared);
    }

    /// <summary>"; not sized: a, b" for the topics a sum leaves out, or "" when it counts them all.</summary>
    private static string NotCounted(IEnumerable<TopicPlan> topics, string what)
    {
        var names = topics.Select(t => t.Name).ToList();
        return names.Count == 0 ? "" : $"; {what}: {string.Join(", ", names)}";
    }

    /// <summary>Partition replicas per broker against the platform's limit: Strimzi's configured ceiling, or the MSK broker type's.</summary>
    private void CheckReplicaLimit(PartitionLimit? limit, int replicasPerBroker, long totalReplicas, Derivation derivation, MskInstanceType? instance)
    {
        if (limit is null || replicasPerBroker <= limit.Recommended.GetValueOrDefault(limit.Max))
        {
            return;
        }

        // The brokers that bring the replicas under the limit at today's total (more brokers also raise the internal
        // topics' RF only up to topicDefaults.replicationFactor, which the total already counts).
        string BrokersFor(int ceiling) => Fmt.N(CapacityPlanner.CeilDiv(totalReplicas, ceiling));
        if (Platform is StrimziPlatform)
        {
            Error($"{ClusterPath}.brokers", $"{Fmt.N(replicasPerBroker)} partition replicas per broker ({derivation.Explanation}) exceed the ceiling of {Fmt.N(limit.Max)} (cluster.maxPartitionsPerBroker); {BrokersFor(limit.Max)} brokers are needed, or fewer partitions");
        }
        else if (replicasPerBroker > limit.Max)
        {
            Error($"{ClusterPath}.msk.instanceType", $"{Fmt.N(replicasPerBroker)} partition replicas per broker exceed {instance!.Name}'s maximum of {Fmt.N(limit.Max)}, above which MSK blocks configuration updates and broker-size changes; {BrokersFor(limit.Max)} brokers are needed{(limit.Recommended is { } recommended && recommended < limit.Max ? $" ({BrokersFor(recommended)} for the recommended count)" : "")}, or a larger type");
        }
        else
        {
            Shortfall($"{ClusterPath}.msk.instanceType", $"{Fmt.N(replicasPerBroker)} partition replicas per broker are above {instance!.Name}'s recommended {Fmt.N(limit.Recommended!.Value)} (maximum {Fmt.N(limit.Max)}); {BrokersFor(limit.Recommended!.Value)} brokers keep it at the recommended count, or choose a larger type");
        }
    }
}
