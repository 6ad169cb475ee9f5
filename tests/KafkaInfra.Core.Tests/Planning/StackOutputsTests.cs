using KafkaInfra.Core.Config;
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

        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", StackOutputs.BootstrapServersSource(plan));
    }

    [Fact]
    public void Msk_bootstrap_is_the_cluster_output_for_the_auth_mode()
    {
        var plan = CapacityPlanner.Plan(RepoStacks.Raw("prod")).GetOrThrow(); // authentication: iam

        Assert.Equal(new ResourceRef("events-msk", "bootstrapBrokersSaslIam"), StackOutputs.BootstrapServersSource(plan));
    }

    [Theory]
    [InlineData(MskAuthentication.Iam, false, "bootstrapBrokersSaslIam")]
    [InlineData(MskAuthentication.Scram, false, "bootstrapBrokersSaslScram")]
    [InlineData(MskAuthentication.Tls, false, "bootstrapBrokersTls")]
    [InlineData(MskAuthentication.Iam, true, "bootstrapBrokersSaslIam")]
    public void Each_auth_mode_has_its_bootstrap_output(MskAuthentication authentication, bool serverless, string output)
    {
        Assert.Equal(output, StackOutputs.MskBootstrapOutput(authentication, serverless));
    }
}
