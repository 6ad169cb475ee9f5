using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>
/// The rest of issue 13's AWS rules on the desired state: storage throughput per size, Kafka versions MSK offers,
/// Serverless min ISR, tags, EKS Pod Identity, and MSK Connect's extra statements, worker properties and logs.
/// </summary>
public class MskAwsRulesTests
{
    private static string WithMsk(string line) =>
        MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n" + line + "\n", StringComparison.Ordinal);

    private static string[] Errors(string yaml) => MskStacks.Lines(MskStacks.Plan(yaml).Errors);

    private static string[] Warnings(string yaml) => MskStacks.Lines(MskStacks.Plan(yaml).Warnings);

    [Theory]
    [InlineData("kafka.m7g.large", 300, "kafka-infra:cluster.msk.provisionedThroughputMiBps: cannot be set on kafka.m7g.large: MSK provisions storage throughput only from kafka.m5.4xlarge or kafka.m7g.2xlarge up (MSK developer guide, \"Manage storage throughput for Standard brokers\"); got 300. Remove it or choose a larger instanceType")]
    [InlineData("kafka.m7g.2xlarge", 313, "kafka-infra:cluster.msk.provisionedThroughputMiBps: must be at most 312.5 MiB/s on kafka.m7g.2xlarge (AWS's maximum for that size); got 313")]
    [InlineData("kafka.m5.4xlarge", 600, "kafka-infra:cluster.msk.provisionedThroughputMiBps: must be at most 593 MiB/s on kafka.m5.4xlarge (AWS's maximum for that size); got 600")]
    public void Provisioned_storage_throughput_is_refused_below_the_sizes_that_allow_it_and_above_their_maximum(string type, int mibps, string expected) =>
        // AWS's table: kafka.m5.4xlarge 593, m5.8xlarge 850, m7g.2xlarge 312.5, m7g.4xlarge 625, larger 1000 MiB/s.
        Assert.Contains(expected, Errors(WithMsk($"      provisionedThroughputMiBps: {mibps}").Replace("kafka.m7g.large", type, StringComparison.Ordinal)));

    [Fact]
    public void Provisioned_storage_throughput_within_the_maximum_is_rendered()
    {
        var resources = MskStacks.Build(WithMsk("      provisionedThroughputMiBps: 312").Replace("kafka.m7g.large", "kafka.m7g.2xlarge", StringComparison.Ordinal));

        Assert.Equal(new ProvisionedThroughput(true, 312), resources.Spec<MskClusterSpec>("events-msk").BrokerNodeGroupInfo.StorageInfo!.EbsStorageInfo.ProvisionedThroughput);
    }

    [Fact]
    public void Msk_stacks_name_a_kafka_version_msk_offers()
    {
        // AWS MSK developer guide, "Supported Apache Kafka versions".
        Assert.Contains("kafka-infra:cluster.kafkaVersion: is required; expected an MSK Kafka version (3.6.0, 3.7.x, 3.7.x.kraft, 3.8.x, 3.8.x.kraft, 3.9.x, 3.9.x.kraft, 4.0.x.kraft, 4.1.x.kraft)",
            string.Join('\n', Errors(MskStacks.Prod.Replace("    kafkaVersion: 3.9.x\n", "", StringComparison.Ordinal))), StringComparison.Ordinal);
        var wrong = Assert.Single(Errors(MskStacks.Prod.Replace("kafkaVersion: 3.9.x", "kafkaVersion: 4.0.x", StringComparison.Ordinal)));
        Assert.StartsWith("kafka-infra:cluster.kafkaVersion: must be a Kafka version MSK offers (3.6.0, 3.7.x, 3.7.x.kraft, 3.8.x, 3.8.x.kraft, 3.9.x, 3.9.x.kraft, 4.0.x.kraft, 4.1.x.kraft)", wrong, StringComparison.Ordinal);
        Assert.EndsWith("got \"4.0.x\"", wrong, StringComparison.Ordinal);
        Assert.Empty(Errors(MskStacks.Prod.Replace("kafkaVersion: 3.9.x", "kafkaVersion: 4.1.x.kraft", StringComparison.Ordinal)));
    }

