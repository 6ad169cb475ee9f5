using System.Collections.Immutable;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;
using Pulumi;
using Pulumi.Testing;

namespace KafkaInfra.Tests;

[Collection(PulumiStackCollection.Name)]
public class StackTests
{
    private const string KafkaTopicType = "kubernetes:kafka.strimzi.io/v1:KafkaTopic";
    private const string ScaledObjectType = "kubernetes:keda.sh/v1alpha1:ScaledObject";

    [Fact]
    public async Task Dev_declares_the_strimzi_objects_with_the_planned_partitions()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var harness = new StackHarness("dev", raw);

        await harness.RunAsync();

        Assert.Single(harness.OfType("kubernetes:kafka.strimzi.io/v1:Kafka"));
        Assert.Single(harness.OfType("kafka-infra:strimzi:KafkaCluster"));
        var topics = harness.OfType(KafkaTopicType);
        foreach (var topic in plan.Topics)
        {
            var declared = Assert.Single(topics, t => TopicName(t) == topic.Name);
            Assert.Equal(topic.Partitions, Convert.ToInt32(StackHarness.At(declared.Inputs, "spec.partitions"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(topic.ReplicationFactor, Convert.ToInt32(StackHarness.At(declared.Inputs, "spec.replicas"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task First_deployment_reads_its_own_stack_and_finds_nothing_deployed()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var harness = new StackHarness("dev", raw);

        var (_, outputs) = await harness.RunAsync();

        var self = Assert.Single(harness.OfType("pulumi:pulumi:StackReference"));
        Assert.Equal("organization/kafka-infra/dev", self.Inputs["name"]);
        var exported = Assert.IsType<Dictionary<string, object>>(outputs[StackOutputs.TopicPartitions]);
        Assert.Equal(CapacityPlanner.Plan(raw).GetOrThrow().TopicPartitions().Count, exported.Count);
    }

    [Fact]
    public async Task Outputs_record_the_plan_inputs_the_next_preview_reports_against()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var harness = new StackHarness("dev", raw);

        var (_, outputs) = await harness.RunAsync();

        var recorded = StackOutputs.ReadPlanInputs(outputs[StackOutputs.PlanInputs]);
        Assert.NotNull(recorded);
        Assert.Equal(raw["kafka-infra:topics"], recorded!["kafka-infra:topics"]);
    }

    [Fact]
    public async Task Prod_declares_an_msk_cluster_with_tls_only_iam_and_storage_autoscaling()
    {
        var raw = StackHarness.StackFileRaw("prod");
        var harness = new StackHarness("prod", raw);

        await harness.RunAsync();

        var cluster = Assert.Single(harness.OfType("aws:msk/cluster:Cluster"));
        Assert.Equal("TLS", StackHarness.At(cluster.Inputs, "encryptionInfo.encryptionInTransit.clientBroker"));
        Assert.Equal(true, StackHarness.At(cluster.Inputs, "encryptionInfo.encryptionInTransit.inCluster"));
        Assert.Equal(true, StackHarness.At(cluster.Inputs, "clientAuthentication.sasl.iam"));
        Assert.NotEqual(true, StackHarness.At(cluster.Inputs, "clientAuthentication.sasl.scram"));
        Assert.NotEqual(true, StackHarness.At(cluster.Inputs, "clientAuthentication.unauthenticated"));

        var target = Assert.Single(harness.OfType("aws:appautoscaling/target:Target"));
        Assert.Equal("kafka", target.Inputs["serviceNamespace"]);
        Assert.Equal("kafka:broker-storage:VolumeSize", target.Inputs["scalableDimension"]);
        Assert.Equal(8000d, Convert.ToDouble(target.Inputs["maxCapacity"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("arn:aws:kafka:eu-west-1:123456789012:cluster/", (string)target.Inputs["resourceId"], StringComparison.Ordinal); // the cluster's ARN output, resolved
        var policy = Assert.Single(harness.OfType("aws:appautoscaling/policy:Policy"));
        Assert.Equal("KafkaBrokerStorageUtilization", StackHarness.At(policy.Inputs, "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Equal(60d, Convert.ToDouble(StackHarness.At(policy.Inputs, "targetTrackingScalingPolicyConfiguration.targetValue"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Prod_msk_cluster_ignores_volume_size_changes_and_topics_are_protected()
    {
        // MockResourceArgs carries no resource options, so options are checked where they are made: Core's desired
        // state says what they are, and CloudMapper.Options (the program's only options mapping) must carry them
        // into the CustomResourceOptions the resources are registered with.
        var raw = StackHarness.StackFileRaw("prod");
        var desired = DesiredStateBuilder.Build(CapacityPlanner.Plan(raw).GetOrThrow());
        var harness = new StackHarness("prod", raw);
        var mapped = new List<(CloudResource Resource, CustomResourceOptions Options)>();
        ProviderResource? provider = null;

        await Deployment.TestAsync(harness.Mocks.Object, new TestOptions { IsPreview = false, ProjectName = StackHarness.Project, StackName = "prod" }, () =>
        {
            var kafka = new Pulumi.Kafka.Provider("options-check", new Pulumi.Kafka.ProviderArgs { BootstrapServers = { "b-1:9098" } });
            provider = kafka;
            foreach (var resource in desired.Cloud)
            {
                mapped.Add((resource, KafkaInfra.CloudMapper.Options(resource, null, _ => kafka, _ => kafka)));
            }
        });

        var (cluster, clusterOptions) = Assert.Single(mapped, m => m.Resource.Type == "aws:msk/cluster:Cluster");
        Assert.Equal(["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"], cluster.Options.IgnoreChanges ?? []);
        Assert.Equal(["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"], clusterOptions.IgnoreChanges);
        Assert.True(clusterOptions.Protect);
        Assert.All(mapped.Where(m => m.Resource.Type != "aws:msk/cluster:Cluster"), m => Assert.Empty(m.Options.IgnoreChanges));
        var topics = mapped.Where(m => m.Resource.Type == "kafka:index/topic:Topic").ToArray();
        Assert.NotEmpty(topics);
        Assert.All(topics, t =>
        {
            Assert.True(t.Resource.Options.Protect);
            Assert.True(t.Options.Protect);
            Assert.Same(provider, t.Options.Provider);
        });
    }

    [Fact]
    public async Task Keda_max_replicas_never_exceed_the_topic_partitions()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var harness = new StackHarness("dev", raw);

        var (_, outputs) = await harness.RunAsync();

        var partitions = Assert.IsType<Dictionary<string, object>>(outputs[StackOutputs.TopicPartitions]);
        var scaling = Assert.IsType<Dictionary<string, object>>(outputs[StackOutputs.ConsumerScaling]);
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        Assert.Equal(plan.Consumers.Count, scaling.Count);
        foreach (var consumer in plan.Consumers)
        {
            var range = Assert.IsType<Dictionary<string, object>>(scaling[consumer.Name]);
            Assert.True((int)range["max"] <= (int)partitions[consumer.Topic], $"{consumer.Name}: max {range["max"]} > partitions {partitions[consumer.Topic]}");
        }

        var scaledObjects = harness.OfType(ScaledObjectType);
        Assert.NotEmpty(scaledObjects);
        foreach (var scaled in scaledObjects)
        {
            var max = Convert.ToInt32(StackHarness.At(scaled.Inputs, "spec.maxReplicaCount"), System.Globalization.CultureInfo.InvariantCulture);
            if (StackHarness.At(scaled.Inputs, "spec.triggers.0.metadata.topic") is string topic && partitions.TryGetValue(topic, out var p))
            {
                Assert.True(max <= (int)p, $"{scaled.Name}: maxReplicaCount {max} > {p} partitions of {topic}");
            }
        }
    }

    [Fact]
    public async Task Invalid_config_fails_with_every_key_path_before_any_resource_is_registered()
    {
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:topics"] = raw["kafka-infra:topics"]!.Replace("\"messagesPerSecond\":20000", "\"messagesPerSecond\":-5", StringComparison.Ordinal);
        raw["kafka-infra:cluster"] = raw["kafka-infra:cluster"]!.Replace("\"brokers\":3", "\"brokers\":0", StringComparison.Ordinal);
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.True(error is RunException or AggregateException, error?.ToString());
        var text = StackHarness.ErrorText(error!);
        Assert.Contains("kafka-infra:topics[0].messagesPerSecond", text, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.brokers", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at KafkaInfra.", text, StringComparison.Ordinal); // a RunException: no stack trace
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task An_explicit_partition_decrease_fails_at_preview_with_the_planners_message()
    {
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:topics"] = raw["kafka-infra:topics"]!.Replace("\"name\":\"orders\",", "\"name\":\"orders\",\"partitions\":6,", StringComparison.Ordinal);
        var previous = StackHarness.Previous(new Dictionary<string, int> { ["orders"] = 10, ["vehicle.telemetry"] = 4 }, brokers: 3, storageGiB: 300);
        var harness = new StackHarness("dev", raw, previous);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.NotNull(error);
        var text = StackHarness.ErrorText(error);
        Assert.Contains("kafka-infra:topics[1].partitions", text, StringComparison.Ordinal);
        Assert.Contains("would decrease \"orders\" from 10 (deployed) to 6", text, StringComparison.Ordinal);
        // Only the read of the previous outputs happened: no topic, cluster or component was registered.
        Assert.All(harness.Created, c => Assert.Contains(c.Type, new[] { "pulumi:pulumi:Stack", "pulumi:pulumi:StackReference" }));
        Assert.Empty(harness.OfType(KafkaTopicType));
    }

    [Fact]
    public async Task A_secret_previous_output_is_read_like_any_other()
    {
        // The engine lists secret outputs in secretOutputNames; the SDK's GetValueAsync throws for those, so a
        // previous deployment that exported a secret output must still plan against what it recorded.
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:topics"] = raw["kafka-infra:topics"]!.Replace("\"name\":\"orders\",", "\"name\":\"orders\",\"partitions\":6,", StringComparison.Ordinal);
        var previous = StackHarness.Previous(new Dictionary<string, int> { ["orders"] = 10 }, brokers: 3, storageGiB: 300);
        var harness = new StackHarness("dev", raw, previous, previousSecretOutputNames: [StackOutputs.TopicPartitions]);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        // The secret previous count was read: the explicit decrease from 10 is refused with the planner's message.
        Assert.NotNull(error);
        Assert.Contains("would decrease \"orders\" from 10 (deployed) to 6", StackHarness.ErrorText(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_computed_decrease_keeps_the_deployed_partition_count()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var computed = CapacityPlanner.Plan(raw).GetOrThrow().Topic("vehicle.telemetry").Partitions;
        var previous = StackHarness.Previous(new Dictionary<string, int> { ["vehicle.telemetry"] = computed + 8 }, brokers: 3, storageGiB: 300);
        var harness = new StackHarness("dev", raw, previous);

        var (_, outputs) = await harness.RunAsync();

        var declared = Assert.Single(harness.OfType(KafkaTopicType), t => TopicName(t) == "vehicle.telemetry");
        Assert.Equal(computed + 8, Convert.ToInt32(StackHarness.At(declared.Inputs, "spec.partitions"), System.Globalization.CultureInfo.InvariantCulture));
        var exported = Assert.IsType<Dictionary<string, object>>(outputs[StackOutputs.TopicPartitions]);
        Assert.Equal(computed + 8, exported["vehicle.telemetry"]);
    }

    [Fact]
    public async Task Every_component_has_a_kafka_infra_type_and_every_object_is_declared()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var desired = DesiredStateBuilder.Build(CapacityPlanner.Plan(raw).GetOrThrow());
        var harness = new StackHarness("dev", raw);

        await harness.RunAsync();

        var expected = PulumiLayout.Components(desired).Select(PulumiLayout.ComponentType).Order(StringComparer.Ordinal);
        Assert.Equal(expected, harness.Created.Where(c => c.Type!.StartsWith("kafka-infra:", StringComparison.Ordinal)).Select(c => c.Type!).Order(StringComparer.Ordinal));
        foreach (var obj in desired.Kubernetes)
        {
            Assert.Contains(harness.Created, c => c.Name == PulumiLayout.ChildName(obj));
        }
    }

    /// <summary>A KafkaTopic's Kafka name: spec.topicName when set, else metadata.name.</summary>
    private static string? TopicName(MockResourceArgs topic) =>
        StackHarness.At(topic.Inputs, "spec.topicName") as string ?? StackHarness.At(topic.Inputs, "metadata.name") as string;
}
