using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using KafkaInfra.Core.Tests.Desired;
using KafkaInfra.Core.Tests.Reports;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>
/// Internal topics keep the RF they were created with (platform-facts 8.2): growing past it is said by plan and diff,
/// with the steps, and the RF the renderer gives new internal topics follows the brokers.
/// </summary>
public class InternalTopicReplicationTests
{
    private static string Stack(int brokers) => StrimziStacks.StrimziYaml(brokers: brokers, tail: $"""
          kafka-infra:topicDefaults:
            replicationFactor: {Math.Min(3, brokers)}
            minInsyncReplicas: {Math.Max(1, Math.Min(3, brokers) - 1)}
          kafka-infra:connect:
            - name: sinks
              connectors:
                - name: mirror
                  class: org.apache.kafka.connect.mirror.MirrorSourceConnector
          kafka-infra:ksqldb:
            - name: analytics
        """);

    [Fact]
    public void Plan_warns_when_brokers_grow_past_the_rf_the_internal_topics_were_created_with()
    {
        var result = CapacityPlanner.Plan(TestStacks.RawFile(Stack(3)), new DeployedState(new Dictionary<string, int>(), Brokers: 1));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings, w => w.Path == "kafka-infra:cluster.brokers" && w.Message.Contains("internal topics", StringComparison.Ordinal));
        foreach (var topic in new[] { "__consumer_offsets", "__transaction_state", "sinks-configs", "sinks-offsets", "sinks-status", "_confluent-ksql-analytics__command_topic" })
        {
            Assert.Contains(topic, warning.Message, StringComparison.Ordinal);
        }

        Assert.Contains("RF 1 on 1 broker", warning.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra rebalance --current current.json --brokers <the broker ids> --replication-factor 3", warning.Message, StringComparison.Ordinal);
        Assert.Contains("--execute", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_gives_new_internal_topics_the_rf_the_note_names()
    {
        var state = StrimziStacks.Strimzi(Stack(3));
        var kafkaConfig = state.Single("Kafka", "events").Spec().Child("kafka").Child("config");
        Assert.Equal(3, kafkaConfig["offsets.topic.replication.factor"]);
        Assert.Equal(3, kafkaConfig["transaction.state.log.replication.factor"]);
        var connectConfig = state.Single("KafkaConnect", "sinks").Spec().Child("config");
        Assert.Equal(3, connectConfig["config.storage.replication.factor"]);
        var one = StrimziStacks.Strimzi(Stack(1)).Single("Kafka", "events").Spec().Child("kafka").Child("config");
        Assert.Equal(1, one["offsets.topic.replication.factor"]);
    }

    [Theory]
    [InlineData(3, 5)] // RF 3 at 3 brokers already: nothing is left behind
    [InlineData(3, 3)]
    [InlineData(5, 3)] // shrinking
    public void No_note_when_the_internal_rf_does_not_rise(int from, int to)
    {
        var result = CapacityPlanner.Plan(TestStacks.RawFile(Stack(to)), new DeployedState(new Dictionary<string, int>(), Brokers: from));
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("internal topics keep", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_lists_the_internal_topics_as_a_change_with_the_steps()
    {
        var report = ImpactTestStacks.Report(Stack(1), Stack(3));
        var change = Assert.Single(report.Changes, c => c.Subject == "internal topics");
        Assert.Equal("RF 1 → RF 1", change.Transition);
        Assert.Contains("--replication-factor 3", change.Consequence, StringComparison.Ordinal);
        Assert.Equal("kafka-infra:cluster.brokers", change.ConfigPath);
    }

    [Fact]
    public void The_repository_example_of_one_to_three_brokers_says_so()
    {
        var root = StrimziStacks.RepoRoot;
        string Read(string side) => File.ReadAllText(Path.Combine(root, "examples", "scaling", "brokers-1-to-3", side, "Pulumi.dev.yaml"));
        var report = ImpactTestStacks.Report(Read("before"), Read("after"));
        Assert.Contains(report.Changes, c => c.Subject == "internal topics" && c.Consequence.Contains("__consumer_offsets", StringComparison.Ordinal));
    }
}
