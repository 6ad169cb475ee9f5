using KafkaInfra.Core.Reports;
using static KafkaInfra.Core.Tests.Reports.ImpactTestStacks;

namespace KafkaInfra.Core.Tests.Reports;

/// <summary>What a reviewer must know first (issue 17 item 3): irreversible changes, the rollout order, members that leave.</summary>
public class RolloutTests
{
    [Fact]
    public void Partition_increases_storage_growth_and_shorter_retention_are_marked_irreversible()
    {
        var report = Report(Strimzi, Edit(Strimzi, "partitions: 6=>partitions: 12;;storageGiB: 100=>storageGiB: 200;;retentionHours: 24=>retentionHours: 12"));

        Assert.True(Assert.Single(report.Changes, c => c.Kind == ChangeKind.Partitions).Irreversible);
        Assert.True(Assert.Single(report.Changes, c => c.Kind == ChangeKind.Storage).Irreversible);
        Assert.All(report.Changes.Where(c => c.Kind == ChangeKind.Retention), c => Assert.True(c.Irreversible));
        Assert.Contains("  change   partitions orders: 6 → 12 [irreversible]", report.ToText());
        Assert.Contains("**irreversible** partitions `orders`", report.Markdown("dev", "base"), StringComparison.Ordinal);
        Assert.Contains("\"irreversible\": true", report.Json("dev", "base"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_growing_retention_and_a_broker_change_are_not_irreversible()
    {
        var report = Report(Strimzi, Edit(Strimzi, "retentionHours: 24=>retentionHours: 48;;brokers: 3=>brokers: 4"));

        Assert.DoesNotContain(report.Changes, c => c.Irreversible);
        Assert.Empty(report.Rollout);
    }

    [Fact]
    public void Disk_broker_and_partition_changes_in_one_update_get_a_rollout_order_with_the_lead_time()
    {
        var report = Report(Strimzi, Edit(Strimzi, "partitions: 6=>partitions: 12;;storageGiB: 100=>storageGiB: 200;;brokers: 3=>brokers: 5;;maxReplicas: 4=>maxReplicas: 12"));

        Assert.Equal(5, report.Rollout.Count);
        Assert.StartsWith("1. grow storage first (cluster.storageGiB 100 GiB → 200 GiB)", report.Rollout[0], StringComparison.Ordinal);
        Assert.Contains("Strimzi restarts the brokers one at a time", report.Rollout[0], StringComparison.Ordinal);
        Assert.StartsWith("2. then add brokers (cluster.brokers 3 → 5) and let the rebalance finish", report.Rollout[1], StringComparison.Ordinal);
        Assert.Contains("the data movement takes about", report.Rollout[1], StringComparison.Ordinal);
        Assert.StartsWith("3. then raise the partitions (orders 6 → 12)", report.Rollout[2], StringComparison.Ordinal);
        Assert.StartsWith("4. last, the consumer scaling (apps/order-service)", report.Rollout[3], StringComparison.Ordinal);
        Assert.StartsWith("Lead time before the peak: a rolling restart plus about ", report.Rollout[4], StringComparison.Ordinal);
        Assert.Contains("Rollout order (this change combines steps that are safer one at a time)", report.ToText());
        Assert.Contains("### Rollout order", report.Markdown("dev", "base"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_scale_down_says_members_leave()
    {
        var report = Report(Edit(Strimzi, "maxReplicas: 4=>maxReplicas: 6"), Strimzi);

        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.ConsumerScaling);
        Assert.Contains("each member that leaves triggers a consumer-group rebalance", change.Consequence, StringComparison.Ordinal);
        Assert.DoesNotContain("join", change.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_environment_with_the_same_rules_is_a_change_of_its_own()
    {
        var report = Report(Strimzi, Strimzi.Replace("kafka-infra:environment: dev", "kafka-infra:environment: qa\n  kafka-infra:environmentRules: dev", StringComparison.Ordinal));

        var change = Assert.Single(report.Changes);
        Assert.Equal(ChangeKind.Environment, change.Kind);
        Assert.Equal("dev → qa (dev rules)", change.Transition);
    }
}
