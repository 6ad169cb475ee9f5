using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>
/// The review gate (issue 17): capacity shortfalls are errors in prod and warnings in dev, each naming the number
/// needed; consumer groups that cannot keep up at the peak; storage sized at an average rate; a lagThreshold that pins a
/// group at its maximum; pre-scaling advice for a known peak.
/// </summary>
public class ReviewGateTests
{
    /// <summary>200,000 msg/s × 512 B × RF 3 = 307.2 MB/s written: ⌈307.2 ÷ 30⌉ = 11 brokers; 72 h of it does not fit 500 GiB.</summary>
    private static string Stack(string environment, int brokers = 3, int storageGiB = 500, int maxReplicas = 10, string topicExtra = "") => $"""
          kafka-infra:environment: {environment}
          kafka-infra:cluster:
            name: shop
            brokers: {brokers}
            storageGiB: {storageGiB}
            strimzi: {"{}"}
          kafka-infra:topicDefaults:
            retentionHours: 72
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 200000
              messagesPerSecondPerConsumer: 1000
              messageBytes: 512
        {topicExtra}
          kafka-infra:consumers:
            - name: order-service
              topic: orders
              lagThreshold: 100000
              minReplicas: 1
              maxReplicas: {maxReplicas}
              consumerGroup: order-service

        """;

