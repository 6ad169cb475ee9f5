using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// consumers[] KEDA settings (issue 16 item 7), read back from the ScaledObject the way KEDA 2.20 reads it
/// (scaledobject_types.go, kafka_scaler.go metadata tags; platform-facts 2.1, 2.2).
/// </summary>
public class ConsumerScalingTests
{
    private const string TwoTopics = """
        - name: orders
          messagesPerSecond: 1000
          partitions: 6
        - name: orders.retry
          messagesPerSecond: 10
          partitions: 2
        """;

    private static string Yaml(string consumer, string topics = TwoTopics) => StrimziStacks.StrimziYaml(topics: topics, tail: $"""
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
        {consumer}
        """);

    private static KubernetesObject ScaledObject(string consumer) => StrimziStacks.Strimzi(Yaml(consumer)).Single("ScaledObject", "order-service");

    private static Tree Metadata(KubernetesObject so) => ((Tree)so.Spec().ListAt("triggers")[0]).Child("metadata");

    [Fact]
    public void Polling_cooldown_and_behavior_land_where_keda_reads_them()
    {
        var so = ScaledObject("""
                  topic: orders
                  minReplicas: 0
                  maxReplicas: 6
                  pollingIntervalSeconds: 15
                  cooldownPeriodSeconds: 120
                  behavior:
                    scaleUp:
                      policies: [{ type: Pods, value: 2, periodSeconds: 30 }]
                    scaleDown:
                      stabilizationWindowSeconds: 600
                      selectPolicy: Min
                      policies: [{ type: Percent, value: 50, periodSeconds: 60 }]
            """);
        var spec = so.Spec();
        Assert.Equal(15, spec["pollingInterval"]);
        Assert.Equal(120, spec["cooldownPeriod"]);
        Assert.Equal(0, spec["minReplicaCount"]);
        var behavior = spec.Child("advanced").Child("horizontalPodAutoscalerConfig").Child("behavior");
        var up = (Tree)behavior.Child("scaleUp").ListAt("policies")[0];
        Assert.Equal(("Pods", 2, 30), ((string)up["type"]!, (int)up["value"]!, (int)up["periodSeconds"]!));
        Assert.Null(behavior.Child("scaleUp")["stabilizationWindowSeconds"]);
        Assert.Equal(600, behavior.Child("scaleDown")["stabilizationWindowSeconds"]);
        Assert.Equal("Min", behavior.Child("scaleDown")["selectPolicy"]);
    }

    [Fact]
    public void Unset_settings_leave_kedas_defaults()
    {
        var spec = ScaledObject("      topic: orders\n      maxReplicas: 4").Spec();
        Assert.Null(spec["pollingInterval"]);
        Assert.Null(spec["cooldownPeriod"]);
        Assert.Null(spec["advanced"]);
        var metadata = Metadata(ScaledObject("      topic: orders\n      maxReplicas: 4"));
        Assert.Null(metadata["limitToPartitionsWithLag"]);
        Assert.Null(metadata["excludePersistentLag"]);
    }

    [Fact]
    public void Trigger_flags_are_string_metadata_as_keda_parses_them()
    {
        var metadata = Metadata(ScaledObject("""
                  topic: orders
                  maxReplicas: 4
                  limitToPartitionsWithLag: true
                  excludePersistentLag: true
                  scaleToZeroOnInvalidOffset: true
            """));
        Assert.Equal("true", metadata["limitToPartitionsWithLag"]);
        Assert.Equal("true", metadata["excludePersistentLag"]);
        Assert.Equal("true", metadata["scaleToZeroOnInvalidOffset"]);
        Assert.Equal("orders", metadata["topic"]);
    }

