using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;
using Pulumi;
using Pulumi.Testing;

namespace KafkaInfra.Tests;

/// <summary>The mappers against hand-made desired states: what they register, and how drift fails.</summary>
[Collection(PulumiStackCollection.Name)]
public class MappingTests
{
    private static readonly OutputRef ClusterArn = new("events-msk", CloudOutput.Arn);

    public MappingTests()
    {
        // No stack config (and so no kafka: secrets) unless a test sets it.
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", "{}");
    }

    [Fact]
    public async Task Records_map_to_typed_resources_with_references_resolved()
    {
        var harness = new StackHarness("prod", new Dictionary<string, string?>());
        var desired = new DesiredState([], Records());

        await Deployment.TestAsync(harness.Mocks.Object, Options(), () => { KafkaPlatform.Declare(desired, null); });

        var cluster = Assert.Single(harness.OfType("aws:msk/cluster:Cluster"));
        Assert.Equal("events-msk", cluster.Name);
        Assert.Equal(3d, Convert.ToDouble(cluster.Inputs["numberOfBrokerNodes"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.9.x", cluster.Inputs["kafkaVersion"]);
        Assert.Equal("arn:aws:kafka:eu-west-1:123456789012:configuration/events-config/1", StackHarness.At(cluster.Inputs, "configurationInfo.arn"));
        Assert.Equal(1d, Convert.ToDouble(StackHarness.At(cluster.Inputs, "configurationInfo.revision"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("events-broker-logs", StackHarness.At(cluster.Inputs, "loggingInfo.brokerLogs.cloudwatchLogs.logGroup"));
        Assert.Equal("prod", StackHarness.At(cluster.Inputs, "tags.environment"));
        Assert.Equal(3000d, Convert.ToDouble(StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new object[] { "subnet-a", "subnet-b", "subnet-c" }, ((IEnumerable<object>)StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.clientSubnets")!).ToArray());

        var target = Assert.Single(harness.OfType("aws:appautoscaling/target:Target"));
        Assert.Equal("arn:aws:kafka:eu-west-1:123456789012:cluster/events-msk/11111111-2222-3333-4444-555555555555-1", target.Inputs["resourceId"]);

        var policy = Assert.Single(harness.OfType("aws:iam/policy:Policy"));
        Assert.Equal(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kafka-cluster:*\"],\"Resource\":[\"arn:aws:kafka:eu-west-1:123456789012:cluster/events-msk/11111111-2222-3333-4444-555555555555-1\",\"arn:aws:kafka:eu-west-1:123456789012:topic/events-msk/11111111-2222-3333-4444-555555555555-1/orders\"]}]}",
            policy.Inputs["policy"]);

        var provider = Assert.Single(harness.OfType("pulumi:providers:kafka"));
        Assert.Equal("aws-iam", provider.Inputs["saslMechanism"]);
        Assert.Equal("eu-west-1", provider.Inputs["saslAwsRegion"]);
        // One reference to the comma-separated bootstrap string became the provider's list.
        Assert.Equal(
            new object[] { "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098", "b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098" },
            ProviderBootstrap(provider.Inputs["bootstrapServers"]));
        var topic = Assert.Single(harness.OfType("kafka:index/topic:Topic"));
        Assert.Equal("orders", topic.Inputs["name"]);
        Assert.Equal(12d, Convert.ToDouble(topic.Inputs["partitions"], System.Globalization.CultureInfo.InvariantCulture));
        var config = (IReadOnlyDictionary<string, object>)topic.Inputs["config"];
        Assert.Equal("604800000", config["retention.ms"]);
        Assert.Equal("2", config["min.insync.replicas"]);
        Assert.Contains("events-kafka", topic.Provider ?? "", StringComparison.Ordinal);

        Assert.Single(harness.OfType("kafka-infra:msk:KafkaCluster"));
        Assert.Single(harness.OfType("kafka-infra:topics:Topics"));
    }

    [Fact]
    public async Task Custom_resources_carry_spec_and_metadata_and_wait_for_the_previous_stage()
    {
        var harness = new StackHarness("dev", new Dictionary<string, string?>());
        var ns = new KubernetesObject("v1", "Namespace", "kafka", null, [new("app.kubernetes.io/part-of", "kafka-infra")], [], new Tree(), "namespaces", ObjectStage.Namespaces);
        var topic = new KubernetesObject(
            "kafka.strimzi.io/v1", "KafkaTopic", "orders", "kafka",
            [new("strimzi.io/cluster", "events")], [new("pulumi.com/waitFor", "condition=Ready")],
            new Tree { ["spec"] = new Tree { ["partitions"] = 6, ["replicas"] = 3, ["config"] = new Tree { ["retention.ms"] = "86400000" } } },
            "topics", ObjectStage.TopicsAndUsers);

        await Deployment.TestAsync(harness.Mocks.Object, Options(), () => { KafkaPlatform.Declare(new DesiredState([ns, topic], []), null); });

        var declared = Assert.Single(harness.OfType("kubernetes:kafka.strimzi.io/v1:KafkaTopic"));
        Assert.Equal("topics-kafka/orders", declared.Name);
        Assert.Equal(6d, Convert.ToDouble(StackHarness.At(declared.Inputs, "spec.partitions"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("86400000", ((IReadOnlyDictionary<string, object>)StackHarness.At(declared.Inputs, "spec.config")!)["retention.ms"]);
        Assert.Equal("events", ((IReadOnlyDictionary<string, object>)StackHarness.At(declared.Inputs, "metadata.labels")!)["strimzi.io/cluster"]);
        Assert.Equal("condition=Ready", ((IReadOnlyDictionary<string, object>)StackHarness.At(declared.Inputs, "metadata.annotations")!)["pulumi.com/waitFor"]);
        Assert.Single(harness.OfType("kubernetes:core/v1:Namespace"));
    }

    [Fact]
    public async Task Workloads_on_msk_get_the_cluster_bootstrap_string_wherever_core_refers_to_it()
    {
        var harness = new StackHarness("prod", new Dictionary<string, string?>());
        var bootstrap = new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam);
        var model = new DeploymentModel(
            2,
            [new("app", "ksqldb")],
            [new("app", "ksqldb")],
            [new ContainerModel("ksqldb", "confluentinc/ksqldb-server:0.29.0", [new EnvVarModel("KSQL_BOOTSTRAP_SERVERS", Text.Of(bootstrap)), new EnvVarModel("KSQL_PASSWORD", SecretName: "ksqldb", SecretKey: "password")], [new PortModel("http", 8088)], new ProbeModel(8088, "/healthcheck", 30, 10), new ProbeModel(8088, null, 60, 20), null)],
            []);
        KubernetesObject[] objects =
        [
            new("v1", "ConfigMap", "client", "apps", [], [], new Tree { ["data"] = new Tree { ["bootstrap"] = bootstrap, ["username"] = "svc" } }, "keda/order-service", ObjectStage.Autoscaling),
            new("apps/v1", "Deployment", "ksqldb-analytics", "apps", [], [], model.ToBody(), "ksqldb/analytics", ObjectStage.KsqlDb, Model: model),
            new("keda.sh/v1alpha1", "ScaledObject", "order-service", "apps", [], [], new Tree { ["spec"] = new Tree { ["triggers"] = Tree.List(new Tree { ["type"] = "kafka", ["metadata"] = new Tree { ["bootstrapServers"] = bootstrap, ["topic"] = "orders" } }) } }, "keda/order-service", ObjectStage.Autoscaling),
        ];

        await Deployment.TestAsync(harness.Mocks.Object, Options(), () => { KafkaPlatform.Declare(new DesiredState(objects, Records()), null); });

        const string Expected = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098";
        var deployment = Assert.Single(harness.OfType("kubernetes:apps/v1:Deployment"));
        Assert.Equal(Expected, StackHarness.At(deployment.Inputs, "spec.template.spec.containers.0.env.0.value"));
        Assert.Equal("password", StackHarness.At(deployment.Inputs, "spec.template.spec.containers.0.env.1.valueFrom.secretKeyRef.key"));
        Assert.Equal("/healthcheck", StackHarness.At(deployment.Inputs, "spec.template.spec.containers.0.readinessProbe.httpGet.path"));
        Assert.NotNull(StackHarness.At(deployment.Inputs, "spec.template.spec.containers.0.livenessProbe.tcpSocket"));
        Assert.Equal(Expected, StackHarness.At(Assert.Single(harness.OfType("kubernetes:core/v1:ConfigMap")).Inputs, "data.bootstrap"));
        Assert.Equal(Expected, StackHarness.At(Assert.Single(harness.OfType("kubernetes:keda.sh/v1alpha1:ScaledObject")).Inputs, "spec.triggers.0.metadata.bootstrapServers"));
    }

    [Fact]
    public async Task Only_autoscaled_workloads_ignore_replicas()
    {
        // MockResourceArgs carries no options, so the options the program registers with are checked where they are made.
        var harness = new StackHarness("dev", new Dictionary<string, string?>());
        var deployment = new KubernetesObject("apps/v1", "Deployment", "order-service", "apps", [], [], new Tree(), "keda/order-service", ObjectStage.Autoscaling, ReplicasOwnedByAutoscaler: true);
        var topic = new KubernetesObject("kafka.strimzi.io/v1", "KafkaTopic", "orders", "kafka", [], [], new Tree(), "topics", ObjectStage.TopicsAndUsers);
        CustomResourceOptions? scaled = null;
        CustomResourceOptions? plain = null;

        await Deployment.TestAsync(harness.Mocks.Object, Options(), () =>
        {
            var previous = new Pulumi.Kafka.Provider("stage-marker", new Pulumi.Kafka.ProviderArgs { BootstrapServers = { "b-1:9098" } });
            scaled = KubernetesMapper.Options(deployment, null, [previous]);
            plain = KubernetesMapper.Options(topic, null, [previous]);
        });

        Assert.Equal(["spec.replicas"], scaled!.IgnoreChanges);
        Assert.Empty(plain!.IgnoreChanges);
    }

    [Fact]
    public async Task Broken_references_and_missing_secrets_fail_before_anything_is_registered()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", "{}"); // no kafka:saslPassword
        var harness = new StackHarness("prod", new Dictionary<string, string?>());
        var records = Records().ToList();
        var provider = records.FindIndex(r => r.Name == "events-kafka");
        records[provider] = records[provider] with { Spec = ((KafkaProviderSpec)records[provider].Spec) with { SaslMechanism = KafkaSaslMechanism.ScramSha512, SaslAwsRegion = null, SaslUsername = "kafka-infra-admin" } };
        records.Add(new CloudResource("events-storage-2", new ScalingTargetSpec(
            "kafka", "kafka:broker-storage:VolumeSize", Text.Of(new OutputRef("events-msk", CloudOutput.LatestRevision)), 1, 10, StringMap.Empty), CloudResourceOptions.None, "msk"));
        records.Add(new CloudResource("events-storage-3", new ScalingTargetSpec(
            "kafka", "kafka:broker-storage:VolumeSize", Text.Of(new OutputRef("events-nothing", CloudOutput.Arn)), 1, 10, StringMap.Empty), CloudResourceOptions.None, "msk"));

        var error = await Record.ExceptionAsync(() => Deployment.TestAsync(harness.Mocks.Object, Options(), () => { KafkaPlatform.Declare(new DesiredState([], records), null); }));

        Assert.NotNull(error);
        var text = StackHarness.ErrorText(error);
        Assert.Contains("resource events-storage-2 (aws:appautoscaling/target:Target): refers to ${events-msk.latestRevision}, but a aws:msk/cluster:Cluster provides no output \"latestRevision\"", text, StringComparison.Ordinal);
        Assert.Contains("resource events-storage-3 (aws:appautoscaling/target:Target): refers to ${events-nothing.arn}, but \"events-nothing\" is not a cloud resource declared before it", text, StringComparison.Ordinal);
        Assert.Contains("resource events-kafka (pulumi:providers:kafka): SCRAM authentication needs the secret stack config kafka:saslPassword (pulumi config set --secret kafka:saslPassword ...)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task Every_spec_type_is_mapped_and_every_output_core_says_it_provides_is_read()
    {
        // The prod stack (provisioned MSK with everything) and the same stack on MSK Serverless together declare every
        // spec type; Core's table of outputs (CloudSpecs.Outputs) and the program's typed reads (CloudRegistry.Output)
        // must agree for each.
        var mapped = new HashSet<Type>();
        var read = new List<string>();
        // The SCRAM example adds the secrets and ACLs, the IAM example the pod identity associations.
        foreach (var raw in new[]
        {
            StackHarness.StackFileRaw("prod"), StackHarness.AsServerless(StackHarness.StackFileRaw("prod")),
            StackHarness.FileRaw("examples/msk/standard-scram/Pulumi.msk-scram.yaml"), StackHarness.FileRaw("examples/msk/standard-iam/Pulumi.msk-iam.yaml"),
        })
        {
            var desired = DesiredStateBuilder.Build(KafkaInfra.Core.Planning.CapacityPlanner.Plan(raw).GetOrThrow());
            var harness = new StackHarness("prod", raw, secretConfig: StackHarness.ScramSecrets(desired));
            await harness.RunAsync(); // sets the stack's config (secrets included) for the declarations below
            await Deployment.TestAsync(harness.Mocks.Object, Options(), () =>
            {
                var registry = KafkaPlatform.Declare(desired, null);
                foreach (var resource in desired.Cloud)
                {
                    mapped.Add(resource.Spec.GetType());
                    foreach (var output in CloudSpecs.Outputs(resource.Spec))
                    {
                        _ = registry.Output(new OutputRef(resource.Name, output));
                        read.Add($"{resource.Type}.{output}");
                    }
                }
            });
        }

        Assert.Equal(CloudSpecs.All.OrderBy(t => t.Name), mapped.OrderBy(t => t.Name));
        Assert.Contains("aws:msk/cluster:Cluster.BootstrapBrokersTls", read);
        Assert.Contains("aws:msk/serverlessCluster:ServerlessCluster.BootstrapBrokersSaslIam", read);
        Assert.Contains("aws:mskconnect/workerConfiguration:WorkerConfiguration.LatestRevision", read);
    }

    /// <summary>The provider's bootstrapServers input is JSON-encoded on the wire (json: true) or a list, depending on the SDK; both read as a list.</summary>
    private static object[] ProviderBootstrap(object value) => value switch
    {
        string json => System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!.Cast<object>().ToArray(),
        IEnumerable<object> list => list.ToArray(),
        _ => throw new InvalidOperationException($"unexpected {value.GetType().Name}"),
    };

    private static TestOptions Options() => new() { IsPreview = false, ProjectName = StackHarness.Project, StackName = "test" };

    /// <summary>An MSK configuration and cluster with storage autoscaling, an IAM policy on it, the Kafka provider and one topic.</summary>
    private static CloudResource[] Records() =>
    [
        new("events-config", new MskConfigurationSpec("events-config", "broker settings", "auto.create.topics.enable=false\n"), CloudResourceOptions.None, "msk"),
        new("events-msk", new MskClusterSpec(
            "events",
            "3.9.x",
            3,
            new BrokerNodeGroupInfo("kafka.m7g.large", ["subnet-a", "subnet-b", "subnet-c"], ["sg-1"], new StorageInfo(new EbsStorageInfo(3000, null))),
            ArnAndRevision.Of("events-config"),
            new EncryptionInfo("arn:aws:kms:eu-west-1:123456789012:key/k", new EncryptionInTransit("TLS", InCluster: true)),
            new ClusterClientAuthentication(new ClusterSasl(Iam: true), null, Unauthenticated: false),
            new OpenMonitoring(new Prometheus(new Exporter(true), new Exporter(true))),
            new LoggingInfo(new BrokerLogs(new CloudwatchLogs(true, "events-broker-logs"))),
            null,
            StringMap.Of(("environment", "prod"))), new CloudResourceOptions(Protect: true, IgnoreChanges: ["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"]), "msk"),
        new("events-storage", new ScalingTargetSpec("kafka", "kafka:broker-storage:VolumeSize", Text.Of(ClusterArn), 1, 8000, StringMap.Empty), CloudResourceOptions.None, "msk"),
        new("events-client", new IamPolicySpec(
            "client",
            new PolicyDocument(PolicyDocument.CurrentVersion, [new PolicyStatement(null, "Allow", null, ["kafka-cluster:*"], [Text.Of(ClusterArn), new Text.Ref(ClusterArn, new MskArnOf(MskArnResource.Topic, "orders"))])]),
            StringMap.Empty), CloudResourceOptions.None, "msk"),
        new("events-kafka", new KafkaProviderSpec(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), TlsEnabled: true, "3.9.0", KafkaSaslMechanism.AwsIam, "eu-west-1"), CloudResourceOptions.None, "topics"),
        new("orders", new KafkaTopicSpec("orders", 12, 3, StringMap.Of(("retention.ms", "604800000"), ("min.insync.replicas", "2"))), new CloudResourceOptions(Protect: true, DependsOn: ["events-msk"], Provider: "events-kafka"), "topics"),
    ];
}
