using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Planning;

public class PlannerRuleTests
{
    private const string Orders = """
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500

        """;

    private static string Consumer(int maxReplicas, int minReplicas = 1) => $"""
          kafka-infra:consumers:
            - name: svc
              topic: orders
              minReplicas: {minReplicas}
              maxReplicas: {maxReplicas}

        """;

    [Fact]
    public void Max_consumers_defaults_to_the_largest_max_replicas_of_the_groups_reading_the_topic()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + Orders + """
              kafka-infra:consumers:
                - name: a
                  topic: orders
                  maxReplicas: 3
                - name: b
                  topic: orders
                  maxReplicas: 7
            """).GetOrThrow();

        Assert.Equal(7, plan.Topic("orders").Partitions);
        Assert.Equal("max(⌈1,000 ÷ 500⌉ = 2, 7 from kafka-infra:consumers[1].maxReplicas) = 7", plan.Topic("orders").PartitionsDerivation.Explanation);
    }

    [Fact]
    public void Explicit_partitions_win_and_a_value_below_the_computed_count_is_a_warning_naming_both()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: t
                  messagesPerSecond: 100000
                  messagesPerSecondPerConsumer: 10000
                  partitions: 6
            """).GetOrThrow();

        Assert.Equal(6, plan.Topic("t").Partitions);
        Assert.Equal(10, plan.Topic("t").ComputedPartitions);
        Assert.Contains(
            "kafka-infra:topics[0].partitions: explicit 6 is below the computed 10 (max(⌈100,000 ÷ 10,000⌉ = 10, 1 (no consumer group reads it)) = 10): consumers beyond 6 would idle and the throughput target may not be met",
            TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Keda_max_is_capped_at_partitions_with_a_warning()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 1000
                  messagesPerSecondPerConsumer: 500
                  partitions: 4
            """ + "\n" + Consumer(10)).GetOrThrow();

        Assert.Equal(4, plan.Consumers[0].MaxReplicas);
        Assert.True(plan.Consumers[0].Capped);
        Assert.Contains(
            "kafka-infra:consumers[0].maxReplicas: 10 capped at 4, the partitions of \"orders\": 6 of 10 replicas would idle (a consumer group reads each partition with one member). Raise the topic's partitions to scale further",
            TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void An_explicit_partition_decrease_is_an_error_before_anything_is_planned()
    {
        var deployed = new DeployedState(new Dictionary<string, int> { ["orders"] = 12 });

        var result = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 1000
                  messagesPerSecondPerConsumer: 500
                  partitions: 8
            """, deployed);

        Assert.Null(result.Plan);
        Assert.Equal(
            ["kafka-infra:topics[0].partitions: would decrease \"orders\" from 12 (deployed) to 8: Kafka cannot remove partitions, Pulumi.Kafka would delete and recreate the topic (losing its data) and Strimzi refuses it (NotSupported). Set partitions to 12 or more"],
            TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void A_computed_decrease_keeps_the_deployed_count_with_a_warning()
    {
        var deployed = new DeployedState(new Dictionary<string, int> { ["orders"] = 12 });

        var plan = TestStacks.Plan(TestStacks.StrimziCluster + Orders, deployed).GetOrThrow();

        Assert.Equal(12, plan.Topic("orders").Partitions);
        Assert.Equal(2, plan.Topic("orders").ComputedPartitions);
        Assert.Contains("kafka-infra:topics[0].partitions: computed 2 is below the deployed 12; keeping 12 because partitions never decrease", TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void A_partition_increase_says_that_keys_remap()
    {
        var deployed = new DeployedState(new Dictionary<string, int> { ["orders"] = 1 });

        var plan = TestStacks.Plan(TestStacks.StrimziCluster + Orders, deployed).GetOrThrow();

        Assert.Contains(
            "kafka-infra:topics[0].partitions: grows \"orders\" from 1 to 2: keys hash to different partitions from now on (per-key ordering breaks across the change); existing data stays where it is",
            TestStacks.Lines(plan.Warnings));
    }

    public static TheoryData<string, string, string, bool> ReplicationCases => new()
    {
        // environment, topicDefaults, expected message, is an error
        { "dev", "{ replicationFactor: 4 }", "kafka-infra:topicDefaults.replicationFactor: replication factor 4 of topic \"orders\" is greater than the cluster's 3 brokers; each replica needs its own broker", true },
        { "dev", "{ replicationFactor: 2, minInsyncReplicas: 3 }", "kafka-infra:topicDefaults.minInsyncReplicas: min.insync.replicas 3 of topic \"orders\" is greater than its replication factor 2: no acks=all write could ever succeed", true },
        { "prod", "{ replicationFactor: 3, minInsyncReplicas: 3 }", "kafka-infra:topicDefaults.minInsyncReplicas: min.insync.replicas 3 of topic \"orders\" should be less than its replication factor 3, or a single broker outage blocks every acks=all producer (required in prod)", true },
        { "dev", "{ replicationFactor: 3, minInsyncReplicas: 3 }", "kafka-infra:topicDefaults.minInsyncReplicas: min.insync.replicas 3 of topic \"orders\" should be less than its replication factor 3, or a single broker outage blocks every acks=all producer (an error in prod)", false },
        { "prod", "{ replicationFactor: 2, minInsyncReplicas: 1 }", "kafka-infra:topicDefaults.replicationFactor: replication factor 2 of topic \"orders\" is below 3: losing one broker can lose data or availability (required in prod)", true },
        { "prod", "{ replicationFactor: 3, minInsyncReplicas: 1 }", "kafka-infra:topicDefaults.minInsyncReplicas: min.insync.replicas 1 of topic \"orders\" is below 2: an acknowledged write can live on a single broker (required in prod)", true },
        { "dev", "{ replicationFactor: 2, minInsyncReplicas: 1 }", "kafka-infra:topicDefaults.replicationFactor: replication factor 2 of topic \"orders\" is below 3: losing one broker can lose data or availability (an error in prod)", false },
        { "dev", "{ replicationFactor: 3, minInsyncReplicas: 1 }", "kafka-infra:topicDefaults.minInsyncReplicas: min.insync.replicas 1 of topic \"orders\" is below 2: an acknowledged write can live on a single broker (an error in prod)", false },
    };

    [Theory]
    [MemberData(nameof(ReplicationCases))]
    public void Replication_rules(string environment, string defaults, string expected, bool isError)
    {
        var result = TestStacks.Plan($"""
              kafka-infra:environment: {environment}
              kafka-infra:topicDefaults: {defaults}

            """ + TestStacks.StrimziCluster + Orders);

        Assert.Contains(expected, TestStacks.Lines(isError ? result.Errors : result.Warnings));
        Assert.Equal(isError, !result.IsValid);
    }

    [Fact]
    public void A_single_broker_dev_cluster_plans_with_warnings()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster.Replace("brokers: 3", "brokers: 1", StringComparison.Ordinal) + """
              kafka-infra:topicDefaults: { replicationFactor: 1, minInsyncReplicas: 1 }

            """ + Orders).GetOrThrow();

        Assert.Equal(1, plan.Topic("orders").ReplicationFactor);
        Assert.Contains("kafka-infra:topicDefaults.replicationFactor: replication factor 1 of topic \"orders\" is below 3: losing one broker can lose data or availability (an error in prod)", TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Plain_listener_is_an_error_in_prod()
    {
        var result = TestStacks.Plan("""
              kafka-infra:environment: prod
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi: { plainListener: true }
            """);

        Assert.Equal(["kafka-infra:cluster.strimzi.plainListener: must be false in prod: a plain listener sends data and SCRAM credentials unencrypted; got true"], TestStacks.Lines(result.Errors));
    }

    [Theory]
    [InlineData(4, "kafka-infra:cluster.brokers: must be a multiple of the 3 client subnets (MSK puts the same number of brokers in each Availability Zone); got 4. Use 3 or 6")]
    [InlineData(2, "kafka-infra:cluster.brokers: must be a multiple of the 3 client subnets (MSK puts the same number of brokers in each Availability Zone); got 2. Use 3")]
    public void Msk_brokers_must_be_a_multiple_of_the_subnets(int brokers, string expected)
    {
        var result = TestStacks.Plan(TestStacks.MskCluster.Replace("brokers: 3", $"brokers: {brokers}", StringComparison.Ordinal) + """
              kafka-infra:topicDefaults: { replicationFactor: 2, minInsyncReplicas: 1 }
            """);

        Assert.Contains(expected, TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Msk_partitions_per_broker_above_the_instance_maximum_fail_and_above_recommended_warn()
    {
        // 3 brokers, RF 3: each partition puts one replica on every broker. 50 offsets partitions count too.
        string Stack(int partitions) => TestStacks.MskCluster + $"""
              kafka-infra:topics:
                - name: t
                  messagesPerSecond: 1
                  partitions: {partitions}
            """;

        var warn = TestStacks.Plan(Stack(1_100)).GetOrThrow();
        var fail = TestStacks.Plan(Stack(1_500));

        // (1,100 × 3 + 150) = 3,450 replicas → 4 brokers for the recommended 1,000; (1,500 × 3 + 150) = 4,650 → 4 for the maximum, 5 for the recommended count.
        Assert.Contains("kafka-infra:cluster.msk.instanceType: 1,150 partition replicas per broker are above kafka.m7g.large's recommended 1,000 (maximum 1,500); 4 brokers keep it at the recommended count, or choose a larger type (a capacity shortfall: an error in prod)", TestStacks.Lines(warn.Warnings));
        Assert.Contains("kafka-infra:cluster.msk.instanceType: 1,550 partition replicas per broker exceed kafka.m7g.large's maximum of 1,500, above which MSK blocks configuration updates and broker-size changes; 4 brokers are needed (5 for the recommended count), or a larger type", TestStacks.Lines(fail.Errors));
    }

    [Fact]
    public void Strimzi_partitions_per_broker_above_the_ceiling_fail()
    {
        var result = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: t
                  messagesPerSecond: 1
                  partitions: 4000
            """);

        Assert.Equal(["kafka-infra:cluster.brokers: 4,050 partition replicas per broker (⌈(12,000 + 150 + 0) ÷ 3⌉ = 4,050) exceed the ceiling of 4,000 (cluster.maxPartitionsPerBroker); 4 brokers are needed, or fewer partitions"], TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Storage_below_the_seventy_percent_ceiling_is_a_warning_with_the_number()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster.Replace("storageGiB: 500", "storageGiB: 100", StringComparison.Ordinal) + """
              kafka-infra:topics:
                - name: t
                  messagesPerSecond: 1000
                  messagesPerSecondPerConsumer: 1000
                  messageBytes: 1000
                  retentionHours: 100
            """).GetOrThrow();

        // 1,000 × 1,000 B × 100 h × 3600 × 3 = 1.08e12 B = 1,005.8 GiB; ÷ 3 brokers = 335.3 GiB; ÷ 0.7 = 479 GiB.
        Assert.Equal(479, plan.Cluster.StorageGiBNeededPerBroker);
        Assert.Contains(
            "kafka-infra:cluster.storageGiB: 100 GiB per broker is below the 479 GiB needed to keep full retention under 70% full (1,005.8 GiB ÷ 3 brokers = 335.3 GiB per broker; ÷ 70% = 479 GiB); set storageGiB to 479 or more, or add brokers; set topics[].averageMessagesPerSecond where the peak rate does not last the whole retention (a capacity shortfall: an error in prod)",
            TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Broker_count_below_the_write_load_is_a_warning_with_the_number()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: t
                  messagesPerSecond: 100000
                  messagesPerSecondPerConsumer: 100000
                  messageBytes: 1000
                  retentionHours: 1
            """).GetOrThrow();

        // 100,000 × 1,000 B × RF 3 = 300 MB/s of writes at 30 MB/s per broker → 10 brokers.
        Assert.Equal(10, plan.Cluster.MinBrokersForThroughput);
        Assert.Contains(
            "kafka-infra:cluster.brokers: 3 brokers cannot carry the write load: it needs 10 (max(⌈300.00 MB/s ÷ 30.0 MB/s per broker⌉ = 10, RF 3) = 10); set brokers to 10 or more, or cluster.brokerIngressMBps if your brokers sustain more (a capacity shortfall: an error in prod)",
            TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Storage_never_shrinks()
    {
        var result = TestStacks.Plan(TestStacks.StrimziCluster, new DeployedState(new Dictionary<string, int>(), Brokers: 3, StorageGiB: 1000));

        Assert.Equal(["kafka-infra:cluster.storageGiB: decreases from 1000 to 500 GiB: broker storage can only grow (neither Kafka volumes on Kubernetes nor MSK EBS volumes can shrink)"], TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Msk_broker_decrease_needs_an_acknowledgement_that_brokers_were_drained()
    {
        var deployed = new DeployedState(new Dictionary<string, int>(), Brokers: 6, StorageGiB: 1000);

        var refused = TestStacks.Plan(TestStacks.MskCluster, deployed);
        var acknowledged = TestStacks.Plan(TestStacks.MskCluster.Replace("securityGroups: [sg-1]", "securityGroups: [sg-1]\n      brokersDrained: true", StringComparison.Ordinal), deployed);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("kafka-infra:cluster.brokers", error.Path);
        Assert.Contains("MSK removes a broker only once no partition replica is left on it", error.Message, StringComparison.Ordinal);
        Assert.Contains("--remove <one broker id per AZ>", error.Message, StringComparison.Ordinal);
        Assert.True(acknowledged.IsValid, string.Join("\n", acknowledged.Errors));
    }

    [Theory]
    [InlineData(9, 3, "with 3 client subnets, one run goes from 9 to 6. Set 6, and repeat per step")] // two AZ-rounds at once
    [InlineData(7, 6, "with 3 client subnets, one run goes from 7 to 4")] // not one per AZ
    public void Msk_removes_exactly_one_broker_per_availability_zone_per_run(int from, int to, string expected)
    {
        // AWS MSK Developer Guide, "Remove a broker from an Amazon MSK cluster": one broker per AZ in one operation.
        var deployed = new DeployedState(new Dictionary<string, int>(), Brokers: from, StorageGiB: 1000);
        var drained = TestStacks.MskCluster
            .Replace("brokers: 3", $"brokers: {to}", StringComparison.Ordinal)
            .Replace("securityGroups: [sg-1]", "securityGroups: [sg-1]\n      brokersDrained: true", StringComparison.Ordinal);

        var error = Assert.Single(TestStacks.Plan(drained, deployed).Errors, e => e.Path == "kafka-infra:cluster.brokers");

        Assert.Contains($"decreases from {from} to {to}, but MSK removes exactly one broker per Availability Zone in one operation: {expected}", error.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra rebalance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Msk_removes_brokers_only_from_m5_and_m7g_clusters()
    {
        var deployed = new DeployedState(new Dictionary<string, int>(), Brokers: 6, StorageGiB: 1000);
        var t3 = TestStacks.MskCluster
            .Replace("kafka.m7g.large", "kafka.t3.small", StringComparison.Ordinal)
            .Replace("securityGroups: [sg-1]", "securityGroups: [sg-1]\n      brokersDrained: true", StringComparison.Ordinal);

        var error = Assert.Single(TestStacks.Plan(t3, deployed).Errors, e => e.Path == "kafka-infra:cluster.brokers");

        Assert.Equal("decreases from 6 to 3, but MSK removes brokers only from kafka.m5.* and kafka.m7g.* clusters (this one is \"kafka.t3.small\"): keep 6 brokers, or create a smaller cluster in a second stack and move the topics and clients to it", error.Message);
    }

    [Fact]
    public void Strimzi_broker_decrease_is_allowed_and_explains_the_drain()
    {
        var deployed = new DeployedState(new Dictionary<string, int>(), Brokers: 5, StorageGiB: 500);

        var plan = TestStacks.Plan(TestStacks.StrimziCluster, deployed).GetOrThrow();

        Assert.Contains("kafka-infra:cluster.brokers: decreases from 5 to 3: Cruise Control's remove-brokers auto-rebalance moves every replica off the removed brokers before Strimzi deletes them; this takes time and network bandwidth", TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Express_brokers_require_rf_three_and_min_isr_two()
    {
        var result = TestStacks.Plan("""
              kafka-infra:cluster:
                name: events
                kafkaVersion: 3.9.x
                brokers: 3
                msk:
                  instanceType: express.m7g.large
                  clientSubnets: [a, b, c]
                  securityGroups: [sg]
              kafka-infra:topicDefaults: { replicationFactor: 2, minInsyncReplicas: 1 }
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 10
                  messagesPerSecondPerConsumer: 10
            """);

        Assert.Equal(
            [
                "kafka-infra:topicDefaults.replicationFactor: must be 3 for topic \"orders\" on Express brokers (MSK Express always replicates 3 times); got 2",
                "kafka-infra:topicDefaults.minInsyncReplicas: must be 2 for topic \"orders\" on Express brokers (MSK Express fixes min.insync.replicas at 2); got 1",
            ],
            TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Connector_tasks_default_to_the_partitions_of_their_topics_and_connect_max_is_capped()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + Orders + """
              kafka-infra:connect:
                - name: sinks
                  replicas: 1
                  maxReplicas: 10
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
            """).GetOrThrow();

        var group = plan.Connect[0];
        Assert.Equal(2, group.Connectors[0].TasksMax);
        Assert.Equal("connect-archive", group.Connectors[0].ConsumerGroup);
        Assert.Equal(2, group.MaxReplicas);
        Assert.Contains("kafka-infra:connect[0].maxReplicas: 10 capped at 2, the partitions its sink connectors read: 8 of 10 workers would have no task to run", TestStacks.Lines(plan.Warnings));
    }

    [Fact]
    public void Producer_advice_depends_on_the_rate()
    {
        var plan = TestStacks.Plan(TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: fast
                  messagesPerSecond: 20000
                  messagesPerSecondPerConsumer: 5000
                - name: slow
                  messagesPerSecond: 10
                  messagesPerSecondPerConsumer: 10
            """).GetOrThrow();

        var advice = TestStacks.Lines(plan.Advice);
        Assert.Contains(advice, a => a.StartsWith("kafka-infra:topics[0]: producers of \"fast\"", StringComparison.Ordinal) && a.Contains("batch.size=131072", StringComparison.Ordinal) && a.Contains("compression.type=lz4", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.StartsWith("kafka-infra:topics[1]: producers of \"slow\"", StringComparison.Ordinal) && a.Contains("the producer defaults fit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_repository_stacks_plan_cleanly(string stack)
    {
        var result = CapacityPlanner.Plan(TestStacks.StackFileRaw(stack));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_dev_stack_carries_the_seed_example()
    {
        var plan = CapacityPlanner.Plan(TestStacks.StackFileRaw("dev")).GetOrThrow();

        Assert.Equal(4, plan.Topic("vehicle.telemetry").Partitions); // 20,000 ÷ 5,000 → 4
        Assert.Equal(5, plan.Topic("orders").Partitions);            // 1,000 ÷ 500 with 5 consumers → 5
    }

    [Fact]
    public void The_prod_stack_carries_the_seed_example()
    {
        var plan = CapacityPlanner.Plan(TestStacks.StackFileRaw("prod")).GetOrThrow();

        Assert.Equal(10, plan.Topic("vehicle.telemetry").Partitions); // 100,000 ÷ 10,000 → 10
        Assert.Equal(Platform.MskProvisioned, plan.Cluster.Platform);
    }
}
