using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary><c>kafka-infra:allowDeletion</c> and <c>cluster.strimzi.createNamespace</c>: their fields, defaults and bad input.</summary>
public class AllowDeletionConfigTests
{
    [Fact]
    public void Nothing_is_acknowledged_and_no_namespace_is_created_by_default()
    {
        var config = TestStacks.Load(TestStacks.StrimziCluster).Config!;

        Assert.Same(AllowDeletionConfig.None, config.Deletions);
        Assert.Empty(config.Deletions.Topics);
        Assert.False(config.Deletions.ClusterReplacement);
        Assert.Equal(Defaults.StrimziCreateNamespace, config.Cluster.Strimzi!.CreateNamespace);
        Assert.False(config.Cluster.Strimzi.CreateNamespace);
    }

    [Fact]
    public void The_fields_are_read()
    {
        var config = TestStacks.Load(TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { createNamespace: true }", StringComparison.Ordinal) + """
              kafka-infra:allowDeletion:
                topics: [orders, audit.v1]
                clusterReplacement: true

            """).Config!;

        Assert.Equal(["orders", "audit.v1"], config.Deletions.Topics);
        Assert.True(config.Deletions.AllowsTopic("audit.v1"));
        Assert.False(config.Deletions.AllowsTopic("Orders"));
        Assert.True(config.Deletions.ClusterReplacement);
        Assert.True(config.Cluster.Strimzi!.CreateNamespace);
    }

    [Theory]
    [InlineData("  kafka-infra:allowDeletion: [orders]\n", "kafka-infra:allowDeletion: must be a mapping such as { topics: [orders.v1], clusterReplacement: true }, got a list")]
    [InlineData("  kafka-infra:allowDeletion:\n    clusterReplacement: \"yes\"\n", "kafka-infra:allowDeletion.clusterReplacement: must be true or false, got \"yes\"")]
    [InlineData("  kafka-infra:allowDeletion:\n    topics: [orders, orders]\n", "kafka-infra:allowDeletion.topics: lists \"orders\" more than once")]
    [InlineData("  kafka-infra:allowDeletion:\n    topics: [\"\"]\n", "kafka-infra:allowDeletion.topics[0]: must be a non-empty string, got \"\"")]
    [InlineData("  kafka-infra:allowDeletion:\n    topic: [orders]\n", "kafka-infra:allowDeletion.topic: unknown key; did you mean 'topics'?")]
    public void Bad_input_names_the_key_and_the_value(string body, string expected)
    {
        var result = TestStacks.Load(TestStacks.StrimziCluster + body);

        Assert.Contains(expected, TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void A_bad_create_namespace_names_the_key_and_the_value()
    {
        var result = TestStacks.Load(TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { createNamespace: 1 }", StringComparison.Ordinal));

        Assert.Contains("kafka-infra:cluster.strimzi.createNamespace: must be true or false, got 1", TestStacks.Lines(result.Errors));
    }
}
