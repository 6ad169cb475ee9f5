using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Planning;

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
        Assert.Equal(plan.Cluster.StorageGiB, values[StackOutputs.StorageGiB]);
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

        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", StackOutputs.BootstrapServersSource(plan));
    }

    [Theory]
    [InlineData("iam", "bootstrapBrokersSaslIam")]
    [InlineData("scram", "bootstrapBrokersSaslScram")]
    [InlineData("tls", "bootstrapBrokersTls")]
    public void Msk_bootstrap_is_the_cluster_output_for_the_auth_mode(string auth, string output)
    {
        var raw = RepoStacks.Raw("prod");
        raw["kafka-infra:cluster"] = raw["kafka-infra:cluster"]!.Replace("\"authentication\":\"iam\"", $"\"authentication\":\"{auth}\"", StringComparison.Ordinal);
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();

        Assert.Equal(new ResourceRef("events-msk", output), StackOutputs.BootstrapServersSource(plan));
    }
}
