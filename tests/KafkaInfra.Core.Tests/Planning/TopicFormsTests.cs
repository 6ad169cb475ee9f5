using System.Text.Json.Nodes;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Strimzi;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using KafkaInfra.Core.Tests.Desired;
using KafkaInfra.Core.Tests.Desired.Msk;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>
/// Topics as people write them (issue 16 item 5): partitions without a rate (not sized), retentionMs (sub-hour and -1),
/// compacted topics, topics[].config checked against Kafka's topic configs. Kafka facts: apache/kafka TopicConfig
/// (RETENTION_MS_DOC "-1, no time limit", RETENTION_BYTES_DOC "per partition") and UnifiedLog.deleteOldSegments (time and
/// size retention only with cleanup.policy delete).
/// </summary>
public class TopicFormsTests
{
    private static string Topics(string topics, string tail = "") => StrimziStacks.StrimziYaml(topics: topics, tail: tail);

    private static KafkaInfra.Core.Desired.Tree TopicConfig(CapacityPlan plan, string topic) =>
        StrimziDesiredState.Build(plan).Single("KafkaTopic", topic).Spec().Child("config");

    private const string Audit = """
        - name: orders
          messagesPerSecond: 1000
          messagesPerSecondPerConsumer: 250
        - name: audit
          partitions: 6
        """;

    private const string AuditReader = """
          kafka-infra:consumers:
            - name: auditor
              namespace: apps
              topic: audit
              maxReplicas: 10
        """;

