using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using static KafkaInfra.Core.Tests.Reports.ImpactTestStacks;

namespace KafkaInfra.Core.Tests.Reports;

/// <summary>Changes that delete data are unsafe in `diff` and stop `pulumi preview` unless kafka-infra:allowDeletion acknowledges them.</summary>
public class DeletionSafetyTests
{
    private const string Legacy = "partitions: 6=>partitions: 6\n    - name: legacy\n      messagesPerSecond: 10\n      messagesPerSecondPerConsumer: 10";

    private static string AllowDeletion(string yaml, string body) =>
        yaml.Replace("  kafka-infra:topicDefaults:", $"  kafka-infra:allowDeletion:\n{body}\n  kafka-infra:topicDefaults:", StringComparison.Ordinal);

    [Theory]
    [InlineData("securityGroups: [sg-1]=>securityGroups: [sg-2]", "kafka-infra:cluster.msk.securityGroups", "[sg-1]", "[sg-2]")]
    [InlineData("clientSubnets: [subnet-1, subnet-2, subnet-3]=>clientSubnets: [subnet-1, subnet-2, subnet-4]", "kafka-infra:cluster.msk.clientSubnets", "[subnet-1, subnet-2, subnet-3]", "[subnet-1, subnet-2, subnet-4]")]
    [InlineData("name: events=>name: events2", "kafka-infra:cluster.name", "events", "events2")]
    [InlineData("securityGroups: [sg-1]=>securityGroups: [sg-1]\n      kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/k", "kafka-infra:cluster.msk.kmsKeyArn", "(a key the stack creates)", "arn:aws:kms:eu-west-1:123456789012:key/k")]
    public void A_field_that_forces_a_new_msk_cluster_is_unsafe_and_named(string edit, string path, string from, string to)
    {
        var report = Report(Msk, Edit(Msk, edit));

        // Before: "no changes" for a new security group.
        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.ClusterReplaced);
        Assert.True(change.Unsafe);
        Assert.True(report.HasUnsafe);
        Assert.Equal(path, change.ConfigPath);
        Assert.Equal((from, to), (change.Old, change.New));
        Assert.Contains("the old cluster is deleted with all its topics and data", change.Consequence, StringComparison.Ordinal);
        Assert.Contains("set kafka-infra:allowDeletion.clusterReplacement: true", change.Acknowledge, StringComparison.Ordinal);
    }

    [Fact]
    public void Reordering_subnets_or_security_groups_replaces_nothing()
    {
        // clientSubnets and securityGroups are sets on aws:msk/cluster (terraform-provider-aws msk cluster schema: TypeSet).
        var report = Report(Msk, Edit(Msk, "clientSubnets: [subnet-1, subnet-2, subnet-3]=>clientSubnets: [subnet-3, subnet-1, subnet-2]"));

        Assert.DoesNotContain(report.Changes, c => c.Kind == ChangeKind.ClusterReplaced);
    }

    [Fact]
    public void A_replacement_acknowledged_in_the_config_is_listed_but_safe()
    {
        var after = AllowDeletion(Edit(Msk, "securityGroups: [sg-1]=>securityGroups: [sg-2]"), "    clusterReplacement: true");

        var report = Report(Msk, after);

        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.ClusterReplaced);
        Assert.False(change.Unsafe);
        Assert.StartsWith("acknowledged with kafka-infra:allowDeletion.clusterReplacement: a new cluster", change.Consequence, StringComparison.Ordinal);
        Assert.Null(ApplyGate.Refusal(report));
    }

    [Fact]
    public void A_strimzi_namespace_change_is_a_new_cluster()
    {
        var report = Report(Strimzi, Edit(Strimzi, "namespace: kafka=>namespace: kafka2"));

        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.ClusterReplaced);
        Assert.Equal("kafka-infra:cluster.strimzi.namespace", change.ConfigPath);
        Assert.True(change.Unsafe);
    }

    [Fact]
    public void A_topic_removal_is_acknowledged_by_naming_it_in_the_config()
    {
        var before = Edit(Strimzi, Legacy);

        var refused = Report(before, Strimzi);
        var allowed = Report(before, AllowDeletion(Strimzi, "    topics: [legacy]"));
        var other = Report(before, AllowDeletion(Strimzi, "    topics: [orders]"));

        Assert.True(Assert.Single(refused.Changes, c => c.Kind == ChangeKind.TopicRemoved).Unsafe);
        Assert.True(Assert.Single(other.Changes, c => c.Kind == ChangeKind.TopicRemoved).Unsafe);
        var change = Assert.Single(allowed.Changes, c => c.Kind == ChangeKind.TopicRemoved);
        Assert.False(change.Unsafe);
        Assert.StartsWith("acknowledged with kafka-infra:allowDeletion.topics listing legacy: deletes the topic", change.Consequence, StringComparison.Ordinal);
        Assert.False(allowed.HasUnsafe);
    }

    [Fact]
    public void A_rename_is_a_deletion_and_says_so()
    {
        var report = Report(Strimzi, Edit(Strimzi, "- name: audit=>- name: audit.v2"));

        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.TopicRemoved);
        Assert.Equal("audit", change.Subject);
        Assert.True(change.Unsafe);
        Assert.StartsWith("a rename is a new topic plus the deletion of the old one (Kafka cannot rename a topic); to delete it, add audit to kafka-infra:allowDeletion.topics", change.Acknowledge, StringComparison.Ordinal);
    }

    [Fact]
    public void In_prod_the_steps_lift_protect_first_with_the_topic_still_declared()
    {
        // The engine refuses to delete a protected resource the program no longer declares (it reads protect from the
        // state): the acknowledgement is applied while the topic is still declared, which declares it unprotected.
        var before = Edit(Msk, "partitions: 6=>partitions: 6\n    - name: legacy\n      messagesPerSecond: 10\n      messagesPerSecondPerConsumer: 10");

        var change = Assert.Single(Report(before, Msk).Changes, c => c.Kind == ChangeKind.TopicRemoved);

        Assert.Equal(
            "to delete it, add legacy to kafka-infra:allowDeletion.topics with the topic still in kafka-infra:topics and run `pulumi up` (that lifts its protect), then remove it from kafka-infra:topics and run `pulumi up` again; to keep it and its data, keep it in kafka-infra:topics",
            change.Acknowledge);
    }

    [Fact]
    public void The_gate_fails_on_what_diff_calls_unsafe_and_says_how_to_proceed()
    {
        var report = ImpactReport.ForUpdate(
            new DeployedState(new Dictionary<string, int> { ["orders"] = 6, ["legacy"] = 1 }, 3, 1000),
            null,
            PlanOf(Msk));

        var refusal = ApplyGate.Refusal(report);

        Assert.NotNull(refusal);
        var lines = refusal.Split(Environment.NewLine);
        Assert.Equal("1 change would delete data or be refused, so nothing is applied (the same changes `kafka-infra diff` reports as unsafe):", lines[0]);
        Assert.StartsWith("  topic removed legacy: 1 partition → (removed): deletes the topic and its data: Pulumi.Kafka deletes the topic", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("    → to delete it, add legacy to kafka-infra:allowDeletion.topics", lines[2], StringComparison.Ordinal);

        var acknowledged = ImpactReport.ForUpdate(
            new DeployedState(new Dictionary<string, int> { ["orders"] = 6, ["legacy"] = 1 }, 3, 1000),
            null,
            PlanOf(AllowDeletion(Msk, "    topics: [legacy]")));
        Assert.Null(ApplyGate.Refusal(acknowledged));
    }

    [Fact]
    public void The_gate_compares_against_the_previous_plan_inputs_too()
    {
        var previous = Raw(Msk);

        var report = ImpactReport.ForUpdate(ImpactReport.DeployedOf(PlanOf(Msk)), previous, PlanOf(Edit(Msk, "securityGroups: [sg-1]=>securityGroups: [sg-1, sg-2]")));

        Assert.Contains("cluster replaced events (kafka-infra:cluster.msk.securityGroups): [sg-1] → [sg-1, sg-2]", ApplyGate.Refusal(report), StringComparison.Ordinal);
    }
}
