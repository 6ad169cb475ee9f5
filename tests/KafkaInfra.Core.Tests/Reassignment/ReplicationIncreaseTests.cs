using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

/// <summary><c>rebalance --replication-factor</c>: raises internal topics' RF after brokers were added (issue 12 item 6).</summary>
public class ReplicationIncreaseTests
{
    private static ReassignmentRequest Request(IReadOnlyList<PartitionReplicas> current, int[] brokers, IReadOnlyDictionary<int, string>? racks = null) =>
        new() { Current = current, Brokers = brokers, Racks = racks, CurrentSource = "current.json" };

    private static List<PartitionReplicas> OneBroker(string topic, int partitions) =>
        Enumerable.Range(0, partitions).Select(p => new PartitionReplicas(topic, p, [0])).ToList();

    [Fact]
    public void Every_partition_gets_the_target_replicas_the_leader_stays_first_and_load_is_even()
    {
        var current = OneBroker("__consumer_offsets", 50);
        var plan = ReplicationIncrease.Plan(Request(current, [0, 1, 2]), 3).GetOrThrow();
        Assert.Equal(50, plan.Changes.Count);
        Assert.All(plan.Changes, p =>
        {
            Assert.Equal(3, p.Replicas.Count);
            Assert.Equal(0, p.Replicas[0]); // no leader change
            Assert.Equal(3, p.Replicas.Distinct().Count());
        });
        Assert.Equal(100, plan.ReplicasAdded);
        Assert.Equal([0, 50, 50], plan.AddedPerBroker.Select(b => b.Value));
    }

    [Fact]
    public void Partitions_already_at_the_target_are_left_out_and_never_shrunk()
    {
        var current = new List<PartitionReplicas> { new("a", 0, [1, 2, 3]), new("a", 1, [1]), new("b", 0, [2, 3, 1, 4]) };
        var plan = ReplicationIncrease.Plan(Request(current, [1, 2, 3, 4]), 3).GetOrThrow();
        var change = Assert.Single(plan.Changes);
        Assert.Equal(("a", 1), (change.Topic, change.Partition));
        Assert.Equal(2, plan.AlreadyAtTarget);
    }

    [Fact]
    public void With_racks_new_replicas_go_to_racks_the_partition_does_not_use()
    {
        var racks = new Dictionary<int, string> { [1] = "a", [2] = "a", [3] = "b", [4] = "c" };
        var plan = ReplicationIncrease.Plan(Request([new("t", 0, [1])], [1, 2, 3, 4], racks), 3).GetOrThrow();
        var replicas = Assert.Single(plan.Changes).Replicas;
        Assert.Equal(3, replicas.Select(b => racks[b]).Distinct().Count());
    }

    [Theory]
    [InlineData(4, "--replication-factor", "4 replicas need at least 4 brokers")]
    [InlineData(0, "--replication-factor", "must be >= 1, got 0")]
    public void Impossible_targets_are_refused_with_the_option_and_value(int rf, string path, string message)
    {
        var result = ReplicationIncrease.Plan(Request(OneBroker("t", 1), [0, 1, 2]), rf);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_in_the_assignment_but_not_in_brokers_is_refused()
    {
        var result = ReplicationIncrease.Plan(Request([new("t", 0, [7])], [0, 1, 2]), 3);
        var error = Assert.Single(result.Errors);
        Assert.Equal("current.json", error.Path);
        Assert.Contains("broker 7", error.Message, StringComparison.Ordinal);
    }
}
