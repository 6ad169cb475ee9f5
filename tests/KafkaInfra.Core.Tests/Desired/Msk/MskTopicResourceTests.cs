using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskTopicResourceTests
{
    [Fact]
    public void One_topic_per_planned_topic_with_its_partitions_replication_and_config()
    {
        var plan = MskStacks.Plan(MskStacks.Prod).GetOrThrow();
        var topics = MskCloudResources.Build(plan).OfSpec<KafkaTopicSpec>();

        Assert.Equal(plan.Topics.Select(t => "events-topic-" + t.Name), topics.Select(t => t.Name));
        foreach (var t in plan.Topics)
        {
            var r = topics.Named("events-topic-" + t.Name);
            var spec = Assert.IsType<KafkaTopicSpec>(r.Spec);
            Assert.Equal(t.Name, spec.Name);
            Assert.Equal(t.Partitions, spec.Partitions);
            Assert.Equal(t.ReplicationFactor, spec.ReplicationFactor);
            Assert.Equal(t.KafkaConfig.OrderBy(kv => kv.Key, StringComparer.Ordinal), spec.Config);
            Assert.Equal("topics", r.Component);
            Assert.Equal("events-kafka", r.Options.Provider);
            Assert.Equal(new[] { "events-msk" }, r.Options.DependsOn);
            Assert.True(r.Options.Protect);
        }

        Assert.Equal(10, topics.Spec<KafkaTopicSpec>("events-topic-orders").Partitions);
        Assert.Equal("604800000", topics.Spec<KafkaTopicSpec>("events-topic-orders").Config["retention.ms"]);
    }

    [Fact]
    public void Topics_are_not_protected_in_dev()
    {
        var topics = MskStacks.Build(MskStacks.Prod.Replace("environment: prod", "environment: dev", StringComparison.Ordinal)).OfSpec<KafkaTopicSpec>();
        Assert.All(topics, t => Assert.False(t.Options.Protect));
    }

    public static TheoryData<string, string, string?> ProviderAuth => new()
    {
        { "iam", "bootstrapBrokersSaslIam", "aws-iam" },
        { "scram", "bootstrapBrokersSaslScram", "scram-sha512" },
        { "tls", "bootstrapBrokersTls", null },
    };

    [Theory]
    [MemberData(nameof(ProviderAuth))]
    public void Provider_uses_the_bootstrap_output_and_mechanism_of_the_authentication(string authentication, string output, string? mechanism)
    {
        var resources = MskStacks.Build(MskStacks.WithAuthentication(authentication));
        var provider = resources.Named("events-kafka");

        var spec = Assert.IsType<KafkaProviderSpec>(provider.Spec);
        Assert.Equal("pulumi:providers:kafka", provider.Type);
        Assert.Equal(Text.Of(new OutputRef("events-msk", Enum.Parse<CloudOutput>(output, ignoreCase: true))), spec.BootstrapServers);
        Assert.True(spec.TlsEnabled);
        Assert.Equal("3.9.0", spec.KafkaVersion);
        Assert.Equal(mechanism, spec.SaslMechanism is { } m ? KafkaProviderSpec.MechanismName(m) : null);
        Assert.Equal(authentication == "iam" ? "eu-west-1" : null, spec.SaslAwsRegion);
        var json = MskStacks.Json(provider);
        Assert.Equal(mechanism, (string?)json["saslMechanism"]);
        var paths = MskStacks.Paths(json).ToList();
        // No secret is rendered: the SCRAM user name is the deployer's fixed user, its password comes from secret config.
        Assert.DoesNotContain(paths, p => p.Contains("Password", StringComparison.Ordinal) || p.Contains("clientKey", StringComparison.Ordinal) || p.Contains("clientCert", StringComparison.Ordinal));
        Assert.Equal(authentication == "scram" ? "kafka-infra-admin" : null, (string?)json["saslUsername"]);
    }

    [Fact]
    public void Provider_region_is_left_to_aws_region_when_msk_region_is_unset()
    {
        var provider = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", "", StringComparison.Ordinal)).Named("events-kafka");
        Assert.Equal(KafkaSaslMechanism.AwsIam, Assert.IsType<KafkaProviderSpec>(provider.Spec).SaslMechanism);
        Assert.False(MskStacks.Json(provider).ContainsKey("saslAwsRegion"));
    }

    [Fact]
    public void Serverless_topics_carry_only_the_configs_msk_serverless_lets_a_topic_set()
    {
        // MSK Serverless topics accept only cleanup.policy, compression.type, max.message.bytes,
        // message.timestamp.difference.max.ms, message.timestamp.type, retention.bytes and retention.ms
        // (platform-facts.md 8.4): no min.insync.replicas.
        var yaml = MskStacks.Prod
            .Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n", StringComparison.Ordinal)
            .Replace("      messagesPerSecondPerConsumer: 100\n    - name: payments", "      messagesPerSecondPerConsumer: 100\n      config:\n        compression.type: zstd\n        cleanup.policy: compact,delete\n    - name: payments", StringComparison.Ordinal);
        var topics = MskStacks.Build(yaml).OfSpec<KafkaTopicSpec>();

        var orders = topics.Spec<KafkaTopicSpec>("events-topic-orders");
        Assert.Equal(["cleanup.policy", "compression.type", "retention.ms"], orders.Config.Select(kv => kv.Key));
        Assert.Equal("zstd", orders.Config["compression.type"]);
        Assert.All(topics, t => Assert.DoesNotContain("min.insync.replicas", Assert.IsType<KafkaTopicSpec>(t.Spec).Config.Select(kv => kv.Key)));
    }

    [Fact]
    public void Provisioned_topics_still_carry_min_insync_replicas()
    {
        var orders = MskStacks.Build(MskStacks.Prod).Spec<KafkaTopicSpec>("events-topic-orders");
        Assert.Equal("2", orders.Config["min.insync.replicas"]);
    }
}
