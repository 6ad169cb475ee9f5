namespace KafkaInfra.Core.Tests.Desired;

/// <summary>Combinations the renderers must never see are refused by the planner, with the config key and the value received.</summary>
public class InvalidInputTests
{
    [Fact]
    public void A_plain_listener_is_refused_in_prod()
    {
        var result = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(environment: "prod", strimziExtra: "plainListener: true"));
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Path == "kafka-infra:cluster.strimzi.plainListener");
        Assert.Contains("got true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connector_reading_a_topic_that_does_not_exist_is_refused()
    {
        var result = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:connect:
                - name: sinks
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [order]
            """));
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:connect[0].connectors[0].topics[0]", error.Path);
        Assert.Contains("\"order\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"orders\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_scaling_a_kafka_connector_is_refused()
    {
        var result = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:consumers:
                - name: archive
                  topic: orders
                  maxReplicas: 2
                  kind: KafkaConnector
                  apiVersion: kafka.strimzi.io/v1
            """));
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:consumers[0].kind");
    }
}
