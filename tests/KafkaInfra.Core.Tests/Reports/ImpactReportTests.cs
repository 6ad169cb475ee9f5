using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using static KafkaInfra.Core.Tests.Reports.ImpactTestStacks;

namespace KafkaInfra.Core.Tests.Reports;

public class ImpactReportTests
{
    private const string NewTopic = "  kafka-infra:consumers:=>    - name: payments\\n      messagesPerSecond: 200\\n      messagesPerSecondPerConsumer: 100\\n  kafka-infra:consumers:";
    private const string Fraud = "    - name: analytics\\n      replicas: 1=>    - name: fraud\\n      replicas: 2\\n      topics: [orders]\\n    - name: analytics\\n      replicas: 1";
    private const string Express = "kafka.m7g.large=>express.m7g.large;;    storageGiB: 1000\\n=>";
    private const string MskSinks = "maxReplicas: 4=>maxReplicas: 4\\n  kafka-infra:connect:\\n    - name: sinks\\n      plugin: { s3BucketArn: 'arn:aws:s3:::plugins', s3FileKey: s3-sink.zip, contentType: ZIP }\\n      connectors:\\n        - name: archive\\n          class: io.confluent.connect.s3.S3SinkConnector\\n          topics: [orders]\\n          tasksMax: ";
    private const string NewConsumer = "  kafka-infra:connect:=>    - name: audit-reader\\n      namespace: apps\\n      topic: audit\\n      maxReplicas: 1\\n  kafka-infra:connect:";

