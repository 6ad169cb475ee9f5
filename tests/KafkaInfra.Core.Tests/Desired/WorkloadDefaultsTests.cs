using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>Pins the workload defaults documented in Pulumi.yaml and docs/strimzi.md.</summary>
public class WorkloadDefaultsTests
{
    [Fact]
    public void Ksqldb_image_is_a_pinned_confluent_platform_tag() =>
        Assert.Equal("confluentinc/cp-ksqldb-server:8.0.0", Defaults.KsqlDbImage);

    [Fact]
    public void Msk_ksqldb_servers_run_in_the_kafka_namespace() =>
        Assert.Equal("kafka", Defaults.MskWorkloadNamespace);

    [Fact]
    public void Ksqldb_ports_are_the_documented_ones()
    {
        Assert.Equal(8088, KsqlDbRenderer.RestPort);
        Assert.Equal(1099, KsqlDbRenderer.JmxPort);
    }

    [Fact]
    public void Pulumi_yaml_documents_the_workload_defaults()
    {
        var text = File.ReadAllText(Path.Combine(StrimziStacks.RepoRoot, "Pulumi.yaml"));
        Assert.Contains(Defaults.KsqlDbImage, text, StringComparison.Ordinal);
        Assert.Contains("cluster.msk.region is KEDA's awsRegion", text, StringComparison.Ordinal);
    }
}
