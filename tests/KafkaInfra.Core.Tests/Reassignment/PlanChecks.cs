using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

/// <summary>Checks a plan against the guarantees, independently of the planner's own bookkeeping.</summary>
internal static class PlanChecks
{
    /// <param name="leaderBalance">False to skip the leader-balance check (and accept leader warnings only).</param>
    public static void AssertGuarantees(ReassignmentRequest request, ReassignmentPlan plan, bool leaderBalance = true)
    {
        var removed = request.Remove.ToHashSet();
        var targets = request.Brokers.Where(b => !removed.Contains(b)).ToList();
        var before = request.Current.ToDictionary(p => (p.Topic, p.Partition));
        Assert.Equal(request.Current.Count, plan.Proposed.Count);

        var replicas = targets.ToDictionary(b => b, _ => 0);
        var leaders = targets.ToDictionary(b => b, _ => 0);
        var moves = 0;
        var changed = new List<PartitionReplicas>();
        foreach (var p in plan.Proposed)
        {
            var was = before[(p.Topic, p.Partition)];
            Assert.Equal(was.Replicas.Count, p.Replicas.Count);
            Assert.Equal(p.Replicas.Count, p.Replicas.Distinct().Count());
            foreach (var b in p.Replicas)
            {
                Assert.True(replicas.ContainsKey(b), $"{p.Name} is placed on broker {b}, which is not a target broker");
                replicas[b]++;
            }

            leaders[p.Replicas[0]]++;
            if (request.Racks is { } racks)
            {
                Assert.True(p.Replicas.Select(b => racks[b]).Distinct().Count() == p.Replicas.Count, $"{p.Name} has two replicas in one rack: [{string.Join(',', p.Replicas)}]");
            }

            moves += p.Replicas.Count(b => !was.Replicas.Contains(b));
            if (!p.Replicas.SequenceEqual(was.Replicas))
            {
                changed.Add(p);
            }
        }

        var total = request.Current.Sum(p => p.Replicas.Count);
        foreach (var b in targets)
        {
            Assert.InRange(replicas[b], total / targets.Count, (total + targets.Count - 1) / targets.Count);
            if (leaderBalance)
            {
                Assert.InRange(leaders[b], request.Current.Count / targets.Count, (request.Current.Count + targets.Count - 1) / targets.Count);
            }
        }

        Assert.Equal(changed.Select(p => p.Name), plan.Changes.Select(p => p.Name));
        Assert.Equal(moves, plan.Summary.ReplicaMoves);
        Assert.True(moves >= plan.Summary.LowerBound, $"moves {moves} below the lower bound {plan.Summary.LowerBound}");
        if (leaderBalance)
        {
            Assert.Empty(plan.Summary.Warnings);
        }
        else
        {
            Assert.All(plan.Summary.Warnings, w => Assert.Contains("is preferred leader of", w, StringComparison.Ordinal));
        }
    }
}
