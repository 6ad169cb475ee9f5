using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
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
                ("events-connect-sinks-policy", MskTypes.IamPolicy),
                ("events-connect-sinks-role", MskTypes.IamRole),
                ("events-connect-sinks-attachment", MskTypes.RolePolicyAttachment),
                ("events-connect-sinks-plugin", MskTypes.CustomPlugin),
                ("events-connect-sinks-worker", MskTypes.WorkerConfiguration),
                ("events-connector-archive", MskTypes.Connector),
                ("events-connector-payments-in", MskTypes.Connector),
            ],
            resources.Select(r => (r.Name, r.Type)));

        var plugin = resources.Named("events-connect-sinks-plugin").Properties;
        Assert.Equal("ZIP", plugin["contentType"]);
        Assert.Equal("arn:aws:s3:::plugins", plugin.At("location.s3.bucketArn"));
        Assert.Equal("s3-sink.zip", plugin.At("location.s3.fileKey"));

        Assert.Equal(
            "key.converter=org.apache.kafka.connect.storage.StringConverter\nvalue.converter=org.apache.kafka.connect.json.JsonConverter\noffset.storage.topic=sinks-offsets\n",
            resources.Named("events-connect-sinks-worker").Properties["propertiesFileContent"]);

        var trust = resources.Named("events-connect-sinks-role").Properties.Child("assumeRolePolicy");
        var statement = Assert.IsType<Tree>(Assert.Single((IReadOnlyList<object>)trust["Statement"]!));
        Assert.Equal("kafkaconnect.amazonaws.com", statement.At("Principal.Service"));
        Assert.Equal(new object[] { "sts:AssumeRole" }, statement["Action"]);
    }

    [Fact]
    public void Sink_connector_reads_its_topics_over_iam_and_tls_and_autoscales_between_replicas_and_maxReplicas()
    {
        var plan = MskStacks.Plan(MskStacks.Prod + MskStacks.ConnectGroup).GetOrThrow();
        var connector = MskCloudResources.Build(plan).Named("events-connector-archive");
        var p = connector.Properties;

        Assert.Equal("archive", p["name"]);
        Assert.Equal("3.7.x", p["kafkaconnectVersion"]);
        Assert.Equal(plan.Connect[0].MaxReplicas, p.At("capacity.autoscaling.maxWorkerCount"));
        Assert.Equal(6, p.At("capacity.autoscaling.maxWorkerCount"));
        Assert.Equal(2, p.At("capacity.autoscaling.minWorkerCount"));
        Assert.Equal(1, p.At("capacity.autoscaling.mcuCount"));
        Assert.Equal(20, p.At("capacity.autoscaling.scaleInPolicy.cpuUtilizationPercentage"));
        Assert.Equal(80, p.At("capacity.autoscaling.scaleOutPolicy.cpuUtilizationPercentage"));
        Assert.Null(p.At("capacity.provisionedCapacity"));

        var config = p.Child("connectorConfiguration");
        Assert.Equal(
            [new("connector.class", "io.confluent.connect.s3.S3SinkConnector"), new("tasks.max", "10"), new("topics", "orders"), new("s3.bucket.name", "archive")],
            config.Select(kv => new KeyValuePair<string, string>(kv.Key, (string)kv.Value)));

        Assert.Equal(new ResourceRef("events-msk", "bootstrapBrokersSaslIam"), p.At("kafkaCluster.apacheKafkaCluster.bootstrapServers"));
        Assert.Equal(new object[] { "sg-1" }, p.At("kafkaCluster.apacheKafkaCluster.vpc.securityGroups"));
        Assert.Equal(new object[] { "subnet-a", "subnet-b", "subnet-c" }, p.At("kafkaCluster.apacheKafkaCluster.vpc.subnets"));
        Assert.Equal("IAM", p.At("kafkaClusterClientAuthentication.authenticationType"));
        Assert.Equal("TLS", p.At("kafkaClusterEncryptionInTransit.encryptionType"));
        var plugin = Assert.IsType<Tree>(Assert.Single((IReadOnlyList<object>)p["plugins"]!));
        Assert.Equal(new ResourceRef("events-connect-sinks-plugin", "arn"), plugin.At("customPlugin.arn"));
        Assert.Equal(new ResourceRef("events-connect-sinks-plugin", "latestRevision"), plugin.At("customPlugin.revision"));
        Assert.Equal(new ResourceRef("events-connect-sinks-worker", "arn"), p.At("workerConfiguration.arn"));
        Assert.Equal(new ResourceRef("events-connect-sinks-worker", "latestRevision"), p.At("workerConfiguration.revision"));
        Assert.Equal(new ResourceRef("events-connect-sinks-role", "arn"), p["serviceExecutionRoleArn"]);
        Assert.Equal(new[] { "events-connect-sinks-attachment", "events-topic-orders" }, connector.Options.DependsOn);
    }

    [Fact]
    public void Source_connector_gets_no_topics_setting()
    {
        var config = Build().Named("events-connector-payments-in").Properties.Child("connectorConfiguration");
        Assert.False(config.ContainsKey("topics"));
        Assert.Equal("io.debezium.connector.postgresql.PostgresConnector", config["connector.class"]);
    }

    [Fact]
    public void Without_maxReplicas_the_connector_runs_a_fixed_worker_count()
    {
        var connector = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup.Replace("      maxReplicas: 6\n", "", StringComparison.Ordinal)).Named("events-connector-archive");
        Assert.Null(connector.Properties.At("capacity.autoscaling"));
        Assert.Equal(2, connector.Properties.At("capacity.provisionedCapacity.workerCount"));
        Assert.Equal(1, connector.Properties.At("capacity.provisionedCapacity.mcuCount"));
    }

    [Fact]
    public void Connect_policy_reads_sink_topics_writes_source_topics_and_owns_only_its_internal_topics_and_groups()
    {
        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster" }, new[] { MskStacks.ClusterArn }),
                ("SinkTopics", new[] { "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData" }, new[] { Topic + "orders" }),
                ("SourceTopics", new[] { "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData" }, new[] { Topic + "payments" }),
                ("InternalTopics", new[] { "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData" }, new[] { Topic + "sinks-offsets", Topic + "__amazon_msk_connect_*" }),
                ("Groups", new[] { "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup" }, new[] { Group + "connect-archive", Group + "__amazon_msk_connect_*" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(Build().Named("events-connect-sinks-policy"))));
    }

    [Fact]
    public void A_given_role_becomes_the_service_execution_role()
    {
        const string arn = "arn:aws:iam::123456789012:role/msk-connect-sinks";
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup.Replace("      replicas: 2\n", $"      replicas: 2\n      awsRoleArn: {arn}\n", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Name == "events-connect-sinks-role");
        Assert.Equal(arn, resources.Named("events-connector-archive").Properties["serviceExecutionRoleArn"]);
        Assert.Equal("msk-connect-sinks", resources.Named("events-connect-sinks-attachment").Properties["role"]);
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
