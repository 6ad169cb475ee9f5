using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

using KafkaInfra.Core.Tests.Planning;

namespace KafkaInfra.Core.Tests.Deployment;

public class StackOutputsTests
{
    [Fact]
    public void Dev_exports_partitions_brokers_storage_keda_ranges_and_warning_count()
    {
        var plan = CapacityPlanner.Plan(RepoStacks.Raw("dev")).GetOrThrow();

        var values = StackOutputs.PlanValues(plan);

        var partitions = Assert.IsType<Dictionary<string, object>>(values[StackOutputs.TopicPartitions]);
        Assert.Equal(plan.Topics.Count, partitions.Count);
        foreach (var topic in plan.Topics)
        {
            Assert.Equal(topic.Partitions, partitions[topic.Name]);
        }

        Assert.Equal(plan.Cluster.Brokers, values[StackOutputs.Brokers]);
        Assert.Equal(plan.Config.Cluster.StorageGiB, values[StackOutputs.StorageGiB]);
        Assert.Equal(plan.Warnings.Count, values[StackOutputs.WarningCount]);
        var scaling = Assert.IsType<Dictionary<string, object>>(values[StackOutputs.ConsumerScaling]);
        foreach (var consumer in plan.Consumers)
        {
            var range = Assert.IsType<Dictionary<string, object>>(scaling[consumer.Name]);
            Assert.Equal(consumer.MinReplicas, range["min"]);
            Assert.Equal(consumer.MaxReplicas, range["max"]);
            Assert.True((int)range["max"] <= (int)partitions[consumer.Topic]);
        }
    }

    [Fact]
    public void Strimzi_bootstrap_is_the_tls_listener_service_address()
    {
        var plan = CapacityPlanner.Plan(RepoStacks.Raw("dev")).GetOrThrow();

        Assert.Equal(Text.FromString("events-kafka-bootstrap.kafka.svc:9093"), StackOutputs.BootstrapServersSource(plan));
    }

    [Fact]
    public void Msk_bootstrap_is_the_cluster_output_for_the_auth_mode()
    {
        var plan = CapacityPlanner.Plan(RepoStacks.Raw("prod")).GetOrThrow(); // authentication: iam

        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), StackOutputs.BootstrapServersSource(plan));
    }

    [Theory]
    [InlineData(MskAuthentication.Iam, false, "bootstrapBrokersSaslIam")]
    [InlineData(MskAuthentication.Scram, false, "bootstrapBrokersSaslScram")]
    [InlineData(MskAuthentication.Tls, false, "bootstrapBrokersTls")]
    [InlineData(MskAuthentication.Iam, true, "bootstrapBrokersSaslIam")]
    public void Each_auth_mode_has_its_bootstrap_output(MskAuthentication authentication, bool serverless, string output)
    {
        var config = new MskConfig("kafka.m7g.large", ["subnet-a", "subnet-b"], ["sg-1"], authentication, null, serverless, null, null, 7, "eu-west-1", false);
        MskPlatform platform = serverless ? new MskServerlessPlatform(config) : new MskProvisionedPlatform(config);
        Assert.Equal(output, MskOutputs.BootstrapOf("events", platform).OutputName);
        Assert.Equal("events-msk", MskOutputs.BootstrapOf("events", platform).Resource);
    }
}

public class PlanInputsTests
{
    [Fact]
    public void Plan_inputs_round_trip_and_keep_only_kafka_infra_keys_and_the_region()
    {
        var raw = new Dictionary<string, string?>(RepoStacks.Raw("prod"))
        {
            ["kubernetes:context"] = "kind",
            ["kafka-infra:ksqldb"] = null,
        };

        var back = StackOutputs.ReadPlanInputs(StackOutputs.PlanInputsValue(raw));

        Assert.NotNull(back);
        Assert.Equal(
            raw.Where(kv => kv.Value is not null && kv.Key != "kubernetes:context").OrderBy(kv => kv.Key, StringComparer.Ordinal),
            back!.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Missing_or_malformed_plan_inputs_read_as_null(string? value) => Assert.Null(StackOutputs.ReadPlanInputs(value));

    [Fact]
    public void Preview_report_compares_with_the_recorded_inputs_when_present()
    {
        var oldRaw = RepoStacks.Raw("dev");
        var newRaw = new Dictionary<string, string?>(oldRaw)
        {
            ["kafka-infra:cluster"] = oldRaw["kafka-infra:cluster"]!.Replace("\"brokers\":3", "\"brokers\":5", StringComparison.Ordinal),
        };
        var oldPlan = CapacityPlanner.Plan(oldRaw).GetOrThrow();
        var deployed = KafkaInfra.Core.Reports.ImpactReport.DeployedOf(oldPlan);
        var newPlan = CapacityPlanner.Plan(newRaw, deployed).GetOrThrow();

        var full = KafkaInfra.Core.Reports.ImpactReport.ForUpdate(deployed, StackOutputs.ReadPlanInputs(StackOutputs.PlanInputsValue(oldRaw)), newPlan).ToText();
        var numbersOnly = KafkaInfra.Core.Reports.ImpactReport.ForUpdate(deployed, null, newPlan).ToText();
        var fresh = KafkaInfra.Core.Reports.ImpactReport.ForUpdate(DeployedState.None, null, newPlan).ToText();

        Assert.Contains(full, l => l.StartsWith("  change   brokers events: 3 → 5", StringComparison.Ordinal));
        Assert.DoesNotContain("against the deployed", full[0], StringComparison.Ordinal);
        Assert.Contains("against the deployed partitions, brokers and storage", numbersOnly[0], StringComparison.Ordinal);
        Assert.Contains(numbersOnly, l => l.StartsWith("  change   brokers events: 3 → 5", StringComparison.Ordinal));
        Assert.Contains("new stack", fresh[0], StringComparison.Ordinal);
    }
}
