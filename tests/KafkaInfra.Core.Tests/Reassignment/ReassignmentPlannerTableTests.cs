using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

public class ReassignmentPlannerTableTests
{
    /// <summary>12 partitions, RF 3, on brokers 1-3 (every partition on every broker), leaders spread 4/4/4.</summary>
    private static List<PartitionReplicas> ThreeBrokers() =>
        Enumerable.Range(0, 12).Select(i => new PartitionReplicas("t", i, Rotate([1, 2, 3], i % 3))).ToList();

    private static int[] Rotate(int[] brokers, int by) => [.. brokers.Skip(by), .. brokers.Take(by)];

    private static ReassignmentPlan Plan(IReadOnlyList<PartitionReplicas> current, int[] brokers, int[]? remove = null, Dictionary<int, string>? racks = null)
    {
        var request = new ReassignmentRequest { Current = current, Brokers = brokers, Remove = remove ?? [], Racks = racks };
        var result = ReassignmentPlanner.Plan(request);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        PlanChecks.AssertGuarantees(request, result.Value!);
        return result.Value!;
    }

    [Theory]
    // brokers, remove, expected lower bound, expected moves, expected replicas on each target broker afterwards
    [InlineData(new[] { 1, 2, 3, 4 }, new int[0], 9, 9, new[] { 9, 9, 9, 9 })]         // scale-out 3 -> 4: broker 4 gets 36/4
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, new int[0], 18, 18, new[] { 6, 6, 6, 6, 6, 6 })] // scale-out 3 -> 6: half the data moves
    [InlineData(new[] { 1, 2, 3 }, new int[0], 0, 0, new[] { 12, 12, 12 })]            // no change
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 3 }, 12, 12, new[] { 12, 12, 12 })]        // replace broker 3 with broker 4
    public void Scale_out_and_replacement_move_exactly_the_lower_bound(int[] brokers, int[] remove, int lowerBound, int moves, int[] replicasAfter)
    {
        var plan = Plan(ThreeBrokers(), brokers, remove);
        Assert.Equal(lowerBound, plan.Summary.LowerBound);
        Assert.Equal(moves, plan.Summary.ReplicaMoves);
        Assert.Equal(replicasAfter, plan.Summary.Brokers.Where(b => !b.Removed).Select(b => b.ReplicasAfter));
    }

    [Fact]
    public void Scale_out_three_to_four_takes_three_replicas_and_one_leader_from_each_old_broker()
    {
        var plan = Plan(ThreeBrokers(), [1, 2, 3, 4]);
        Assert.Equal(9, plan.Changes.Count); // 9 partitions each move one replica to broker 4
        Assert.All(plan.Changes, c => Assert.Contains(4, c.Replicas));
        Assert.Equal([3, 3, 3, 3], plan.Summary.Brokers.Select(b => b.LeadersAfter));
        Assert.Equal(0, plan.Summary.LeaderOnlyChanges);
        Assert.Equal(3, plan.Summary.PreferredLeaderChanges); // the three leaders broker 4 needs, and no others
    }

    [Fact]
    public void Scale_in_four_to_three_moves_only_the_removed_brokers_replicas()
    {
        var four = Plan(ThreeBrokers(), [1, 2, 3, 4]).Proposed;
        var plan = Plan(four, [1, 2, 3, 4], remove: [4]);
        Assert.Equal(9, plan.Summary.LowerBound);
        Assert.Equal(9, plan.Summary.ReplicaMoves);
        Assert.Equal(0, plan.Summary.Brokers.Single(b => b.Broker == 4).ReplicasAfter);
    }

    [Fact]
    public void Leaders_are_balanced_by_reordering_without_moving_data()
    {
        var current = Enumerable.Range(0, 3).Select(i => new PartitionReplicas("t", i, [1, 2, 3])).ToList();
        var plan = Plan(current, [1, 2, 3]);
        Assert.Equal(0, plan.Summary.ReplicaMoves);
        Assert.Equal(0, plan.Summary.LowerBound);
        Assert.Equal(2, plan.Summary.LeaderOnlyChanges);
        Assert.Equal(2, plan.Summary.PreferredLeaderChanges);
        Assert.Equal([1, 2, 3], plan.Proposed.Select(p => p.Replicas[0]).Order());
        Assert.All(plan.Proposed, p => Assert.Equal([1, 2, 3], p.Replicas.Order()));
    }

    [Fact]
    public void Single_replica_partitions_spread_from_one_broker()
    {
        var current = Enumerable.Range(0, 6).Select(i => new PartitionReplicas("t", i, [1])).ToList();
        var plan = Plan(current, [1, 2, 3]);
        Assert.Equal(4, plan.Summary.LowerBound);
        Assert.Equal(4, plan.Summary.ReplicaMoves);
        Assert.Equal([2, 2, 2], plan.Summary.Brokers.Select(b => b.ReplicasAfter));
    }

    [Fact]
    public void Replicas_sharing_a_rack_are_split_even_when_counts_are_balanced()
    {
        // Brokers 1 and 2 share rack a; partition t-0 has both. Counts are balanced, so only the rack fix moves data.
        var current = new List<PartitionReplicas>
        {
            new("t", 0, [1, 2]),
            new("t", 1, [3, 4]),
        };
        var racks = new Dictionary<int, string> { [1] = "a", [2] = "a", [3] = "b", [4] = "b" };
        var plan = Plan(current, [1, 2, 3, 4], racks: racks);
        Assert.Equal(2, plan.Summary.LowerBound); // one replica of each partition must change rack
        Assert.Equal(2, plan.Summary.ReplicaMoves);
    }

    [Fact]
    public void Scale_out_with_racks_keeps_one_replica_per_rack()
    {
        var racks = new Dictionary<int, string> { [1] = "a", [2] = "b", [3] = "c", [4] = "a", [5] = "b", [6] = "c" };
        var plan = Plan(ThreeBrokers(), [1, 2, 3, 4, 5, 6], racks: racks);
        Assert.Equal(18, plan.Summary.ReplicaMoves);
        // Each replica moves within its rack: 1 -> 4, 2 -> 5, 3 -> 6.
        foreach (var change in plan.Changes)
        {
            Assert.Equal(["a", "b", "c"], change.Replicas.Select(b => racks[b]).Order());
        }
    }

    [Fact]
    public void Bytes_moved_counts_each_moved_replica_once_and_reports_partitions_without_a_size()
    {
        var sizes = PartitionSizes.Parse("""{"t":{"0":1000,"1":1000,"2":1000,"3":1000,"4":1000,"5":1000,"6":1000,"7":1000,"8":1000}}""", "sizes.json").Value!;
        var request = new ReassignmentRequest { Current = ThreeBrokers(), Brokers = [1, 2, 3, 4], Sizes = sizes };
        var plan = ReassignmentPlanner.Plan(request).Value!;
        var moved = plan.Changes.Select(c => c.Partition).ToList();
        var withSize = moved.Count(p => p <= 8);
        Assert.Equal(withSize * 1000L, plan.Summary.BytesMoved);
        Assert.Equal(moved.Count - withSize, plan.Summary.MovesWithoutSize);
    }

    [Fact]
    public void Reassignment_file_has_the_shape_kafka_reassign_partitions_expects()
    {
        var json = ReassignmentJson.WriteReassignment([new PartitionReplicas("orders", 3, [4, 1, 2])]);
        Assert.Equal("{\"version\":1,\"partitions\":[\n  {\"topic\":\"orders\",\"partition\":3,\"replicas\":[4,1,2],\"log_dirs\":[\"any\",\"any\",\"any\"]}\n]}\n", json);
        Assert.Equal("{\"version\":1,\"partitions\":[]}\n", ReassignmentJson.WriteReassignment([]));
    }
}
