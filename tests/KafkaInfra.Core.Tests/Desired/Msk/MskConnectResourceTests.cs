using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskConnectResourceTests
{
    private const string Topic = "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";
    private const string Group = "arn:aws:kafka:eu-west-1:123456789012:group/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";

    private static IReadOnlyList<CloudResource> Build() => MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup);

    [Fact]
    public void Connect_group_gets_a_plugin_worker_configuration_role_policy_and_one_connector_each()
    {
        var resources = Build().Where(r => r.Component == "connect/sinks").ToList();
        Assert.Equal(
            [
                ("events-connect-sinks-policy", typeof(IamPolicySpec)),
                ("events-connect-sinks-role", typeof(IamRoleSpec)),
                ("events-connect-sinks-attachment", typeof(RolePolicyAttachmentSpec)),
                ("events-connect-sinks-plugin", typeof(CustomPluginSpec)),
                ("events-connect-sinks-worker", typeof(WorkerConfigurationSpec)),
                ("events-connector-archive", typeof(ConnectorSpec)),
                ("events-connector-payments-in", typeof(ConnectorSpec)),
            ],
            resources.Select(r => (r.Name, r.Spec.GetType())));

        var plugin = resources.Spec<CustomPluginSpec>("events-connect-sinks-plugin");
        Assert.Equal("ZIP", plugin.ContentType);
        Assert.Equal(new S3Object("arn:aws:s3:::plugins", "s3-sink.zip"), plugin.Location.S3);

        Assert.Equal(
            "key.converter=org.apache.kafka.connect.storage.StringConverter\nvalue.converter=org.apache.kafka.connect.json.JsonConverter\nvalue.converter.schemas.enable=false\noffset.storage.topic=sinks-offsets\n",
            resources.Spec<WorkerConfigurationSpec>("events-connect-sinks-worker").PropertiesFileContent);

        var statement = Assert.Single(resources.Spec<IamRoleSpec>("events-connect-sinks-role").AssumeRolePolicy.Statement);
        Assert.Equal("kafkaconnect.amazonaws.com", statement.Principal?.Service);
        Assert.Equal(["sts:AssumeRole"], statement.Action);
    }

    [Fact]
    public void Sink_connector_reads_its_topics_over_iam_and_tls_and_autoscales_between_replicas_and_maxReplicas()
    {
        var plan = MskStacks.Plan(MskStacks.Prod + MskStacks.ConnectGroup).GetOrThrow();
        var connector = MskCloudResources.Build(plan).Named("events-connector-archive");
        var p = Assert.IsType<ConnectorSpec>(connector.Spec);

        Assert.Equal("archive", p.Name);
        Assert.Equal("3.7.x", p.KafkaconnectVersion);
        var autoscaling = Assert.IsType<ConnectorAutoscaling>(p.Capacity.Autoscaling);
        Assert.Equal(plan.Connect[0].MaxReplicas, autoscaling.MaxWorkerCount);
        Assert.Equal(new ConnectorAutoscaling(1, 2, 6, new CpuPolicy(20), new CpuPolicy(80)), autoscaling);
        Assert.Null(p.Capacity.ProvisionedCapacity);

        Assert.Equal(
            [new("connector.class", "io.confluent.connect.s3.S3SinkConnector"), new("tasks.max", "10"), new("topics", "orders"), new("s3.bucket.name", "archive")],
            p.ConnectorConfiguration);

        var cluster = p.KafkaCluster.ApacheKafkaCluster;
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), cluster.BootstrapServers);
        Assert.Equal(["sg-1"], cluster.Vpc.SecurityGroups);
        Assert.Equal(["subnet-a", "subnet-b", "subnet-c"], cluster.Vpc.Subnets);
        Assert.Equal("IAM", p.KafkaClusterClientAuthentication.AuthenticationType);
        Assert.Equal("TLS", p.KafkaClusterEncryptionInTransit.EncryptionType);
        var plugin = Assert.Single(p.Plugins);
        Assert.Equal(new OutputRef("events-connect-sinks-plugin", CloudOutput.Arn), plugin.CustomPlugin.Arn);
        Assert.Equal(new OutputRef("events-connect-sinks-plugin", CloudOutput.LatestRevision), plugin.CustomPlugin.Revision);
        Assert.Equal(ArnAndRevision.Of("events-connect-sinks-worker"), p.WorkerConfiguration);
        Assert.Equal(new OutputRef("events-connect-sinks-worker", CloudOutput.LatestRevision), p.WorkerConfiguration.Revision);
        Assert.Equal(Text.Of(new OutputRef("events-connect-sinks-role", CloudOutput.Arn)), p.ServiceExecutionRoleArn);
        Assert.Equal(new[] { "events-connect-sinks-attachment", "events-topic-orders" }, connector.Options.DependsOn);
    }

    [Fact]
    public void Source_connector_gets_no_topics_setting()
    {
        var config = Build().Spec<ConnectorSpec>("events-connector-payments-in").ConnectorConfiguration;
        Assert.Null(config["topics"]);
        Assert.Equal("io.debezium.connector.postgresql.PostgresConnector", config["connector.class"]);
    }

    [Fact]
    public void Without_maxReplicas_the_connector_runs_a_fixed_worker_count()
    {
        var connector = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup.Replace("      maxReplicas: 6\n", "", StringComparison.Ordinal)).Named("events-connector-archive");
        var capacity = Assert.IsType<ConnectorSpec>(connector.Spec).Capacity;
        Assert.Null(capacity.Autoscaling);
        Assert.Equal(new ProvisionedCapacity(McuCount: 1, WorkerCount: 2), capacity.ProvisionedCapacity);
    }

    [Fact]
    public void Connect_policy_reads_sink_topics_writes_source_topics_and_owns_only_its_internal_topics_and_groups()
    {
        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently" }, new[] { MskStacks.ClusterArn }),
                ("SinkTopics", new[] { "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData" }, new[] { Topic + "orders" }),
                ("SourceTopics", new[] { "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData" }, new[] { Topic + "payments" }),
                ("InternalTopics", new[] { "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData" }, new[] { Topic + "sinks-offsets", Topic + "__amazon_msk_connect_*" }),
                ("Groups", new[] { "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup" }, new[] { Group + "connect-archive", Group + "__amazon_msk_connect_*" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(Build().Named("events-connect-sinks-policy"))));
    }

    [Fact]
    public void A_sink_only_group_does_not_get_idempotent_write_on_the_cluster()
    {
        // WriteDataIdempotently is for idempotent producers (platform-facts.md 8.4); a group of sink connectors only reads data topics.
        var sinkOnly = MskStacks.ConnectGroup[..MskStacks.ConnectGroup.IndexOf("        - name: payments-in", StringComparison.Ordinal)];
        var policy = MskStacks.Build(MskStacks.Prod + sinkOnly).Named("events-connect-sinks-policy");
        var cluster = Assert.Single(MskStacks.Statements(policy), s => s.Sid == "Cluster");
        Assert.Equal(["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], cluster.Actions);
    }

    [Fact]
    public void A_given_role_becomes_the_service_execution_role()
    {
        const string arn = "arn:aws:iam::123456789012:role/msk-connect-sinks";
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup.Replace("      replicas: 2\n", $"      replicas: 2\n      awsRoleArn: {arn}\n", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Name == "events-connect-sinks-role");
        Assert.Equal(Text.FromString(arn), resources.Spec<ConnectorSpec>("events-connector-archive").ServiceExecutionRoleArn);
        Assert.Equal(Text.FromString("msk-connect-sinks"), resources.Spec<RolePolicyAttachmentSpec>("events-connect-sinks-attachment").Role);
    }

    [Fact]
    public void Msk_connect_defaults_are_pinned()
    {
        Assert.Equal("ZIP", Defaults.MskConnectPluginContentType);
        Assert.Equal("3.7.x", Defaults.MskConnectVersion);
        Assert.Equal(1, Defaults.MskConnectMcuCount);
        Assert.Equal(20, Defaults.MskConnectScaleInCpuPercent);
        Assert.Equal(80, Defaults.MskConnectScaleOutCpuPercent);
        Assert.Equal("org.apache.kafka.connect.storage.StringConverter", Defaults.MskConnectKeyConverter);
        Assert.Equal("org.apache.kafka.connect.json.JsonConverter", Defaults.MskConnectValueConverter);
    }
}
