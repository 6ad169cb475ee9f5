using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>PlanResult is the shared <see cref="Result{T}"/> shape: the value or every error, warnings either way.</summary>
public class PlanResultTests
{
    [Fact]
    public void A_valid_plan_is_the_value()
    {
        var result = TestStacks.Plan(TestStacks.StrimziCluster);
        Result<CapacityPlan> shared = result;

        Assert.True(shared.IsValid);
        Assert.Same(result.Plan, shared.Value);
        Assert.Same(result.Plan, shared.GetOrThrow());
    }

    [Fact]
    public void An_invalid_plan_throws_every_error_at_once()
    {
        var result = TestStacks.Plan(TestStacks.StrimziCluster.Replace("brokers: 3", "brokers: 0", StringComparison.Ordinal)
            + "  kafka-infra:topics:\n    - name: a\n      messagesPerSecond: -1\n");
        Assert.False(result.IsValid);
        Assert.Null(result.Value);

        var e = Assert.Throws<StackConfigException>(() => result.GetOrThrow());
        Assert.Equal(result.Errors, e.Errors);
        Assert.True(e.Errors.Count >= 2, string.Join("\n", e.Errors));
    }
}