    [Fact]
    public void A_group_reading_several_topics_names_none_in_its_trigger_and_is_capped_at_their_sum()
    {
        var yaml = Yaml("      topics: [orders, orders.retry]\n      maxReplicas: 20");
        var plan = StrimziStacks.Plan(yaml);
        var consumer = Assert.Single(plan.Consumers);
        Assert.Equal(8, consumer.MaxReplicas); // 6 + 2 partitions
        Assert.Contains("6 (orders) + 2 (orders.retry)", consumer.MaxReplicasDerivation.Explanation, StringComparison.Ordinal);
        var state = StrimziStacks.Strimzi(yaml);
        var so = state.Single("ScaledObject", "order-service");
        Assert.Equal(8, so.Spec()["maxReplicaCount"]);
        Assert.Null(Metadata(so)["topic"]);
        Assert.Equal("order-service", Metadata(so)["consumerGroup"]);

        // its KafkaUser may read both topics
        var acls = state.Single("KafkaUser", "apps-order-service").Spec().ListAt("authorization.acls").Cast<Tree>().ToList();
        Assert.Contains(acls, a => (string?)a.At("resource.name") == "orders.retry" && (string?)a.At("resource.type") == "topic");
        Assert.Contains(acls, a => (string?)a.At("resource.name") == "orders" && (string?)a.At("resource.type") == "topic");
    }

    [Fact]
    public void Several_topics_do_not_size_any_one_of_them_for_all_members()
    {
        var topics = """
            - name: a
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
            - name: b
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
            """;
        var plan = StrimziStacks.Plan(Yaml("      topics: [a, b]\n      maxReplicas: 10", topics));
        Assert.All(plan.Topics, t => Assert.Equal(1, t.Partitions));
    }

    [Theory]
    [InlineData("      topic: orders\n      topics: [orders]\n      maxReplicas: 2", "kafka-infra:consumers[0].topics", "together with topic")]
    [InlineData("      maxReplicas: 2", "kafka-infra:consumers[0].topic", "is required")]
    [InlineData("      topics: []\n      maxReplicas: 2", "kafka-infra:consumers[0].topics", "at least one")]
    [InlineData("      topics: [orders, order]\n      maxReplicas: 2", "kafka-infra:consumers[0].topics[1]", "did you mean \"orders\"")]
    [InlineData("      topics: [orders, orders.retry]\n      maxReplicas: 2\n      limitToPartitionsWithLag: true", "kafka-infra:consumers[0].limitToPartitionsWithLag", "single topic")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      pollingIntervalSeconds: 0", "kafka-infra:consumers[0].pollingIntervalSeconds", "got 0")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      cooldownPeriodSeconds: -1", "kafka-infra:consumers[0].cooldownPeriodSeconds", "got -1")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleDown: { stabilizationWindowSeconds: 7200 } }", "kafka-infra:consumers[0].behavior.scaleDown.stabilizationWindowSeconds", "<= 3600, got 7200")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleUp: { selectPolicy: Fastest } }", "kafka-infra:consumers[0].behavior.scaleUp.selectPolicy", "\"Fastest\"")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleUp: { policies: [{ type: Nodes, value: 1, periodSeconds: 60 }] } }", "kafka-infra:consumers[0].behavior.scaleUp.policies[0].type", "\"Nodes\"")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleUp: { policies: [{ type: Pods, value: 0, periodSeconds: 60 }] } }", "kafka-infra:consumers[0].behavior.scaleUp.policies[0].value", "got 0")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleUp: { policies: [{ type: Pods, value: 1 }] } }", "kafka-infra:consumers[0].behavior.scaleUp.policies[0].periodSeconds", "is required")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      behavior: { scaleSideways: {} }", "kafka-infra:consumers[0].behavior.scaleSideways", "unknown key")]
    [InlineData("      topic: orders\n      maxReplicas: 2\n      excludePersistentLag: \"yes\"", "kafka-infra:consumers[0].excludePersistentLag", "true or false")]
    public void Bad_scaling_settings_are_refused_with_their_key_and_value(string consumer, string path, string expected)
    {
        var result = StrimziStacks.PlanText(Yaml(consumer));
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_would_not_act_are_warned_about()
    {
        var cooldown = StrimziStacks.PlanText(Yaml("      topic: orders\n      maxReplicas: 2\n      cooldownPeriodSeconds: 60"));
        Assert.Contains(cooldown.Warnings, w => w.Path == "kafka-infra:consumers[0].cooldownPeriodSeconds" && w.Message.Contains("1 to 0", StringComparison.Ordinal));
        var zero = StrimziStacks.PlanText(Yaml("      topics: [orders, orders.retry]\n      minReplicas: 0\n      maxReplicas: 2"));
        Assert.Contains(zero.Warnings, w => w.Path == "kafka-infra:consumers[0].minReplicas" && w.Message.Contains("never back up", StringComparison.Ordinal));
    }
}
