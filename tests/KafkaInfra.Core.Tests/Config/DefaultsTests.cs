using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Pins every default: a change here is a change of the user-facing contract (update Pulumi.yaml and docs/config.md too).</summary>
public class DefaultsTests
{
    private static StackConfig Minimal(string extra = "") => TestStacks.Load(TestStacks.StrimziCluster + """
          kafka-infra:topics:
            - name: t
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
          kafka-infra:consumers:
            - name: svc
              topic: t
              maxReplicas: 2
          kafka-infra:connect:
            - name: sinks
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [t]
          kafka-infra:ksqldb:
            - name: analytics

        """ + extra).GetOrThrow();

    [Fact]
    public void Environment_has_no_default()
    {
        // Issue 14 item 9: a Pulumi.prod.yaml without the key used to be validated with dev's rules.
        var raw = StackFile.Parse("config:\n" + TestStacks.StrimziCluster, "Pulumi.prod.yaml").Values;
        var result = StackConfigLoader.Load(raw);
        Assert.False(result.IsValid);
        Assert.Equal(["kafka-infra:environment: is required; expected dev or prod (there is no default, so a production stack is never checked with dev's rules)"], TestStacks.Lines(result.Errors));
        Assert.Equal(DeploymentEnvironment.Dev, Minimal().Environment);
    }

    [Fact]
    public void Kafka_version_defaults_to_strimzi_default() => Assert.Equal("4.3.1", Minimal().Cluster.KafkaVersion);

    [Fact]
    public void Strimzi_defaults()
    {
        var s = Minimal().Cluster.Strimzi!;
        Assert.Equal(new StrimziConfig("kafka", 3, 20, null, false, null, null), s);
    }

    [Fact]
    public void Topic_defaults()
    {
        Assert.Equal(new TopicDefaultsConfig(3, 2, 168, 1024), Minimal().TopicDefaults);
    }

    [Fact]
    public void Consumer_defaults()
    {
        var c = Minimal().Consumers[0];
        Assert.Equal(("default", "svc", 10L, 0L, "latest", 1, "Deployment", "apps/v1"), (c.Namespace, c.ConsumerGroup, c.LagThreshold, c.ActivationLagThreshold, c.OffsetResetPolicy, c.MinReplicas, c.Kind, c.ApiVersion));
    }

    [Fact]
    public void Worker_defaults()
    {
        var config = Minimal();
        Assert.Equal((1, (int?)null, 1000L), (config.Connect[0].Replicas, config.Connect[0].MaxReplicas, config.Connect[0].LagThreshold));
        Assert.Equal((1, "analytics_", false), (config.KsqlDb[0].Replicas, config.KsqlDb[0].ServiceId, config.KsqlDb[0].Headless));
    }

    [Fact]
    public void Msk_defaults()
    {
        var msk = TestStacks.Load(TestStacks.MskCluster).GetOrThrow().Cluster.Msk!;
        Assert.Equal((MskAuthentication.Iam, 30, false, false), (msk.Authentication, msk.LogRetentionDays, msk.Serverless, msk.BrokersDrained));
        var autoscaling = TestStacks.Load(TestStacks.MskCluster.Replace("securityGroups: [sg-1]", "securityGroups: [sg-1]\n      storageAutoscaling: { maxGiB: 2000 }", StringComparison.Ordinal)).GetOrThrow().Cluster.Msk!.StorageAutoscaling;
        Assert.Equal(new MskStorageAutoscalingConfig(2000, 60), autoscaling);
    }

    [Fact]
    public void Planner_constants()
    {
        Assert.Equal(4000, Defaults.MaxPartitionsPerBroker);
        Assert.Equal(0.70, Defaults.StorageFillCeiling);
        Assert.Equal(30.0, Defaults.BrokerIngressMBps);
        Assert.Equal(50, Defaults.ConsumerOffsetsPartitions);
        Assert.Equal(3, Defaults.NumPartitions);
    }

    [Fact]
    public void Every_documented_top_level_key_is_in_pulumi_yaml()
    {
        var pulumiYaml = File.ReadAllText(Path.Combine(TestStacks.RepoRoot(), "Pulumi.yaml"));
        foreach (var key in ConfigKeys.All)
        {
            Assert.Contains($"# kafka-infra:{key}", pulumiYaml, StringComparison.Ordinal);
        }
    }
}