    /// <summary>
    /// One row per change kind: base stack, edits applied to the base for the "before" side, edits for the "after"
    /// side, and the change expected: kind, subject, unsafe flag, and a fragment of its consequence.
    /// </summary>
    public static TheoryData<string, string, string, ChangeKind, string, bool, string> Cases => new()
    {
        // Partitions.
        { "strimzi", "", "partitions: 6=>partitions: 12", ChangeKind.Partitions, "orders", false, "keys remap to other partitions (per-key ordering breaks across the change); existing data stays where it is; consumers with auto.offset.reset=latest (group order-service, connector archive, ksqlDB analytics) can miss messages written to the 6 new partitions before they are assigned them; the Topic Operator adds the partitions in place" },
        { "msk", "", "partitions: 6=>partitions: 9", ChangeKind.Partitions, "orders", false, "the 3 new partitions before they are assigned them; Pulumi.Kafka adds the partitions in place" },
        { "strimzi", "", "partitions: 6=>partitions: 4", ChangeKind.Partitions, "orders", true, "refused: Kafka cannot remove partitions; Pulumi.Kafka would delete and recreate the topic, losing its data (about " },
        { "msk", "", "partitions: 6=>partitions: 4", ChangeKind.Partitions, "orders", true, "and Strimzi refuses it (NotSupported), leaving the topic at 6" },

        // Replication factor and min.insync.replicas.
        { "strimzi", "replicationFactor: 3\\n    minInsyncReplicas: 2=>replicationFactor: 2\\n    minInsyncReplicas: 1", "", ChangeKind.ReplicationFactor, "orders", false, "the Topic Operator hands the change to Cruise Control (deployed with clusters of two or more brokers), which adds the replicas: 164.8 GiB × 1/2 = 82.4 GiB copied (82.4 GiB ÷ 50 MB/s ≈ 30 min); an acknowledged write now survives 2 broker losses (was 1)" },
        { "strimzi", "", "replicationFactor: 3\\n    minInsyncReplicas: 2=>replicationFactor: 2\\n    minInsyncReplicas: 1", ChangeKind.ReplicationFactor, "orders", false, "Cruise Control drops a replica of each of the 6 partitions: 247.2 GiB × 1/3 = 82.4 GiB freed, nothing copied; an acknowledged write now survives 1 broker loss (was 2)" },
        { "msk", "brokers: 3=>brokers: 6", "brokers: 3=>brokers: 6;;replicationFactor: 3=>replicationFactor: 4", ChangeKind.ReplicationFactor, "orders", false, "Pulumi.Kafka changes it in place through a partition reassignment: 247.2 GiB × 1/3 = 82.4 GiB copied" },
        { "strimzi", "", "minInsyncReplicas: 2=>minInsyncReplicas: 1", ChangeKind.MinInsyncReplicas, "orders", false, "more available, less durable: each acks=all write is on at least 1 broker (was 2), and acks=all producers keep writing through 2 broker outages per partition (was 1) before failing with NotEnoughReplicas" },
        { "strimzi", "minInsyncReplicas: 2=>minInsyncReplicas: 1", "", ChangeKind.MinInsyncReplicas, "audit", false, "more durable, less available: each acks=all write is on at least 2 brokers (was 1)" },
        { "strimzi", "", "retentionHours: 24=>retentionHours: 12", ChangeKind.Retention, "orders", false, "retention.ms 86,400,000 → 43,200,000: data older than 12 h is deleted at the next log cleanup; the topic's storage at full retention goes from 247.2 GiB to 123.6 GiB" },

        // Brokers and storage.
        { "strimzi", "", "brokers: 3=>brokers: 5", ChangeKind.Brokers, "events", false, "at least 2/5 = 40% of the data moves onto the new brokers" },
        { "strimzi", "", "brokers: 3=>brokers: 5", ChangeKind.Brokers, "events", false, "Cruise Control's add-brokers auto-rebalance moves it once the new brokers are up; at the 50 MB/s reassignment throttle: " },
        // Without Cruise Control nothing moves data onto new brokers: the report must not promise a rebalance.
        { "strimzi", "namespace: kafka=>namespace: kafka\n      cruiseControl: false", "namespace: kafka=>namespace: kafka\n      cruiseControl: false;;brokers: 3=>brokers: 5", ChangeKind.Brokers, "events", false, "nothing moves it by itself: cluster.strimzi.cruiseControl is false, so the new brokers stay empty until a reassignment runs" },
        { "strimzi", "brokers: 3=>brokers: 6", "brokers: 3=>brokers: 4", ChangeKind.Brokers, "events", false, "the removed brokers' share 2/6 = 33% of the data must move off them first" },
        { "strimzi", "brokers: 3=>brokers: 6", "brokers: 3=>brokers: 4", ChangeKind.Brokers, "events", false, "Cruise Control's remove-brokers auto-rebalance drains them before Strimzi deletes them (safe but slow)" },
        { "msk", "", "brokers: 3=>brokers: 6", ChangeKind.Brokers, "events", false, "at least 3/6 = 50% of the data moves onto the new brokers" },
        { "msk", "", "brokers: 3=>brokers: 6", ChangeKind.Brokers, "events", false, "MSK does not move existing partitions onto new brokers: they stay empty until a reassignment runs (`kafka-infra rebalance` writes one)" },
        { "msk", Express, Express + ";;brokers: 3=>brokers: 6", ChangeKind.Brokers, "events", false, "MSK Express intelligent rebalancing moves it automatically (rebalancing ACTIVE)" },
        { "msk", "brokers: 3=>brokers: 6", "", ChangeKind.Brokers, "events", true, "MSK removes a broker only once no partition replica is left on it (and only one per Availability Zone per operation, on kafka.m5 and kafka.m7g brokers), so this is refused until the brokers are drained" },
        { "msk", "brokers: 3=>brokers: 6", "securityGroups: [sg-1]=>securityGroups: [sg-1]\\n      brokersDrained: true", ChangeKind.Brokers, "events", false, "acknowledged with cluster.msk.brokersDrained: true" },
        { "strimzi", "", "storageGiB: 100=>storageGiB: 200", ChangeKind.Storage, "events", false, "grows per-broker storage: each broker's persistent volume is expanded (the StorageClass must allow volume expansion), then Strimzi restarts the brokers one at a time; cluster capacity 300 → 600 GiB at 3 brokers" },
        { "msk", "", "storageGiB: 1000=>storageGiB: 1500", ChangeKind.Storage, "events", false, "MSK expands each broker's EBS volume in place; brokers stay online" },
        { "strimzi", "storageGiB: 100=>storageGiB: 200", "", ChangeKind.Storage, "events", true, "refused: broker storage can only grow" },
        { "msk", "", "kafka.m7g.large=>kafka.m7g.xlarge", ChangeKind.InstanceType, "events", false, "rolling restart, one broker at a time: MSK replaces each broker's instance while its partition leaders fail over" },
        { "strimzi", "", "namespace: kafka=>namespace: kafka\\n      brokerResources:\\n        requests: { cpu: \"2\", memory: 8Gi }", ChangeKind.InstanceType, "events", false, "rolling restart, one broker at a time: Strimzi recreates each broker pod" },
        { "strimzi", "kafkaVersion: \"4.3.1\"=>kafkaVersion: \"4.3.0\"", "", ChangeKind.KafkaVersion, "events", false, "rolling upgrade: Strimzi rolls the brokers one at a time" },

        // Platform and environment.
        { "strimzi", "", "kafka-infra:environment: dev=>kafka-infra:environment: prod;;storageGiB: 100=>storageGiB: 150", ChangeKind.Environment, "events", false, "prod turns the dev warnings into errors" },
        { "msk", Express, "", ChangeKind.Platform, "events", true, "a new cluster: MSK Express cannot become MSK Standard in place" },

        // Topics.
        { "strimzi", "", NewTopic, ChangeKind.TopicAdded, "payments", false, "creates the topic: 2 partitions × RF 3 = 6 replicas, min.insync.replicas 2, retention 24 h, about 49.4 GiB at full retention (16.5 GiB per broker)" },
        { "strimzi", NewTopic, "", ChangeKind.TopicRemoved, "payments", true, "deletes the topic and its data (about 49.4 GiB at full retention): deleting the KafkaTopic deletes the Kafka topic" },
        { "msk", "partitions: 6=>partitions: 6\\n    - name: legacy\\n      messagesPerSecond: 10\\n      messagesPerSecondPerConsumer: 10", "", ChangeKind.TopicRemoved, "legacy", true, "Pulumi.Kafka deletes the topic" },

        // Consumers.
        { "strimzi", "", NewConsumer, ChangeKind.ConsumerAdded, "apps/audit-reader", false, "KEDA scales Deployment apps/audit-reader between 1 and 1 replicas on the lag of group audit-reader on audit (target average lag 10 per replica)" },
        { "strimzi", NewConsumer, "", ChangeKind.ConsumerRemoved, "apps/audit-reader", false, "deletes the KEDA ScaledObject: Deployment apps/audit-reader stays at its current replica count" },
        { "strimzi", "", "maxReplicas: 4=>maxReplicas: 6", ChangeKind.ConsumerScaling, "apps/order-service", false, "KEDA now runs 1 to 6 replicas (was 1 to 4); each member that joins triggers a consumer-group rebalance" },
        { "strimzi", "", "maxReplicas: 4=>maxReplicas: 10", ChangeKind.ConsumerScaling, "apps/order-service", false, "maxReplicas 10 is capped at 6, the partitions of orders: 4 more replicas would idle" },
        { "strimzi", "", "lagThreshold: 100=>lagThreshold: 50", ChangeKind.ConsumerScaling, "apps/order-service", false, "lagThreshold 100 → 50 (target average lag per replica): KEDA scales out sooner" },

        // Connect.
        { "strimzi", "", "replicas: 1\\n      connectors:=>replicas: 3\\n      connectors:", ChangeKind.ConnectReplicas, "sinks", false, "Connect rebalances the group's tasks across 3 workers" },
        { "strimzi", "", "tasksMax: 2=>tasksMax: 4", ChangeKind.ConnectReplicas, "sinks/archive", false, "the connector restarts its tasks and spreads 4 tasks over the group's workers" },
        // MSK Connect: only capacity changes in place (aws_mskconnect_connector: connector_configuration is ForceNew).
        { "msk", MskSinks + "2", MskSinks + "3", ChangeKind.ConnectorReplaced, "sinks/archive", false, "MSK Connect cannot change a connector's configuration in place, so the connector is deleted and created again: it stops for the minutes MSK Connect takes to create one; its offsets stay in group connect-archive, so the new connector resumes where the old one stopped" },
        { "strimzi", "", "          tasksMax: 2=>          tasksMax: 2\\n        - name: audit-archive\\n          class: io.confluent.connect.s3.S3SinkConnector\\n          topics: [audit]", ChangeKind.ConnectorAdded, "sinks/audit-archive", false, "starts io.confluent.connect.s3.S3SinkConnector with up to 1 task: reads audit as consumer group connect-audit-archive" },
        { "strimzi", "          tasksMax: 2=>          tasksMax: 2\\n        - name: audit-archive\\n          class: io.confluent.connect.s3.S3SinkConnector\\n          topics: [audit]", "", ChangeKind.ConnectorRemoved, "sinks/audit-archive", false, "its offsets stay in group connect-audit-archive, so a connector re-created with the same name resumes where it stopped" },
        { "strimzi", "", "  kafka-infra:ksqldb:=>    - name: sources\\n      image: registry.example.com/kafka/connect-debezium:1\\n      connectors:\\n        - name: cdc\\n          class: io.debezium.connector.postgresql.PostgresConnector\\n          kind: source\\n          topics: [audit]\\n  kafka-infra:ksqldb:", ChangeKind.ConnectGroupAdded, "sources", false, "creates Kafka Connect group sources with 1 worker and internal topics sources-configs, sources-offsets, sources-status" },
        { "strimzi", "  kafka-infra:ksqldb:=>    - name: sources\\n      image: registry.example.com/kafka/connect-debezium:1\\n      connectors:\\n        - name: cdc\\n          class: io.debezium.connector.postgresql.PostgresConnector\\n          kind: source\\n          topics: [audit]\\n  kafka-infra:ksqldb:", "", ChangeKind.ConnectGroupRemoved, "sources", false, "deletes the workers and their 1 connector; the internal topics sources-configs, sources-offsets, sources-status and sink offsets stay on the cluster" },

        // ksqlDB.
        { "strimzi", "", "    - name: analytics\\n      replicas: 1=>    - name: analytics\\n      replicas: 2", ChangeKind.KsqlDbReplicas, "analytics", false, "the servers sharing service id analytics_ rebalance the persistent queries' tasks" },
        { "strimzi", "", Fraud, ChangeKind.KsqlDbGroupAdded, "fraud", false, "creates 2 ksqlDB servers with service id fraud_; internal topics _confluent-ksql-fraud_* with RF 3" },
        { "strimzi", Fraud, "", ChangeKind.KsqlDbGroupRemoved, "fraud", false, "command topic _confluent-ksql-fraud__command_topic" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_change_kind_is_reported_with_its_consequence_and_safety(string stack, string beforeEdits, string afterEdits, ChangeKind kind, string subject, bool isUnsafe, string consequence)
    {
        var baseYaml = Base(stack);
        var report = Report(Edit(baseYaml, beforeEdits), Edit(baseYaml, afterEdits));

        var change = Assert.Single(report.Changes, c => c.Kind == kind && c.Subject == subject);
        Assert.Equal(isUnsafe, change.Unsafe);
        Assert.Contains(consequence, change.Consequence, StringComparison.Ordinal);
        Assert.Equal(isUnsafe, change.Acknowledge is not null);
        Assert.Equal(report.Changes.Any(c => c.Unsafe), report.HasUnsafe);
    }

    [Fact]
    public void Identical_configs_have_no_changes()
    {
        var report = Report(Strimzi, Strimzi);
        Assert.Empty(report.Changes);
        Assert.False(report.HasUnsafe);
        Assert.Equal("no changes", report.Summary());
    }

    [Theory]
    [InlineData(3, 5, 0.4)]
    [InlineData(3, 6, 0.5)]
    [InlineData(1, 3, 2d / 3)]
    [InlineData(3, 4, 0.25)]
    [InlineData(6, 4, 1d / 3)]
    [InlineData(5, 3, 0.4)]
    [InlineData(6, 3, 0.5)]
    [InlineData(3, 3, 0)]
    [InlineData(0, 3, 0)]
    public void Moved_share_is_k_over_n_plus_k_on_scale_out_and_k_over_n_on_scale_in(int from, int to, double expected) =>
        Assert.Equal(expected, ImpactReport.MovedShare(from, to), 12);

    [Theory]
    [InlineData(180e9, 50, 1.0)]
    [InlineData(90e9, 50, 0.5)]
    [InlineData(360e9, 100, 1.0)]
    [InlineData(0, 50, 0)]
    public void Transfer_hours_are_bytes_over_throttle(double bytes, double mbps, double hours) =>
        Assert.Equal(hours, ImpactReport.TransferHours(bytes, mbps), 9);

    [Fact]
    public void Broker_scale_out_moves_the_stated_share_of_the_old_plan_storage_at_the_default_throttle()
    {
        var before = PlanOf(Strimzi);
        var report = Report(Strimzi, Edit(Strimzi, "brokers: 3=>brokers: 5"));
        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.Brokers);

        // The reassignment planner's moves on the old plan's partitions, which for scale-out are the 2/5 lower bound.
        var estimate = MovementEstimator.Estimate(before, 3, 5)!;
        Assert.InRange(estimate.Moves, (int)Math.Floor(estimate.Replicas * 0.4) - 5, (int)Math.Ceiling(estimate.Replicas * 0.4) + 5);
        var total = before.Cluster.StorageBytesPerBroker * 3;
        var moved = total * estimate.Moves / estimate.Replicas;
        var hours = moved / (Defaults.ReassignmentThrottleMBps * 1e6) / 3600;
        string GiB(double b) => (b / Units.GiB).ToString("N1", CultureInfo.InvariantCulture) + " GiB";
        Assert.Equal("3", change.Old);
        Assert.Equal("5", change.New);
        Assert.Contains("at least 2/5 = 40% of the data moves onto the new brokers", change.Consequence, StringComparison.Ordinal);
        Assert.Contains($"about {estimate.Moves.ToString("N0", CultureInfo.InvariantCulture)} partition replicas of {estimate.Replicas.ToString("N0", CultureInfo.InvariantCulture)}, as the reassignment planner moves them (lower bound {estimate.LowerBound.ToString("N0", CultureInfo.InvariantCulture)}), and {GiB(moved)} of {GiB(total)}", change.Consequence, StringComparison.Ordinal);
        var duration = hours < 1 ? $"{Math.Ceiling(hours * 60).ToString(CultureInfo.InvariantCulture)} min" : $"{hours.ToString("N1", CultureInfo.InvariantCulture)} h";
        Assert.Contains($"{GiB(moved)} ÷ 50 MB/s ≈ {duration}", change.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void Throttle_option_changes_the_estimate()
    {
        var slow = Report(Strimzi, Edit(Strimzi, "brokers: 3=>brokers: 5"), new ImpactOptions([], 5));
        Assert.Contains("at the 5 MB/s reassignment throttle", Assert.Single(slow.Changes, c => c.Kind == ChangeKind.Brokers).Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_deletion_is_safe_only_when_acknowledged_by_name()
    {
        var before = Edit(Strimzi, NewTopic);
        var other = Report(before, Strimzi, new ImpactOptions(["orders"]));
        Assert.True(Assert.Single(other.Changes, c => c.Kind == ChangeKind.TopicRemoved).Unsafe);

        var acknowledged = Report(before, Strimzi, new ImpactOptions(["payments"]));
        var change = Assert.Single(acknowledged.Changes, c => c.Kind == ChangeKind.TopicRemoved);
        Assert.False(change.Unsafe);
        Assert.Null(change.Acknowledge);
        Assert.StartsWith("acknowledged with --allow-topic-deletion payments: deletes the topic", change.Consequence, StringComparison.Ordinal);
        Assert.False(acknowledged.HasUnsafe);
    }

    [Fact]
    public void Partition_decrease_is_a_refusal_and_the_rest_of_the_report_still_compares()
    {
        var after = Edit(Strimzi, "partitions: 6=>partitions: 4;;storageGiB: 100=>storageGiB: 150");
        var plans = ImpactReport.Plan(Raw(Strimzi), Raw(after));
        Assert.True(plans.IsValid);
        Assert.Contains(plans.Refusals, r => r.Path == "kafka-infra:topics[0].partitions");
        var report = ImpactReport.From(plans);
        Assert.True(report.HasUnsafe);
        Assert.Empty(report.Refusals); // explained by the unsafe partitions change, not listed twice
        Assert.Contains(report.Changes, c => c.Kind == ChangeKind.Storage && !c.Unsafe);
        Assert.Equal("kafka-infra:topics[0].partitions", Assert.Single(report.Changes, c => c.Unsafe).ConfigPath);
    }

    [Fact]
    public void A_computed_partition_count_below_the_deployed_one_keeps_the_deployed_count()
    {
        // order-service asks for fewer consumers: the computed partitions drop, but the deployed 8 stay.
        var before = Edit(Strimzi, "      partitions: 6\\n=>\\n;;maxReplicas: 4=>maxReplicas: 8");
        var after = Edit(Strimzi, "      partitions: 6\\n=>\\n");
        var report = Report(before, after);
        Assert.DoesNotContain(report.Changes, c => c.Kind == ChangeKind.Partitions);
        Assert.Equal(8, report.NewPlan.Topic("orders").Partitions);
    }

    [Fact]
    public void Base_and_new_config_errors_are_reported_separately()
    {
        var broken = Edit(Strimzi, "brokers: 3=>brokers: -1");
        var baseInvalid = ImpactReport.Plan(Raw(broken), Raw(Strimzi));
        Assert.True(baseInvalid.BaseInvalid);
        Assert.False(baseInvalid.IsValid);
        Assert.Contains("base config invalid (origin/main)", ImpactReport.InvalidText(baseInvalid, "dev", "origin/main"), StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.brokers", ImpactReport.InvalidText(baseInvalid, "dev", "origin/main"), StringComparison.Ordinal);

        var newInvalid = ImpactReport.Plan(Raw(Strimzi), Raw(broken));
        Assert.True(newInvalid.NewInvalid);
        Assert.False(newInvalid.BaseInvalid);
        Assert.Contains("new config invalid", ImpactReport.InvalidMarkdown(newInvalid, "dev", "origin/main"), StringComparison.Ordinal);
        Assert.Contains("\"invalidSide\": \"new\"", ImpactReport.InvalidJson(newInvalid, "dev", "origin/main"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_stack_reports_every_resource_as_new()
    {
        var plans = ImpactReport.Plan(null, Raw(Strimzi));
        Assert.True(plans.IsNewStack);
        var report = ImpactReport.From(plans);
        Assert.True(report.IsNewStack);
        Assert.False(report.HasUnsafe);
        Assert.All(report.Changes, c => Assert.Null(c.Old));
        Assert.Equal(
            [ChangeKind.Platform, ChangeKind.TopicAdded, ChangeKind.TopicAdded, ChangeKind.ConsumerAdded, ChangeKind.ConnectGroupAdded, ChangeKind.ConnectorAdded, ChangeKind.KsqlDbGroupAdded],
            report.Changes.Select(c => c.Kind));
        Assert.Equal(report.Changes.Count, ImpactReport.NewStack(report.NewPlan).Changes.Count);
    }

    [Fact]
    public void A_platform_switch_is_unsafe_and_plans_the_new_side_from_scratch()
    {
        var msk = Edit(Msk, "kafka-infra:environment: prod=>kafka-infra:environment: dev;;partitions: 6=>partitions: 3");
        var plans = ImpactReport.Plan(Raw(Strimzi), Raw(msk));
        Assert.Empty(plans.Refusals); // 6 → 3 partitions on a brand-new cluster is not a decrease
        var report = ImpactReport.From(plans);
        var change = Assert.Single(report.Changes, c => c.Kind == ChangeKind.Platform);
        Assert.True(change.Unsafe);
        Assert.Contains("Strimzi cannot become MSK Standard in place", change.Consequence, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Changes, c => c.Kind is ChangeKind.Brokers or ChangeKind.Storage);
    }

    [Fact]
    public void Unsafe_changes_come_first_and_the_order_is_deterministic()
    {
        var before = Edit(Strimzi, NewTopic);
        var after = Edit(Strimzi, "brokers: 3=>brokers: 5;;partitions: 6=>partitions: 3;;maxReplicas: 4=>maxReplicas: 5");
        var first = Report(before, after);
        var second = Report(before, after);
        Assert.Equal(first.Changes, second.Changes);
        Assert.Equal(first.Markdown("dev", "main"), second.Markdown("dev", "main"));

        var ordered = first.Ordered;
        var lastUnsafe = ordered.ToList().FindLastIndex(c => c.Unsafe);
        var firstSafe = ordered.ToList().FindIndex(c => !c.Unsafe);
        Assert.Equal(2, first.UnsafeCount);
        Assert.True(lastUnsafe < firstSafe);
        Assert.Equal(ChangeKind.Brokers, first.Changes[0].Kind); // cluster changes first in the unordered list
    }

    [Fact]
    public void ToText_gives_log_lines_with_unsafe_changes_first_and_how_to_proceed()
    {
        var report = Report(Strimzi, Edit(Strimzi, "brokers: 3=>brokers: 5;;storageGiB: 100=>storageGiB: 50"));
        var lines = report.ToText();
        Assert.Equal("Scaling impact (2 changes, 1 unsafe)", lines[0]);
        Assert.StartsWith("  UNSAFE   storage events: 100 GiB → 50 GiB", lines[1], StringComparison.Ordinal);
        Assert.Equal("           to proceed: keep cluster.storageGiB at 100 or more", lines[3]);
        Assert.StartsWith("  change   brokers events: 3 → 5", lines[4], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
    }

    [Fact]
    public void FromDeployed_reports_partitions_topics_brokers_and_storage_against_the_deployed_numbers()
    {
        var plan = PlanOf(Strimzi);
        var deployed = new DeployedState(new Dictionary<string, int> { ["orders"] = 4, ["gone"] = 3 }, Brokers: 3, StorageGiB: 200);
        var report = ImpactReport.FromDeployed(deployed, plan);
        Assert.True(report.FromDeployedOnly);

        var partitions = Assert.Single(report.Changes, c => c.Kind == ChangeKind.Partitions);
        Assert.Equal(("orders", "4", "6", false), (partitions.Subject, partitions.Old, partitions.New, partitions.Unsafe));
        Assert.Contains("2 new partitions", partitions.Consequence, StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Changes, c => c.Kind == ChangeKind.TopicRemoved && c.Subject == "gone").Unsafe);
        Assert.Single(report.Changes, c => c.Kind == ChangeKind.TopicAdded && c.Subject == "audit");
        Assert.True(Assert.Single(report.Changes, c => c.Kind == ChangeKind.Storage).Unsafe);
        Assert.DoesNotContain(report.Changes, c => c.Kind == ChangeKind.Brokers);
        Assert.StartsWith("Scaling impact (against the deployed partitions, brokers and storage, 4 changes, 2 unsafe)", report.ToText()[0], StringComparison.Ordinal);

        var scaled = ImpactReport.FromDeployed(new DeployedState(plan.TopicPartitions(), 2, 100), plan);
        Assert.All(scaled.Changes, c => Assert.Equal(ChangeKind.Brokers, c.Kind));
        var brokers = Assert.Single(scaled.Changes, c => c.Subject == "events");
        Assert.Equal("RF 2 → RF 2", Assert.Single(scaled.Changes, c => c.Subject == "internal topics").Transition); // created at 2 brokers, stays
        Assert.Contains("at least 1/3 = 33% of the data moves onto the new brokers", brokers.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_every_change_with_its_fields()
    {
        var report = Report(Strimzi, Edit(Strimzi, "partitions: 6=>partitions: 4"));
        using var doc = System.Text.Json.JsonDocument.Parse(report.Json("dev", "HEAD"));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("unsafe").GetBoolean());
        Assert.Equal(1, root.GetProperty("unsafeCount").GetInt32());
        var change = root.GetProperty("changes")[0];
        Assert.Equal("Partitions", change.GetProperty("kind").GetString());
        Assert.Equal("orders", change.GetProperty("subject").GetString());
        Assert.Equal("6", change.GetProperty("old").GetString());
        Assert.Equal("4", change.GetProperty("new").GetString());
        Assert.True(change.GetProperty("unsafe").GetBoolean());
        Assert.StartsWith("refused: Kafka cannot remove partitions", change.GetProperty("consequence").GetString(), StringComparison.Ordinal);
    }
}
