using System.Globalization;

namespace KafkaInfra.Core.Reassignment;

/// <summary>What <see cref="ReplicationIncrease.Plan"/> produced: the changed partitions and what was added where.</summary>
/// <param name="Changes">Partitions whose replica list grows, in topic then partition order (existing replicas first, in their order, so no leader changes).</param>
/// <param name="TargetReplicationFactor">The replication factor asked for.</param>
/// <param name="AddedPerBroker">New replicas per target broker, in broker order (zeros included).</param>
/// <param name="AlreadyAtTarget">Partitions left alone because they already had at least the target replicas.</param>
public sealed record ReplicationIncreasePlan(
    IReadOnlyList<PartitionReplicas> Changes,
    int TargetReplicationFactor,
    IReadOnlyList<KeyValuePair<int, int>> AddedPerBroker,
    int AlreadyAtTarget)
{
    /// <summary>Replicas added over all partitions.</summary>
    public int ReplicasAdded => AddedPerBroker.Sum(b => b.Value);

    /// <summary>A few lines for the terminal.</summary>
    public string ToText()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Replication factor plan: {Changes.Count} partitions raised to {TargetReplicationFactor} replicas, {ReplicasAdded} replicas added ({AlreadyAtTarget} partitions already had {TargetReplicationFactor} or more)\n");
        sb.Append("  broker  replicas added\n");
        foreach (var (broker, added) in AddedPerBroker)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {broker,6}  {added,14}\n");
        }

        return sb.ToString();
    }
}

/// <summary>
/// Raises the replication factor of the partitions of an assignment, for the internal topics that keep the
/// replication factor they were created with when a cluster grows (<c>__consumer_offsets</c>, <c>__transaction_state</c>,
/// Connect's and ksqlDB's internal topics; platform-facts 8.2). Kafka has no command for it: a reassignment that lists
/// more replicas than a partition has makes <c>kafka-reassign-partitions --execute</c> copy the partition onto them.
/// Existing replicas stay first and in order (no leader moves); each new replica goes to the broker with the fewest
/// replicas that does not hold the partition, in a rack the partition does not use yet when racks are given.
/// </summary>
public static class ReplicationIncrease
{
    public static InputResult<ReplicationIncreasePlan> Plan(ReassignmentRequest request, int targetReplicationFactor, string option = "--replication-factor")
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<Diagnostic>();
        var targets = request.Brokers.Where(b => !request.Remove.Contains(b)).Order().ToList();
        if (targetReplicationFactor < 1)
        {
            errors.Add(new Diagnostic(option, string.Create(CultureInfo.InvariantCulture, $"must be >= 1, got {targetReplicationFactor}")));
        }
        else if (targetReplicationFactor > targets.Count)
        {
            errors.Add(new Diagnostic(option, string.Create(CultureInfo.InvariantCulture, $"{targetReplicationFactor} replicas need at least {targetReplicationFactor} brokers, but {request.BrokersOption} (less {request.RemoveOption}) lists {targets.Count}: [{string.Join(',', targets)}]")));
        }

        var known = request.Brokers.ToHashSet();
        foreach (var p in request.Current)
        {
            foreach (var b in p.Replicas.Where(b => !known.Contains(b)).Distinct())
            {
                errors.Add(new Diagnostic(request.CurrentSource, string.Create(CultureInfo.InvariantCulture, $"{p.Name}: broker {b} is not in {request.BrokersOption} [{string.Join(',', request.Brokers)}]; list every current broker there")));
            }
        }

        if (request.Racks is { } racks)
        {
            foreach (var b in targets.Where(b => !racks.ContainsKey(b)))
            {
                errors.Add(new Diagnostic(request.RacksOption, string.Create(CultureInfo.InvariantCulture, $"broker {b} has no rack; give every broker a rack or none")));
            }
        }

        if (errors.Count > 0)
        {
            return InputResult.Fail<ReplicationIncreasePlan>(errors);
        }

        var load = targets.ToDictionary(b => b, _ => 0);
        foreach (var b in request.Current.SelectMany(p => p.Replicas).Where(load.ContainsKey))
        {
            load[b]++;
        }

        var added = targets.ToDictionary(b => b, _ => 0);
        var changes = new List<PartitionReplicas>();
        var atTarget = 0;
        foreach (var p in request.Current.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition))
        {
            if (p.Replicas.Count >= targetReplicationFactor)
            {
                atTarget++;
                continue;
            }

            var replicas = p.Replicas.ToList();
            while (replicas.Count < targetReplicationFactor)
            {
                var usedRacks = request.Racks is { } r ? replicas.Where(r.ContainsKey).Select(b => r[b]).ToHashSet(StringComparer.Ordinal) : null;
                var next = targets
                    .Where(b => !replicas.Contains(b))
                    .OrderBy(b => usedRacks is not null && usedRacks.Contains(request.Racks![b]) ? 1 : 0)
                    .ThenBy(b => load[b])
                    .ThenBy(b => b)
                    .First();
                replicas.Add(next);
                load[next]++;
                added[next]++;
            }

            changes.Add(p with { Replicas = replicas });
        }

        return InputResult.Ok(new ReplicationIncreasePlan(changes, targetReplicationFactor, added.OrderBy(kv => kv.Key).ToList(), atTarget));
    }
}
