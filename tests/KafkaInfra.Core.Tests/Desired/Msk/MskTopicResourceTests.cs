using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskTopicResourceTests
{
    [Fact]
    public void One_topic_per_planned_topic_with_its_partitions_replication_and_config()
    {
        var plan = MskStacks.Plan(MskStacks.Prod).GetOrThrow();
        var topics = MskCloudResources.Build(plan).OfType(MskTypes.Topic);

        Assert.Equal(plan.Topics.Select(t => "events-topic-" + t.Name), topics.Select(t => t.Name));
        foreach (var t in plan.Topics)
        {
            var r = topics.Named("events-topic-" + t.Name);
            Assert.Equal(t.Name, r.Properties["name"]);
            Assert.Equal(t.Partitions, r.Properties["partitions"]);
            Assert.Equal(t.ReplicationFactor, r.Properties["replicationFactor"]);
            Assert.Equal(t.KafkaConfig.OrderBy(kv => kv.Key, StringComparer.Ordinal), r.Child().Select(kv => new KeyValuePair<string, string>(kv.Key, (string)kv.Value)));
            Assert.Equal("topics", r.Component);
            Assert.Equal("events-kafka", r.Options.Provider);
            Assert.Equal(new[] { "events-msk" }, r.Options.DependsOn);
            Assert.True(r.Options.Protect);
        }

        Assert.Equal(10, topics.Named("events-topic-orders").Properties["partitions"]);
        Assert.Equal("604800000", topics.Named("events-topic-orders").Properties.At("config")! is Tree c ? c["retention.ms"] : null);
    }

    [Fact]
    public void Topics_are_not_protected_in_dev()
    {
        var topics = MskStacks.Build(MskStacks.Prod.Replace("environment: prod", "environment: dev", StringComparison.Ordinal)).OfType(MskTypes.Topic);
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
        var extra = authentication == "tls"
            ? "      certificateAuthorityArns: [arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca-1]\n"
            : "";
        var resources = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", $"      region: eu-west-1\n      authentication: {authentication}\n{extra}", StringComparison.Ordinal));
        var provider = resources.Named("events-kafka");

        Assert.Equal(MskTypes.KafkaProvider, provider.Type);
        Assert.Equal(new ResourceRef("events-msk", output, "{0:list}"), provider.Properties["bootstrapServers"]);
        Assert.Equal(true, provider.Properties["tlsEnabled"]);
        Assert.Equal("3.9.0", provider.Properties["kafkaVersion"]);
        Assert.Equal(mechanism, provider.Properties["saslMechanism"]);
        Assert.Equal(authentication == "iam" ? "eu-west-1" : null, provider.Properties["saslAwsRegion"]);
        var paths = MskStacks.Paths(provider.Properties).ToList();
        Assert.DoesNotContain(paths, p => p.Contains("Password", StringComparison.Ordinal) || p.Contains("Username", StringComparison.Ordinal) || p.Contains("clientKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_region_is_left_to_aws_region_when_msk_region_is_unset()
    {
        var provider = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", "", StringComparison.Ordinal)).Named("events-kafka");
        Assert.Equal("aws-iam", provider.Properties["saslMechanism"]);
        Assert.False(provider.Properties.ContainsKey("saslAwsRegion"));
    }
}

internal static class TopicResourceExtensions
{
    public static Tree Child(this CloudResource r) => r.Properties.Child("config");
}
