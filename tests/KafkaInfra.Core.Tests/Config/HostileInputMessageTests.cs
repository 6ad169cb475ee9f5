using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Issue 14 items 9-11: each rule with the minimal input that showed it.</summary>
public class HostileInputMessageTests
{
    private const string Topic = """
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500

        """;

    private static string[] Errors(IReadOnlyDictionary<string, string?> raw) => TestStacks.Lines(StackConfigLoader.Load(raw).Errors);

    private static string[] Errors(string body) => TestStacks.Lines(TestStacks.Load(body).Errors);

    [Fact]
    public void A_prod_stack_without_environment_is_refused_not_checked_as_dev()
    {
        // Item 9: the minimal input is a stack with a plain listener and RF 1 and no environment.
        var raw = StackFile.Parse("""
            config:
              kafka-infra:cluster:
                name: events
                brokers: 1
                storageGiB: 10
                strimzi: { plainListener: true }
              kafka-infra:topicDefaults: { replicationFactor: 1, minInsyncReplicas: 1 }
            """, "Pulumi.prod.yaml").Values;

        Assert.Equal(["kafka-infra:environment: is required; expected dev or prod (there is no default, so a production stack is never checked with dev's rules)"], Errors(raw));
        Assert.False(CapacityPlanner_plans(raw));
    }

    [Theory]
    [InlineData("topics", "kafka-infra:topics")]
    [InlineData("cluster", "kafka-infra:cluster")]
    [InlineData("ksqlDB", "kafka-infra:ksqldb")]
    public void A_key_without_namespace_is_refused_with_did_you_mean(string key, string meant)
    {
        // Item 10: Pulumi refuses such keys; so does kafka-infra, naming the key it was probably meant to be.
        var raw = new Dictionary<string, string?>(TestStacks.Raw(TestStacks.StrimziCluster)) { [key] = "[]" };
        Assert.Equal([$"{key}: has no namespace: Pulumi config keys are <namespace>:<key>; did you mean '{meant}'?"], Errors(raw));
    }

    [Fact]
    public void An_unrelated_key_without_namespace_is_refused_too()
    {
        var raw = new Dictionary<string, string?>(TestStacks.Raw(TestStacks.StrimziCluster)) { ["region"] = "eu-west-1" };
        Assert.Equal(["region: has no namespace: Pulumi config keys are <namespace>:<key>, and kafka-infra reads kafka-infra:<key> (environment, environmentRules, cluster, topicDefaults, topics, consumers, connect, ksqldb, producers, users, tags, allowDeletion)"], Errors(raw));
    }

    [Theory]
    [InlineData("kafka-infa:topics", "kafka-infra:topics")]
    [InlineData("kafkainfra:connect", "kafka-infra:connect")]
    [InlineData("kafka_infra:ksqldb", "kafka-infra:ksqldb")]
    [InlineData("kafka-infra2:something", "kafka-infra:something")]
    public void A_misspelled_namespace_is_refused_with_did_you_mean(string key, string meant)
    {
        // Item 10: before, the whole section was dropped silently and diff called removing it safe.
        var raw = new Dictionary<string, string?>(TestStacks.Raw(TestStacks.StrimziCluster)) { [key] = "[]" };
        var ns = key[..key.IndexOf(':', StringComparison.Ordinal)];
        Assert.Equal([$"{key}: is not read: the namespace \"{ns}\" is not \"kafka-infra\"; did you mean '{meant}'?"], Errors(raw));
    }

    [Theory]
    [InlineData("aws:region")]
    [InlineData("kafka:bootstrapServers")]
    [InlineData("kubernetes:context")]
    [InlineData("pulumi:template")]
    [InlineData("datadog:apiUrl")]
    public void Other_tools_namespaces_stay_allowed(string key)
    {
        var raw = new Dictionary<string, string?>(TestStacks.Raw(TestStacks.StrimziCluster)) { [key] = "x" };
        Assert.Empty(Errors(raw));
    }

