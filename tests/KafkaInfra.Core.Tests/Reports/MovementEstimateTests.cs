using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Reports;

public class MovementEstimateTests
{
    private static CapacityPlan Plan(int brokers, int partitions) => TestStacks.Plan(
        TestStacks.StrimziCluster.Replace("brokers: 3", $"brokers: {brokers}", StringComparison.Ordinal) + $"""
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 10
              partitions: {partitions}

        """).GetOrThrow();

    public static TheoryData<int, int, int> Changes => new()
    {
        // from, to brokers; topic partitions (RF 3) plus 50 offsets partitions at RF 3
        { 3, 5, 100 },
        { 6, 9, 300 },
        { 6, 3, 300 },
        { 5, 4, 40 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Broker_changes_move_what_the_planner_moves_at_its_lower_bound(int from, int to, int partitions)
    {
        var estimate = MovementEstimator.Estimate(Plan(from, partitions), from, to)!;

        var replicas = (partitions + 50) * 3;
        Assert.Equal(replicas, estimate.Replicas);
        Assert.Equal(estimate.LowerBound, estimate.Moves);
        // Scale-out fills the new brokers' even share; scale-in empties the removed brokers' share.
        var share = to > from ? (double)(to - from) / to : (double)(from - to) / from;
        Assert.InRange(estimate.Moves, (int)Math.Floor(replicas * share) - to, (int)Math.Ceiling(replicas * share) + to);
    }

    [Fact]
    public void No_change_or_a_replication_factor_the_smaller_side_cannot_hold_gives_no_estimate()
    {
        var plan = Plan(3, 10);

        Assert.Null(MovementEstimator.Estimate(plan, 3, 3));
        Assert.Null(MovementEstimator.Estimate(plan, 3, 2));
    }
}