    [Fact]
    public void A_topic_with_partitions_and_no_rate_is_planned_not_sized_and_its_consumer_keeps_the_partition_cap()
    {
        var result = StrimziStacks.PlanText(Topics(Audit, AuditReader));
        var plan = TestStacks.Valid(result);
        var audit = plan.Topic("audit");

        Assert.False(audit.IsSized);
        Assert.Equal(6, audit.Partitions);
        Assert.Equal(0, audit.IngressBytesPerSecond);
        Assert.Equal(0, audit.StorageBytes);
        Assert.NotNull(audit.StorageUnsized);
        Assert.Equal("6 (explicit; not sized: no messagesPerSecond)", audit.PartitionsDerivation.Explanation);
        // Only orders is counted: 1,000 msg/s × 1,024 B.
        Assert.Equal(1000d * 1024 / Units.MB, plan.Cluster.IngressMBps, 6);
        Assert.Contains("not sized: audit", plan.Cluster.ThroughputDerivation.Explanation, StringComparison.Ordinal);
        Assert.Contains("storage not estimated: audit", plan.Cluster.StorageDerivation.Explanation, StringComparison.Ordinal);
        // KEDA still caps the consumer at the topic's partitions.
        var auditor = Assert.Single(plan.Consumers);
        Assert.Equal(6, auditor.MaxReplicas);
        Assert.Contains(result.Advice, a => a.Path == "kafka-infra:topics[1].messagesPerSecond" && a.Message.Contains("\"audit\" is not sized", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Advice, a => a.Path == "kafka-infra:topics[1]" && a.Message.StartsWith("producers of", StringComparison.Ordinal));
        Assert.Equal(6, StrimziDesiredState.Build(plan).Single("KafkaTopic", "audit").Spec()["partitions"]);
    }

    [Fact]
    public void The_plan_report_says_not_sized_in_text_and_json()
    {
        var result = StrimziStacks.PlanText(Topics(Audit));
        var text = PlanReport.Text(result, "test");
        Assert.Contains("  audit: 6 partitions, RF 3, min ISR 2, retention 168 h, not sized (no messagesPerSecond)", text, StringComparison.Ordinal);
        Assert.Contains("  orders: 4 partitions, RF 3, min ISR 2, retention 168 h\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var topics = JsonNode.Parse(PlanReport.Json(result, "test"))!["topics"]!.AsArray();
        var audit = topics.Single(t => (string)t!["name"]! == "audit")!;
        Assert.False((bool)audit["sized"]!);
        Assert.Null(audit["messagesPerSecond"]);
        Assert.Null(audit["storageGiB"]);
        Assert.Equal(604_800_000L, (long)audit["retentionMs"]!);
        var orders = topics.Single(t => (string)t!["name"]! == "orders")!;
        Assert.True((bool)orders["sized"]!);
        Assert.Equal(1000L, (long)orders["messagesPerSecond"]!);
        Assert.NotNull(orders["storageGiB"]);
    }

    public static TheoryData<string, string> BadTopics => new()
    {
        { "- name: orders\n", "kafka-infra:topics[0]: sets neither messagesPerSecond nor partitions: set messagesPerSecond (the peak produce rate; partitions are computed from it) or partitions (an explicit count; the topic is then not sized)" },
        { "- name: orders\n  messagesPerSecond: null\n", "kafka-infra:topics[0]: sets neither messagesPerSecond nor partitions: set messagesPerSecond (the peak produce rate; partitions are computed from it) or partitions (an explicit count; the topic is then not sized)" },
        { "- name: orders\n  partitions: 6\n  averageMessagesPerSecond: 50\n", "kafka-infra:topics[0].averageMessagesPerSecond: needs kafka-infra:topics[0].messagesPerSecond, which is not set (got averageMessagesPerSecond: 50); set messagesPerSecond to size the topic, or remove averageMessagesPerSecond" },
        { "- name: orders\n  partitions: 6\n  messagesPerSecondPerConsumer: 100\n", "kafka-infra:topics[0].messagesPerSecondPerConsumer: needs kafka-infra:topics[0].messagesPerSecond, which is not set (got messagesPerSecondPerConsumer: 100); set messagesPerSecond to size the topic, or remove messagesPerSecondPerConsumer" },
        { "- name: orders\n  partitions: 6\n  retentionMs: 900000\n  retentionHours: 1\n", "kafka-infra:topics[0].retentionMs: is set together with kafka-infra:topics[0].retentionHours (got retentionMs 900000, retentionHours 1): a topic has one retention; keep one of them" },
        { "- name: orders\n  partitions: 6\n  retentionMs: 0\n", "kafka-infra:topics[0].retentionMs: got 0, which deletes every closed segment as soon as the log cleaner runs; expected a positive retention in milliseconds, or -1 for no time limit" },
        { "- name: orders\n  partitions: 6\n  config: { cleanup.polcy: compact }\n", "kafka-infra:topics[0].config.cleanup.polcy: got \"compact\", but cleanup.polcy is not a Kafka topic config; did you mean 'cleanup.policy'?" },
        { "- name: orders\n  partitions: 6\n  config: { retention.msec: \"1000\" }\n", "kafka-infra:topics[0].config.retention.msec: got \"1000\", but retention.msec is not a Kafka topic config; did you mean 'retention.ms'? The planner sets it: use the topic's retentionHours or retentionMs (or topicDefaults.retentionHours)" },
        { "- name: orders\n  partitions: 6\n  config: { log.retention.bytes: \"1000\" }\n", "kafka-infra:topics[0].config.log.retention.bytes: got \"1000\", but log.retention.bytes is not a Kafka topic config; did you mean 'retention.bytes'? (log.* names are the broker defaults)" },
        { "- name: orders\n  partitions: 6\n  config: { retention.hours: \"2\" }\n", "kafka-infra:topics[0].config.retention.hours: got \"2\", but retention.hours is not a Kafka topic config (Kafka topics take retention.ms only); set the topic's retentionHours or retentionMs" },
        { "- name: orders\n  partitions: 6\n  config: { min.insync.replicas: \"2\" }\n", "kafka-infra:topics[0].config.min.insync.replicas: got \"2\", but min.insync.replicas is set by the topic's minInsyncReplicas (or topicDefaults.minInsyncReplicas); set it there instead" },
        { "- name: orders\n  partitions: 6\n  config: { cleanup.policy: compacted }\n", "kafka-infra:topics[0].config.cleanup.policy: got \"compacted\"; expected delete, compact, or both as \"compact,delete\" (Kafka's cleanup.policy list)" },
        { "- name: orders\n  partitions: 6\n  config: { retention.bytes: lots }\n", "kafka-infra:topics[0].config.retention.bytes: got \"lots\"; expected the most bytes one partition keeps, a positive integer (or -1 for no size limit)" },
        { "- name: orders\n  partitions: 6\n  retentionHours: 24\n  config: { cleanup.policy: compact }\n", "kafka-infra:topics[0].retentionHours: got 24, but kafka-infra:topics[0].config.cleanup.policy is \"compact\": Kafka deletes by time only with the delete policy, so a compacted topic keeps every key's latest value whatever its retention; remove retentionHours, or set cleanup.policy to \"compact,delete\" to also delete by time" },
        { "- name: orders\n  partitions: 6\n  config: { cleanup.policy: compact, retention.bytes: \"1000\" }\n", "kafka-infra:topics[0].config.retention.bytes: got \"1000\", but kafka-infra:topics[0].config.cleanup.policy is \"compact\": Kafka applies retention.bytes only with the delete policy; remove it, or set cleanup.policy to \"compact,delete\"" },
    };

    [Theory]
    [MemberData(nameof(BadTopics))]
    public void Bad_topic_input_is_refused_naming_the_key_and_the_value(string topics, string expected)
    {
        var result = StrimziStacks.PlanText(Topics(topics));
        Assert.False(result.IsValid);
        Assert.Contains(expected, TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void A_negative_retention_other_than_minus_one_is_out_of_range()
    {
        var result = StrimziStacks.PlanText(Topics("- name: orders\n  partitions: 6\n  retentionMs: -2\n"));
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:topics[0].retentionMs" && e.Message.Contains("-2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sub_hour_retention_is_rendered_in_milliseconds_and_sizes_storage_for_that_time()
    {
        var plan = StrimziStacks.Plan(Topics("- name: orders\n  messagesPerSecond: 1000\n  messagesPerSecondPerConsumer: 250\n  messageBytes: 100\n  retentionMs: 900000\n"));
        var orders = plan.Topic("orders");

        Assert.Equal("900000", TopicConfig(plan, "orders")["retention.ms"]);
        Assert.Equal(1000d * 100 * 900 * 3, orders.StorageBytes);
        Assert.Contains("1,000 × 100 B × 900,000 ms ÷ 1000 × 3", orders.StorageDerivation.Explanation, StringComparison.Ordinal);
        Assert.Contains("orders: 4 partitions, RF 3, min ISR 2, retention 15 min", PlanReport.Text(StrimziStacks.PlanText(Topics("- name: orders\n  messagesPerSecond: 1000\n  messagesPerSecondPerConsumer: 250\n  retentionMs: 900000\n")), "test"), StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_retention_is_rendered_as_minus_one_and_warns_that_storage_is_unbounded()
    {
        var result = StrimziStacks.PlanText(Topics("- name: ledger\n  messagesPerSecond: 100\n  messagesPerSecondPerConsumer: 100\n  retentionMs: -1\n"));
        var plan = TestStacks.Valid(result);

        Assert.Equal("-1", TopicConfig(plan, "ledger")["retention.ms"]);
        Assert.Equal(0, plan.Topic("ledger").StorageBytes);
        Assert.Contains("unbounded", plan.Topic("ledger").StorageUnsized, StringComparison.Ordinal);
        var warning = Assert.Single(result.Warnings, w => w.Path == "kafka-infra:topics[0].retentionMs");
        Assert.Contains("storage of \"ledger\" is unbounded: retentionMs is -1 (no time limit) and config.retention.bytes is not set", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_retention_with_retention_bytes_is_sized_from_the_bytes_per_partition()
    {
        var result = StrimziStacks.PlanText(Topics("- name: ledger\n  messagesPerSecond: 100\n  messagesPerSecondPerConsumer: 100\n  partitions: 4\n  retentionMs: -1\n  config: { retention.bytes: \"1073741824\" }\n"));
        var plan = TestStacks.Valid(result);
        var ledger = plan.Topic("ledger");

        Assert.Equal(1073741824d * 4 * 3, ledger.StorageBytes);
        Assert.Null(ledger.StorageUnsized);
        Assert.Equal("retention.bytes × partitions × replicationFactor", ledger.StorageDerivation.Formula);
        Assert.DoesNotContain(result.Warnings, w => w.Path.StartsWith("kafka-infra:topics[0].retention", StringComparison.Ordinal));
        Assert.Equal("1073741824", TopicConfig(plan, "ledger")["retention.bytes"]);
    }

    [Fact]
    public void Retention_bytes_caps_the_time_estimate_when_smaller()
    {
        var plan = StrimziStacks.Plan(Topics("- name: clicks\n  messagesPerSecond: 10000\n  messagesPerSecondPerConsumer: 10000\n  partitions: 2\n  config: { retention.bytes: \"1000000\" }\n"));
        Assert.Equal(1_000_000d * 2 * 3, plan.Topic("clicks").StorageBytes);
        Assert.StartsWith("min(", plan.Topic("clicks").StorageDerivation.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compacted_topic_gets_no_retention_ms_and_is_not_sized_by_time()
    {
        var result = StrimziStacks.PlanText(Topics("- name: profiles\n  messagesPerSecond: 500\n  messagesPerSecondPerConsumer: 500\n  config: { cleanup.policy: compact }\n"));
        var plan = TestStacks.Valid(result);
        var config = TopicConfig(plan, "profiles");

        Assert.False(config.ContainsKey("retention.ms"));
        Assert.Equal("compact", config["cleanup.policy"]);
        Assert.Null(plan.Topic("profiles").RetentionMs);
        Assert.Equal(0, plan.Topic("profiles").StorageBytes);
        Assert.Contains(result.Advice, a => a.Path == "kafka-infra:topics[0].config.cleanup.policy" && a.Message.Contains("compacted (cleanup.policy=compact)", StringComparison.Ordinal));
        Assert.Contains("retention none (compacted)", PlanReport.Text(result, "test"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_delete_keeps_its_time_retention()
    {
        var plan = StrimziStacks.Plan(Topics("- name: sessions\n  messagesPerSecond: 500\n  messagesPerSecondPerConsumer: 500\n  retentionHours: 2\n  config: { cleanup.policy: \"compact,delete\" }\n"));
        Assert.Equal("7200000", TopicConfig(plan, "sessions")["retention.ms"]);
        Assert.Equal(500d * 1024 * 7200 * 3, plan.Topic("sessions").StorageBytes);
    }

    [Fact]
    public void Msk_topics_carry_the_same_retention_forms_and_refuse_the_same_unknown_configs()
    {
        var yaml = MskStacks.Prod.Replace(
            "      averageMessagesPerSecond: 60\n      messagesPerSecondPerConsumer: 100\n",
            "      averageMessagesPerSecond: 60\n      messagesPerSecondPerConsumer: 100\n      retentionMs: 1800000\n    - name: customers\n      partitions: 3\n      config: { cleanup.policy: compact }\n",
            StringComparison.Ordinal);
        var topics = MskStacks.Build(yaml).OfSpec<KafkaTopicSpec>();

        Assert.Equal("1800000", topics.Spec<KafkaTopicSpec>("events-topic-payments").Config["retention.ms"]);
        var customers = topics.Spec<KafkaTopicSpec>("events-topic-customers");
        Assert.Equal(3, customers.Partitions);
        Assert.Equal("compact", customers.Config["cleanup.policy"]);
        Assert.DoesNotContain("retention.ms", customers.Config.Select(kv => kv.Key));

        var bad = MskStacks.Plan(yaml.Replace("cleanup.policy: compact", "segment.byte: \"1000\"", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:topics[2].config.segment.byte: got \"1000\", but segment.byte is not a Kafka topic config; did you mean 'segment.bytes'?", MskStacks.Lines(bad.Errors));
    }

    [Theory]
    [InlineData("topics")]
    [InlineData("topics.regex")]
    public void A_sink_connectors_config_topics_may_not_replace_its_planned_topics(string key)
    {
        var result = StrimziStacks.PlanText(Topics(StrimziStacks.DefaultTopics, $$"""
              kafka-infra:connect:
                - name: sinks
                  replicas: 1
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
                      config: { {{key}}: "orders,payments" }
            """));
        Assert.Contains($"kafka-infra:connect[0].connectors[0].config.{key}: must not be set for a sink connector (got \"orders,payments\"): list the topics in kafka-infra:connect[0].connectors[0].topics, which the rendered connector, its ACLs and its KEDA trigger all follow", TestStacks.Lines(result.Errors));
    }
}
