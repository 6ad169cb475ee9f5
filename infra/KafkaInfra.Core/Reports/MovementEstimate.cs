using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Reports;

/// <summary>What a broker-count change moves, as the reassignment planner would plan it.</summary>
/// <param name="Replicas">Partition replicas in the cluster (topics, <c>__consumer_offsets</c>, Connect's internal topics).</param>
/// <param name="Moves">Replicas the planner copies to another broker.</param>
/// <param name="LowerBound">The fewest moves that can reach balance.</param>
public sealed record MovementEstimate(int Replicas, int Moves, int LowerBound);

/// <summary>
/// Estimates the data movement of a broker-count change with the same planner as <c>kafka-infra rebalance</c>:
/// the plan's partitions are placed on brokers 1..n the way Kafka places new topics (round robin, fixed start), balanced
/// as a running cluster would be, then planned onto the new broker set (new brokers n+1..m; on scale-in the highest ids
/// are drained). Pure and deterministic.
/// </summary>
public static class MovementEstimator
{
    /// <summary>Above this many replicas the estimate is skipped (the share formula alone is reported).</summary>
    public const int MaxReplicas = 2_000_000;

    private const int Seed = 20_261_123;

    /// <summary>The estimate, or null when it does not apply (no broker change, a replication factor the smaller side cannot hold, or too large).</summary>
    public static MovementEstimate? Estimate(CapacityPlan plan, int fromBrokers, int toBrokers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (fromBrokers == toBrokers || fromBrokers < 1 || toBrokers < 1)
        {
            return null;
        }

        var topics = Topics(plan, Math.Min(fromBrokers, toBrokers));
        var replicas = topics.Sum(t => (long)t.Partitions * t.ReplicationFactor);
        if (topics.Count == 0 || replicas > MaxReplicas || topics.Any(t => t.ReplicationFactor > Math.Min(fromBrokers, toBrokers)))
        {
            return null;
        }

        var current = new List<PartitionReplicas>((int)Math.Min(int.MaxValue, topics.Sum(t => (long)t.Partitions)));
        foreach (var (name, partitions, rf) in topics)
        {
            var placeholder = Enumerable.Range(1, rf).ToArray();
            for (var p = 0; p < partitions; p++)
            {
                current.Add(new PartitionReplicas(name, p, placeholder));
            }
        }

        var before = Enumerable.Range(1, fromBrokers).ToArray();
        var placed = KafkaGenerateBaseline.Generate(current, before, null, new Random(Seed));
        var balanced = ReassignmentPlanner.Plan(new ReassignmentRequest { Current = placed, Brokers = before }).Value?.Proposed ?? placed;
        var all = Enumerable.Range(1, Math.Max(fromBrokers, toBrokers)).ToArray();
        var removed = toBrokers < fromBrokers ? Enumerable.Range(toBrokers + 1, fromBrokers - toBrokers).ToArray() : [];
        var plan2 = ReassignmentPlanner.Plan(new ReassignmentRequest { Current = balanced, Brokers = all, Remove = removed }).Value;
        return plan2 is null ? null : new MovementEstimate((int)replicas, plan2.Summary.ReplicaMoves, plan2.Summary.LowerBound);
    }

    /// <summary>Every topic the cluster holds, with the replication factor it has on <paramref name="brokers"/> brokers.</summary>
    private static List<(string Name, int Partitions, int ReplicationFactor)> Topics(CapacityPlan plan, int brokers)
    {
        var internalRf = Math.Min(plan.Config.TopicDefaults.ReplicationFactor, brokers);
        var topics = plan.Topics.Select(t => (t.Name, t.Partitions, t.ReplicationFactor)).ToList();
        topics.Add(("__consumer_offsets", Config.Defaults.ConsumerOffsetsPartitions, internalRf));
        foreach (var g in plan.Connect)
        {
            topics.AddRange(Config.KafkaResources.ConnectInternalTopics(g.Config.Name).Select(t => (t.Topic, t.Partitions, internalRf)));
        }

        return topics;
    }
}