    [Theory]
    [InlineData("1e6", "must be an integer, got 1e6")]
    [InlineData("12.0", "must be an integer, got 12.0")]
    [InlineData("1.5", "must be an integer, got 1.5")]
    [InlineData("1.0e30", "must be an integer, got 1.0e30")]
    [InlineData("\"12\"", "must be an integer, got \"12\", a quoted string; write it without quotes")]
    [InlineData("'1e6'", "must be an integer, got \"1e6\", a quoted string; write it without quotes")]
    [InlineData("\"many\"", "must be an integer, got \"many\"")]
    [InlineData("99999999999999999999", "must be <= 100000, got 99999999999999999999")]
    public void A_non_integer_says_it_must_be_an_integer_and_a_quoted_number_says_it_is_quoted(string value, string message)
    {
        // Item 11: 1e6 and 12.0 used to say "must be <= 100000".
        var errors = Errors(Topic.Replace("messagesPerSecondPerConsumer: 500", $"messagesPerSecondPerConsumer: 500\n      partitions: {value}", StringComparison.Ordinal) + TestStacks.StrimziCluster);
        Assert.Equal([$"kafka-infra:topics[0].partitions: {message}"], errors);
    }

    [Fact]
    public void A_quoted_boolean_and_a_quoted_decimal_say_they_are_quoted()
    {
        var errors = Errors(TestStacks.StrimziCluster.Replace("strimzi: {}", "brokerIngressMBps: \"30\"\n    strimzi: { plainListener: \"true\" }", StringComparison.Ordinal));
        Assert.Equal(
            [
                "kafka-infra:cluster.brokerIngressMBps: must be a number, got \"30\", a quoted string; write it without quotes",
                "kafka-infra:cluster.strimzi.plainListener: must be true or false, got \"true\", a quoted string; write it without quotes",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_topic_rejected_for_one_field_gives_one_error_not_one_per_reader()
    {
        // Item 11: a bad messagesPerSecond used to drop the topic and make every reader of it "not in kafka-infra:topics".
        var errors = Errors(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 1e6
                  messagesPerSecondPerConsumer: 500
              kafka-infra:consumers:
                - name: billing
                  topic: orders
                  maxReplicas: 2
              kafka-infra:connect:
                - name: sinks
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
              kafka-infra:ksqldb:
                - name: analytics
                  topics: [orders]
            """);

        Assert.Equal(["kafka-infra:topics[0].messagesPerSecond: must be an integer, got 1e6"], errors);
    }

    [Fact]
    public void A_reference_to_a_topic_that_is_not_declared_is_still_refused()
    {
        var errors = Errors(TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: billing
                  topic: orderz
                  maxReplicas: 2
            """);

        Assert.Equal(["kafka-infra:consumers[0].topic: names topic \"orderz\", which is not in kafka-infra:topics; did you mean \"orders\"?"], errors);
    }

    [Fact]
    public void Every_key_path_carries_the_namespace()
    {
        // Item 11: one bad value in every section; each error's path starts with kafka-infra:.
        var errors = StackConfigLoader.Load(TestStacks.Raw("""
              kafka-infra:environment: staging
              kafka-infra:cluster:
                name: Events
                brokers: 1.5
                storageGiB: "10"
                strimzi: { controllers: 0, brokerResources: { limits: { cpu: lots } } }
              kafka-infra:topicDefaults: { replicationFactor: 1e3 }
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 0
                  config: { retention.ms: 1 }
              kafka-infra:consumers:
                - { name: billing, topic: nope, maxReplicas: 0, offsetResetPolicy: never }
              kafka-infra:connect:
                - { name: sinks, connectors: [{ name: a, class: x, kind: sideways, config: { tasks.max: 2 } }], plugin: { s3BucketArn: b } }
              kafka-infra:ksqldb:
                - { name: q, topics: [nope], resources: { requests: { memory: 1x } } }
            """)).Errors;

        Assert.True(errors.Count >= 12, string.Join("\n", errors));
        Assert.All(errors, e => Assert.StartsWith("kafka-infra:", e.Path, StringComparison.Ordinal));
    }

    private static bool CapacityPlanner_plans(IReadOnlyDictionary<string, string?> raw) => KafkaInfra.Core.Planning.CapacityPlanner.Plan(raw).IsValid;
}
