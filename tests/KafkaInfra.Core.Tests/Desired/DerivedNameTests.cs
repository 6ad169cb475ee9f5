using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// Issue 12 item 11: names the stack derives are refused at plan time when two objects would share one (or a render
/// file name), each with both keys; names never depend on other entries; each is held to its limit with its key.
/// </summary>
public class DerivedNameTests
{
    private const string Image = "registry.example.com/kafka/connect-s3:1";

    private static PlanResult Plan(string tail) => StrimziStacks.PlanText(StrimziStacks.StrimziYaml(tail: tail));

    private static string SinksGroup(string extra = "") => $"""
          kafka-infra:connect:
            - name: sinks
              image: {Image}
        {extra}
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [orders]
        """;

    [Theory]
    [InlineData("sinks", "kafka-infra:connect[0].name")]
    [InlineData("connect-archive", "kafka-infra:connect[0].connectors[0].name")]
    public void A_consumer_group_that_is_one_of_connects_groups_is_refused(string group, string owner)
    {
        var result = Plan($"""
              kafka-infra:consumers:
                - name: reader
                  topic: orders
                  consumerGroup: {group}
                  maxReplicas: 2
            """ + "\n" + SinksGroup());
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:consumers[0].consumerGroup", error.Path);
        Assert.Contains($"\"{group}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(owner, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_kafka_users_with_one_name_are_refused_with_both_keys()
    {
        // consumer "sinks" in namespace "connect" wants KafkaUser connect-sinks, the Connect group's user
        var result = Plan("""
              kafka-infra:consumers:
                - name: sinks
                  namespace: connect
                  consumerGroup: sinks-reader
                  topic: orders
                  maxReplicas: 2
            """ + "\n" + SinksGroup());
        var error = Assert.Single(result.Errors);
        Assert.Contains("KafkaUser \"connect-sinks\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("kafka-infra:connect[0].name", error.Path);
        Assert.Contains("kafka-infra:consumers[0].name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_whose_scaled_object_is_the_connect_groups_is_refused_with_both_keys()
    {
        var result = Plan("""
              kafka-infra:consumers:
                - name: sinks-connect
                  namespace: kafka
                  topic: orders
                  maxReplicas: 2
            """ + "\n" + SinksGroup("      maxReplicas: 3"));
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:consumers[0].name"
            && e.Message.Contains("ScaledObject \"sinks-connect\"", StringComparison.Ordinal)
            && e.Message.Contains("kafka-infra:connect[0].name", StringComparison.Ordinal));
    }

    [Fact]
    public void Objects_that_would_share_a_render_file_name_are_refused_with_both_keys()
    {
        // ScaledObject a/b-c and ScaledObject a-b/c are different objects but both render to ...-scaledobject-a-b-c.yaml
        var result = Plan("""
              kafka-infra:consumers:
                - { name: b-c, namespace: a, topic: orders, maxReplicas: 2, consumerGroup: one }
                - { name: c, namespace: a-b, topic: orders, maxReplicas: 2, consumerGroup: two }
            """);
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:consumers[1].name"
            && e.Message.Contains("render file name scaledobject-a-b-c.yaml", StringComparison.Ordinal)
            && e.Message.Contains("kafka-infra:consumers[0].name", StringComparison.Ordinal));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Adding_a_consumer_never_renames_another_kafka_user()
    {
        const string Reader = "- { name: reader, namespace: apps, topic: orders, maxReplicas: 2 }";
        string Stack(string consumers) => StrimziStacks.StrimziYaml(tail: "  kafka-infra:consumers:\n" + consumers + "\n" + SinksGroup());
        static HashSet<string> Users(string yaml) => StrimziStacks.Strimzi(yaml).OfKind("KafkaUser").Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var before = Users(Stack("    " + Reader));
        var after = Users(Stack("    - { name: writer, namespace: apps, topic: orders, maxReplicas: 2 }\n    " + Reader));
        Assert.Superset(before, after);
        Assert.Equal(["apps-reader", "connect-sinks", "events-keda"], before.Order(StringComparer.Ordinal)); // events-keda: KEDA's describe-only user
    }

    [Fact]
    public void An_empty_namespace_is_refused()
    {
        var result = Plan("""
              kafka-infra:consumers:
                - { name: reader, namespace: "", topic: orders, maxReplicas: 2 }
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:consumers[0].namespace", error.Path);
        Assert.Contains("must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kafka_user_name_over_the_label_limit_is_refused_with_the_key_that_produced_it()
    {
        var ns = new string('n', 40);
        var name = new string('w', 30);
        var result = Plan($$"""
              kafka-infra:consumers:
                - { name: {{name}}, namespace: {{ns}}, topic: orders, maxReplicas: 2 }
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:consumers[0].name", error.Path);
        Assert.Contains("KafkaUser <namespace>-<name>", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"nnnnnnnnnnnn", error.Message, StringComparison.Ordinal);
        Assert.Contains("71 characters; the limit is 63", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connect_group_name_too_long_for_strimzis_api_service_is_refused()
    {
        var group = new string('g', 55);
        var result = Plan($"""
              kafka-infra:connect:
                - name: {group}
                  connectors:
                    - name: mirror
                      class: org.apache.kafka.connect.mirror.MirrorSourceConnector
            """);
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:connect[0].name"
            && e.Message.Contains("Connect REST API Service", StringComparison.Ordinal)
            && e.Message.Contains("67 characters; the limit is 63", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ksqldb_service_id_whose_command_topic_passes_kafkas_limit_is_refused()
    {
        var id = new string('s', 230);
        var result = Plan($"""
              kafka-infra:ksqldb:
                - name: analytics
                  serviceId: {id}
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:ksqldb[0].serviceId", error.Path);
        Assert.Contains("the limit is 249", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_named_like_a_connect_groups_internal_topic_is_refused_with_both_keys()
    {
        var result = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(
            topics: StrimziStacks.DefaultTopics + "\n- { name: sinks-offsets, messagesPerSecond: 10, partitions: 1 }\n",
            tail: SinksGroup()));
        Assert.Contains(result.Errors, e => e.Message.Contains("\"sinks-offsets\"", StringComparison.Ordinal)
            && (e.Path == "kafka-infra:connect[0].name" || e.Path == "kafka-infra:topics[1].name"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("crd")]
    public void The_checked_names_are_the_rendered_ones(string which)
    {
        var yaml = which == "dev" ? StrimziStacks.StackText("dev") : StrimziStacks.StrimziYaml(tail: """
              kafka-infra:consumers:
                - { name: reader, namespace: apps, topic: orders, maxReplicas: 2 }
                - { name: batch, namespace: kafka, topic: orders, maxReplicas: 2 }
              kafka-infra:ksqldb:
                - { name: analytics, topics: [orders] }
            """ + "\n" + SinksGroup("      maxReplicas: 3"));
        var plan = StrimziStacks.Plan(yaml);
        var expected = new PlanContext(plan.Config, DeployedState.None).DerivedNames()
            .Where(n => !n.Kind.StartsWith("Kafka ", StringComparison.Ordinal)) // "Kafka topic", "Kafka group": names Kafka sees, not objects
            .Select(n => (n.Kind, n.Namespace, n.Name))
            .ToHashSet();
        var rendered = KafkaInfra.Core.Desired.Strimzi.StrimziDesiredState.Build(plan).Kubernetes
            .Where(o => o.Kind is not ("Namespace" or "KafkaNodePool" or "ServiceAccount"))
            .Select(o => (o.Kind, o.Namespace, o.Name))
            .ToList();
        Assert.All(rendered, o => Assert.Contains(o, expected));
        Assert.All(rendered.Where(o => o.Kind is "KafkaUser" or "ScaledObject" or "KafkaConnect"), o => Assert.InRange(o.Name.Length, 1, PlanContext.LabelLimit));
    }
}
