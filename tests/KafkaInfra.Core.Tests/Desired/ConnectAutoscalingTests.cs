using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// An autoscaled Connect group as Connect and the HPA behave (issue 12 item 8; platform-facts 8.2): sink consumers start
/// at earliest, a departed worker's tasks wait scheduled.rebalance.max.delay.ms, every worker change rebalances all tasks.
/// </summary>
public class ConnectAutoscalingTests
{
    private static string Yaml(string maxReplicas) => StrimziStacks.StrimziYaml(tail: $"""
          kafka-infra:connect:
            - name: sinks
              replicas: 1
              image: registry.example.com/kafka/connect-s3:1
        {maxReplicas}
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [orders]
        """);

    [Fact]
    public void Sink_triggers_measure_lag_from_the_earliest_offset_as_connect_consumers_start_there()
    {
        var so = StrimziStacks.Strimzi(Yaml("      maxReplicas: 4")).Single("ScaledObject", "sinks-connect");
        var trigger = Assert.IsType<Tree>(Assert.Single(so.Spec().ListAt("triggers")));
        Assert.Equal("connect-archive", trigger.At("metadata.consumerGroup"));
        Assert.Equal("earliest", trigger.At("metadata.offsetResetPolicy"));
    }

    [Fact]
    public void An_autoscaled_group_shrinks_only_after_a_stabilisation_window()
    {
        var so = StrimziStacks.Strimzi(Yaml("      maxReplicas: 4")).Single("ScaledObject", "sinks-connect");
        var window = so.Spec().At("advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds");
        Assert.Equal(Defaults.AutoscaledConnectScaleDownWindowSeconds, window);
        Assert.InRange((int)window!, 300, 3600); // above the HPA's own 300 s default, within its 3600 s maximum
    }

    [Fact]
    public void An_autoscaled_group_reassigns_a_departed_workers_tasks_within_a_minute()
    {
        var config = StrimziStacks.Strimzi(Yaml("      maxReplicas: 4")).Single("KafkaConnect", "sinks").Spec().Child("config");
        var delay = Assert.IsType<int>(config["scheduled.rebalance.max.delay.ms"]);
        Assert.InRange(delay, 30_000, 60_000);
    }

    [Fact]
    public void A_fixed_size_group_keeps_connects_default_delay()
    {
        var config = StrimziStacks.Strimzi(Yaml("")).Single("KafkaConnect", "sinks").Spec().Child("config");
        Assert.Null(config["scheduled.rebalance.max.delay.ms"]);
    }
}