    [Fact]
    public void Serverless_says_it_drops_min_insync_replicas()
    {
        var serverless = MskStacks.Prod
            .Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n", StringComparison.Ordinal)
            .Replace("      messagesPerSecondPerConsumer: 300\n", "", StringComparison.Ordinal)
            .Replace("    - name: payments\n      messagesPerSecond: 300\n", "    - name: payments\n      messagesPerSecond: 300\n      minInsyncReplicas: 1\n", StringComparison.Ordinal)
            + "  kafka-infra:topicDefaults:\n    minInsyncReplicas: 1\n";

        var warnings = Warnings(serverless);

        Assert.Contains("kafka-infra:topics[1].minInsyncReplicas: is ignored on MSK Serverless (a topic there cannot set min.insync.replicas; AWS manages it); got 1", warnings);
        Assert.Contains("kafka-infra:topicDefaults.minInsyncReplicas: is ignored on MSK Serverless (a topic there cannot set min.insync.replicas; AWS manages it); got 1", warnings);
    }

    [Fact]
    public void Tags_go_on_every_aws_resource_that_takes_tags_after_kafka_infras_own()
    {
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup + "  kafka-infra:tags:\n    team: payments\n    cost-center: 4711\n");

        var tagged = resources.Select(r => r.Spec switch
        {
            KmsKeySpec s => s.Tags,
            LogGroupSpec s => s.Tags,
            MskClusterSpec s => s.Tags,
            ScalingTargetSpec s => s.Tags,
            IamPolicySpec s => s.Tags,
            IamRoleSpec s => s.Tags,
            ConnectorSpec s => s.Tags,
            _ => null,
        }).OfType<StringMap>().ToArray();
        Assert.True(tagged.Length >= 8);
        Assert.All(tagged, t => Assert.Equal(["kafka-infra", "cluster", "environment", "cost-center", "team"], t.Select(kv => kv.Key)));
        Assert.All(tagged, t => Assert.Equal("4711", t.Single(kv => kv.Key == "cost-center").Value));
    }

    [Theory]
    [InlineData("    environment: x\n", "kafka-infra:tags.environment: is set by kafka-infra on every resource (kafka-infra, cluster, environment); choose another key")]
    [InlineData("    aws:owner: x\n", "kafka-infra:tags.aws:owner: is not a valid tag key: the aws: prefix is reserved for AWS")]
    [InlineData("    team: [a]\n", "kafka-infra:tags.team: must be a string, got a list")]
    public void Bad_tags_are_refused_with_the_key(string tag, string expected) =>
        Assert.Contains(expected, Errors(MskStacks.Prod + "  kafka-infra:tags:\n" + tag));

    [Fact]
    public void With_the_eks_cluster_named_every_created_role_gets_its_pod_identity_association()
    {
        var yaml = WithMsk("      eksClusterName: apps-eu").Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n      serviceAccount: order-sa\n", StringComparison.Ordinal);

        var resources = MskStacks.Build(yaml);

        var consumer = resources.Spec<PodIdentityAssociationSpec>("events-consumer-apps.order-service-pod-identity");
        Assert.Equal(("apps-eu", "apps", "order-sa"), (consumer.ClusterName, consumer.Namespace, consumer.ServiceAccount));
        Assert.Equal("${events-consumer-apps.order-service-role.arn}", consumer.RoleArn.ToString());
        var keda = resources.Spec<PodIdentityAssociationSpec>("events-keda-pod-identity");
        Assert.Equal(("keda", "keda-operator"), (keda.Namespace, keda.ServiceAccount));

        // ksqlDB runs as its own ServiceAccount ksqldb-<name> in the workload namespace: the association names it.
        var withKsql = KafkaInfra.Core.Desired.Build.DesiredStateBuilder.Build(MskStacks.Plan(yaml + MskStacks.KsqlGroup).GetOrThrow());
        var ksqlAccount = withKsql.Kubernetes.Single(o => o.Kind == "ServiceAccount" && o.Name.StartsWith("ksqldb-", StringComparison.Ordinal));
        var ksql = Assert.Single(withKsql.Cloud.Select(r => r.Spec).OfType<PodIdentityAssociationSpec>(), a => a.ServiceAccount.StartsWith("ksqldb-", StringComparison.Ordinal));
        Assert.Equal((ksqlAccount.Namespace, ksqlAccount.Name), (ksql.Namespace, ksql.ServiceAccount));
        Assert.Empty(MskStacks.Build(MskStacks.Prod).OfSpec<PodIdentityAssociationSpec>());
        Assert.Contains("kafka-infra:cluster.msk.eksClusterName: must be an EKS cluster name (1-100 letters, digits, '-' or '_', starting with a letter or digit), got \"-bad\"", Errors(WithMsk("      eksClusterName: \"-bad\"")));
    }

    [Fact]
    public void Connect_roles_carry_the_groups_extra_statements_and_an_aws_calling_connector_without_them_is_flagged()
    {
        var withStatements = MskStacks.ConnectGroup.Replace("      plugin:\n", "      policyStatements:\n        - sid: Archive\n          actions: [s3:PutObject]\n          resources: [\"arn:aws:s3:::archive/*\"]\n      plugin:\n", StringComparison.Ordinal);

        var statements = MskStacks.Flat(MskStacks.Statements(MskStacks.Build(MskStacks.Prod + withStatements).Named("events-connect-sinks-policy")));

        Assert.Equal("Archive: s3:PutObject on arn:aws:s3:::archive/*", statements[^1]);
        Assert.Contains("kafka-infra:connect[0].policyStatements: is empty, and connector \"archive\" (io.confluent.connect.s3.S3SinkConnector) calls AWS with the group's execution role, which kafka-infra grants only Kafka access: add the statements it needs (e.g. s3:PutObject on the bucket for an S3 sink) or set kafka-infra:connect[0].awsRoleArn",
            Warnings(MskStacks.Prod + MskStacks.ConnectGroup));
        Assert.DoesNotContain(Warnings(MskStacks.Prod + withStatements), w => w.Contains("policyStatements", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:connect[0].policyStatements[0].actions: must list IAM actions such as s3:PutObject, got \"PutObject\"",
            Errors(MskStacks.Prod + withStatements.Replace("[s3:PutObject]", "[PutObject]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Json_workers_read_plain_json_unless_configured_and_connector_logs_go_to_cloudwatch()
    {
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup);

        Assert.Contains("value.converter.schemas.enable=false\n", resources.Spec<WorkerConfigurationSpec>("events-connect-sinks-worker").PropertiesFileContent, StringComparison.Ordinal);
        var connector = resources.Spec<ConnectorSpec>("events-connector-archive");
        Assert.True(connector.LogDelivery!.WorkerLogDelivery.CloudwatchLogs.Enabled);
        Assert.Equal("${events-connect-logs.name}", connector.LogDelivery.WorkerLogDelivery.CloudwatchLogs.LogGroup.ToString());
        Assert.Equal("/aws/mskconnect/events", resources.Spec<LogGroupSpec>("events-connect-logs").Name);

        var configured = MskStacks.ConnectGroup.Replace("      maxReplicas: 6\n", "      maxReplicas: 6\n      workerConfig:\n        value.converter.schemas.enable: \"true\"\n", StringComparison.Ordinal);
        var properties = MskStacks.Build(MskStacks.Prod + configured).Spec<WorkerConfigurationSpec>("events-connect-sinks-worker").PropertiesFileContent;
        Assert.Contains("value.converter.schemas.enable=true\n", properties, StringComparison.Ordinal);
        Assert.DoesNotContain("schemas.enable=false", properties, StringComparison.Ordinal);
    }
}
