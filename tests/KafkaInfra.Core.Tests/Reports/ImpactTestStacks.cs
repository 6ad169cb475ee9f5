using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Reports;

/// <summary>Small stack files for the impact-report tests, and edits applied to them as "find=>replace" pairs separated by ";;".</summary>
internal static class ImpactTestStacks
{
    public const string Strimzi = """
        config:
          kafka-infra:environment: dev
          kafka-infra:cluster:
            name: events
            kafkaVersion: "4.3.1"
            brokers: 3
            storageGiB: 100
            strimzi:
              namespace: kafka
          kafka-infra:topicDefaults:
            replicationFactor: 3
            minInsyncReplicas: 2
            retentionHours: 24
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500
              partitions: 6
            - name: audit
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              lagThreshold: 100
              maxReplicas: 4
          kafka-infra:connect:
            - name: sinks
              image: registry.example.com/kafka/connect-s3:1
              replicas: 1
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [orders]
                  tasksMax: 2
          kafka-infra:ksqldb:
            - name: analytics
              replicas: 1
              topics: [orders]
        """;

    public const string Msk = """
        config:
          kafka-infra:environment: prod
          kafka-infra:cluster:
            name: events
            kafkaVersion: "3.9.x"
            brokers: 3
            storageGiB: 1000
            msk:
              instanceType: kafka.m7g.large
              clientSubnets: [subnet-1, subnet-2, subnet-3]
              securityGroups: [sg-1]
          kafka-infra:topicDefaults:
            replicationFactor: 3
            minInsyncReplicas: 2
            retentionHours: 24
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500
              partitions: 6
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              maxReplicas: 4
        """;

    public static string Base(string name) => name switch
    {
        "strimzi" => Strimzi,
        "msk" => Msk,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown base stack"),
    };

    /// <summary>Applies "find=>replace;;find=>replace" edits; every find must occur, so a stale edit fails loudly.</summary>
    public static string Edit(string yaml, string edits)
    {
        if (string.IsNullOrEmpty(edits))
        {
            return yaml;
        }

        foreach (var edit in edits.Split(";;"))
        {
            var parts = edit.Split("=>");
            var find = parts[0].Replace("\\n", "\n", StringComparison.Ordinal);
            var replace = parts[1].Replace("\\n", "\n", StringComparison.Ordinal);
            Assert.True(yaml.Contains(find, StringComparison.Ordinal), $"edit target not found: {find}");
            yaml = yaml.Replace(find, replace, StringComparison.Ordinal);
        }

        return yaml;
    }

    public static IReadOnlyDictionary<string, string?> Raw(string yaml) => TestStacks.RawFile(yaml);

    public static CapacityPlan PlanOf(string yaml) => TestStacks.Valid(TestStacks.PlanFile(yaml));

    /// <summary>Plans both sides the way <c>kafka-infra diff</c> does and builds the report.</summary>
    public static ImpactReport Report(string before, string after, ImpactOptions? options = null)
    {
        var plans = ImpactReport.Plan(Raw(before), Raw(after));
        Assert.True(plans.IsValid, string.Join("\n", plans.BaseErrors.Concat(plans.NewErrors)));
        return ImpactReport.From(plans, options);
    }
}