    [Fact]
    public void Prod_refuses_too_few_brokers_and_too_little_storage_naming_the_numbers_needed()
    {
        var result = TestStacks.Plan(Stack("prod"));

        Assert.False(result.IsValid);
        var brokers = Assert.Single(result.Errors, e => e.Path == "kafka-infra:cluster.brokers");
        Assert.Contains("3 brokers cannot carry the write load: it needs 11", brokers.Message, StringComparison.Ordinal);
        Assert.Contains("set brokers to 11 or more", brokers.Message, StringComparison.Ordinal);
        var storage = Assert.Single(result.Errors, e => e.Path == "kafka-infra:cluster.storageGiB");
        // 200,000 × 512 B × 72 h × 3600 × 3 = 74,157.7 GiB ÷ 3 brokers ÷ 70% = 35,314 GiB per broker.
        Assert.Contains("500 GiB per broker is below the 35,314 GiB needed", storage.Message, StringComparison.Ordinal);
        Assert.Contains("set storageGiB to 35,314 or more", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_plans_the_same_shortfalls_as_warnings_that_say_prod_refuses_them()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(Stack("dev")));

        Assert.Contains(plan.Warnings, w => w.Path == "kafka-infra:cluster.brokers" && w.Message.EndsWith("(a capacity shortfall: an error in prod)", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Path == "kafka-infra:cluster.storageGiB" && w.Message.Contains("35,314 GiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Enough_brokers_and_storage_pass_in_prod()
    {
        var result = TestStacks.Plan(Stack("prod", brokers: 11, storageGiB: 16384, maxReplicas: 200, topicExtra: "      averageMessagesPerSecond: 50000"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("capacity shortfall", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_is_sized_at_the_average_rate_when_one_is_given()
    {
        var peak = TestStacks.Valid(TestStacks.Plan(Stack("dev", brokers: 11, maxReplicas: 200)));
        var average = TestStacks.Valid(TestStacks.Plan(Stack("dev", brokers: 11, maxReplicas: 200, topicExtra: "      averageMessagesPerSecond: 50000")));

        // A quarter of the rate, a quarter of the disk; brokers and partitions still follow the peak.
        Assert.Equal(peak.Topics[0].StorageBytes / 4, average.Topics[0].StorageBytes, 3);
        Assert.Equal(peak.Cluster.MinBrokersForThroughput, average.Cluster.MinBrokersForThroughput);
        Assert.Equal(200, average.Topics[0].Partitions);
        Assert.StartsWith("50,000 (average) × 512 B × 72 h", average.Topics[0].StorageDerivation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_average_above_the_peak_is_refused_with_both_values()
    {
        var result = TestStacks.Plan(Stack("dev", topicExtra: "      averageMessagesPerSecond: 300000"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:topics[0].averageMessagesPerSecond", error.Path);
        Assert.Equal("must not exceed messagesPerSecond (200000, the peak rate); got 300000", error.Message);
    }

    [Fact]
    public void A_consumer_group_that_cannot_keep_up_at_the_peak_names_the_max_replicas_needed()
    {
        var prod = TestStacks.Plan(Stack("prod", brokers: 11, storageGiB: 16384, topicExtra: "      averageMessagesPerSecond: 50000"));

        var error = Assert.Single(prod.Errors);
        Assert.Equal("kafka-infra:consumers[0].maxReplicas", error.Path);
        Assert.Contains("group \"order-service\" tops out at 10 replicas × 1,000 msg/s = 10,000 msg/s, below the 200,000 msg/s of \"orders\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("set maxReplicas to 200 or more", error.Message, StringComparison.Ordinal);

        var dev = TestStacks.Valid(TestStacks.Plan(Stack("dev", brokers: 11, storageGiB: 16384, topicExtra: "      averageMessagesPerSecond: 50000")));
        Assert.Contains(dev.Warnings, w => w.Path == "kafka-infra:consumers[0].maxReplicas");
    }

    [Fact]
    public void A_consumer_shortfall_capped_by_explicit_partitions_also_names_the_partitions_needed()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(Stack("dev", brokers: 11, maxReplicas: 200, topicExtra: "      partitions: 100")));

        var warning = Assert.Single(plan.Warnings, w => w.Path == "kafka-infra:consumers[0].maxReplicas" && w.Message.Contains("tops out", StringComparison.Ordinal));
        Assert.Contains("tops out at 100 replicas", warning.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:topics[0].partitions to 200 or more", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lag_threshold_far_below_the_rate_is_flagged_with_the_threshold_that_lets_the_group_scale()
    {
        var stack = Stack("dev", brokers: 11, maxReplicas: 200).Replace("lagThreshold: 100000", "lagThreshold: 10", StringComparison.Ordinal);

        var plan = TestStacks.Valid(TestStacks.Plan(stack));

        // A tenth of a second of messages (20,000) over 200 replicas is 100 per replica; 10 keeps KEDA at 200 all the time.
        var warning = Assert.Single(plan.Warnings, w => w.Path == "kafka-infra:consumers[0].lagThreshold");
        Assert.Contains("10 is far below the rate of \"orders\" (200,000 msg/s)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("a lagThreshold of 100 or more", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_peak_gets_pre_scaling_advice_for_min_replicas()
    {
        var stack = Stack("dev", brokers: 11, maxReplicas: 200, topicExtra: "      averageMessagesPerSecond: 50000").Replace("minReplicas: 1\n", "minReplicas: 2\n", StringComparison.Ordinal);

        var plan = TestStacks.Valid(TestStacks.Plan(stack));

        var advice = Assert.Single(plan.Advice, a => a.Path == "kafka-infra:consumers[0].minReplicas");
        Assert.Contains("raise minReplicas from 2 to 200 before it starts", advice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lag_threshold_explanation_is_given_once_not_per_consumer()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - { name: a, messagesPerSecond: 100, messagesPerSecondPerConsumer: 100 }
              kafka-infra:consumers:
                - { name: one, topic: a, maxReplicas: 1 }
                - { name: two, topic: a, maxReplicas: 1 }
                - { name: three, topic: a, maxReplicas: 1 }

            """));

        Assert.Single(plan.Advice, a => a.Message.Contains("not a trigger level", StringComparison.Ordinal));
    }

    [Fact]
    public void Partition_replicas_over_the_strimzi_ceiling_name_the_brokers_needed()
    {
        var result = TestStacks.Plan("""
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 500
                maxPartitionsPerBroker: 100
                strimzi: {}
              kafka-infra:topics:
                - { name: a, messagesPerSecond: 100, partitions: 200 }

            """);

        // (200 × 3 + 50 × 3) = 750 replicas ÷ 100 per broker = 8 brokers.
        var error = Assert.Single(result.Errors);
        Assert.Contains("8 brokers are needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_side_of_a_comparison_is_planned_with_prods_errors_as_warnings()
    {
        var raw = TestStacks.Raw(Stack("prod"));

        Assert.False(CapacityPlanner.Plan(raw).IsValid);
        var baseline = CapacityPlanner.PlanBase(raw);
        Assert.True(baseline.IsValid, string.Join("\n", baseline.Errors));
        Assert.Contains(baseline.Warnings, w => w.Path == "kafka-infra:cluster.brokers");
    }
}
