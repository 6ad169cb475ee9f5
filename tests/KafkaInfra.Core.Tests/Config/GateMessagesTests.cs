using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>The messages a newcomer meets first (issue 17 item 9): each names the key, the value and the way out.</summary>
public class GateMessagesTests
{
    private const string Topics = """
          kafka-infra:topics:
            - { name: orders, messagesPerSecond: 1000, messagesPerSecondPerConsumer: 250 }

        """;

    [Fact]
    public void A_topic_without_a_consumer_rate_or_partitions_is_told_about_both()
    {
        var result = TestStacks.Load(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - { name: orders, messagesPerSecond: 1000 }

            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:topics[0].messagesPerSecondPerConsumer", error.Path);
        Assert.StartsWith("is required unless partitions is set", error.Message, StringComparison.Ordinal);
        Assert.Contains("set partitions: <count> instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_kafka_version_is_told_to_quote_it()
    {
        var result = TestStacks.Load(TestStacks.StrimziCluster.Replace("brokers: 3", "brokers: 3\n    kafkaVersion: 4.3", StringComparison.Ordinal) + Topics);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:cluster.kafkaVersion", error.Path);
        Assert.Equal("must be a string, got 4.3; YAML reads an unquoted 4.3 as a number (and 3.10 as 3.1): quote it, \"4.3\"", error.Message);
    }

    [Theory]
    [InlineData("kafka-infra:cluster", "replicas", "brokers")]
    [InlineData("kafka-infra:cluster", "version", "kafkaVersion")]
    [InlineData("kafka-infra:topics[0]", "replicas", "replicationFactor")]
    public void Keys_spelled_the_strimzi_way_get_a_did_you_mean(string parent, string key, string meant)
    {
        var body = parent == "kafka-infra:cluster"
            ? TestStacks.StrimziCluster.Replace("brokers: 3", $"brokers: 3\n    {key}: 3", StringComparison.Ordinal) + Topics
            : TestStacks.StrimziCluster + Topics.Replace("messagesPerSecondPerConsumer: 250", $"messagesPerSecondPerConsumer: 250, {key}: 3", StringComparison.Ordinal);

        var error = Assert.Single(TestStacks.Load(body).Errors);

        Assert.Equal($"{parent}.{key}", error.Path);
        Assert.Equal($"unknown key; did you mean '{meant}'?", error.Message);
    }

    [Theory]
    [InlineData("prod", true)]
    [InlineData("dev", false)]
    public void A_staging_environment_follows_the_rules_it_declares(string rules, bool isProd)
    {
        var config = TestStacks.Load($"  kafka-infra:environment: staging\n  kafka-infra:environmentRules: {rules}\n" + TestStacks.StrimziCluster + Topics).Config!;

        Assert.Equal(isProd, config.IsProd);
        Assert.Equal("staging", config.EnvironmentLabel);
        Assert.Equal($"staging ({rules} rules)", config.EnvironmentDescription);
    }

    [Fact]
    public void A_staging_environment_without_rules_is_asked_for_them()
    {
        var error = Assert.Single(TestStacks.Load("  kafka-infra:environment: staging\n" + TestStacks.StrimziCluster + Topics).Errors);

        Assert.Equal("kafka-infra:environmentRules", error.Path);
        Assert.StartsWith("is required for the environment \"staging\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  kafka-infra:environment: prod\n  kafka-infra:environmentRules: dev\n", "kafka-infra:environmentRules", "is \"dev\", but the environment \"prod\" always follows its own rules")]
    [InlineData("  kafka-infra:environment: staging\n  kafka-infra:environmentRules: strict\n", "kafka-infra:environmentRules", "must be dev or prod: the rules the environment follows; got \"strict\"")]
    [InlineData("  kafka-infra:environment: Staging!\n  kafka-infra:environmentRules: prod\n", "kafka-infra:environment", "must be dev or prod, or another lowercase name")]
    public void Bad_environment_rules_are_refused_with_the_value(string head, string path, string message)
    {
        var error = Assert.Single(TestStacks.Load(head + TestStacks.StrimziCluster + Topics).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_rules_key_is_in_the_reference_with_its_default_and_values()
    {
        var key = ConfigKeyTable.Find(ConfigKeys.EnvironmentRules);

        Assert.Equal(["dev", "prod"], key.Allowed);
        Assert.Equal("required unless dev or prod", key.Default);
        Assert.Contains("`messagesPerSecond`", ConfigKeyTable.Find("topics[].averageMessagesPerSecond").Default, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_of_one_ksqldb_server_says_server_not_servers()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(TestStacks.StrimziCluster + Topics + """
              kafka-infra:ksqldb:
                - { name: analytics, replicas: 1 }

            """));

        var text = PlanReport.Text(new PlanResult(plan, [], plan.Warnings, plan.Advice), "dev");

        Assert.Contains("analytics: 1 server, service id", text, StringComparison.Ordinal);
        Assert.Contains("Plan OK: 1 topic, 0 consumers", text, StringComparison.Ordinal);
        Assert.Contains("Not compared with a deployment", text, StringComparison.Ordinal);
    }
}
