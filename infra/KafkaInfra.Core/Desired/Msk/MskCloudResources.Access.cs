using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>Least-privilege IAM for consumers, ksqlDB and Connect, and MSK Connect itself.</summary>
public static partial class MskCloudResources
{
    /// <summary>IAM actions of a consumer group member on its topic and group.</summary>
    public static IReadOnlyList<string> ConsumerTopicActions { get; } = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"];

    /// <summary>IAM actions on a consumer group.</summary>
    public static IReadOnlyList<string> GroupActions { get; } = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"];

    /// <summary>IAM actions on the cluster every client needs.</summary>
    public static IReadOnlyList<string> ClusterActions { get; } = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"];

    /// <summary>
    /// The IAM action an idempotent producer needs on the cluster ARN (Kafka Streams / ksqlDB producers and Connect
    /// source tasks are idempotent by default): platform-facts.md 8.4, from the MSK developer guide's IAM access
    /// control actions table (WriteDataIdempotently).
    /// </summary>
    public const string WriteDataIdempotently = "kafka-cluster:WriteDataIdempotently";

    private sealed partial class Builder
    {
        private Text TopicArn(string topic) => new Text.Ref(ClusterArnRef, new MskArnOf(MskArnResource.Topic, topic));

        private Text GroupArn(string group) => new Text.Ref(ClusterArnRef, new MskArnOf(MskArnResource.Group, group));

        private static PolicyStatement Statement(string sid, IEnumerable<string> actions, IEnumerable<Text> resources) =>
            new(sid, "Allow", null, [.. actions], [.. resources]);

        private static PolicyDocument Document(params PolicyStatement?[] statements) =>
            new(PolicyDocument.CurrentVersion, [.. statements.OfType<PolicyStatement>()]);

        private static PolicyDocument TrustPolicy(string service, params string[] actions) =>
            Document(new PolicyStatement(null, "Allow", new PolicyPrincipal(service), actions, null));

        /// <summary>
        /// The policy, the role when none is given, and the attachment. Returns the role ARN (a literal when given,
        /// else the created role's output) and the attachment's resource name.
        /// </summary>
        private (Text RoleArn, string Attachment) AddAccess(string baseName, string component, string who, PolicyDocument document, string? roleArn, PolicyDocument trust, (string Namespace, string ServiceAccount)? podIdentity = null)
        {
            var policyName = baseName + "-policy";
            Add(policyName, new IamPolicySpec($"Least-privilege access of {who} to MSK cluster {_c} (kafka-infra)", document, Tags()), component);

            Text arn;
            Text roleName;
            if (roleArn is not null)
            {
                arn = roleArn;
                roleName = RoleName(roleArn);
            }
            else
            {
                var roleResource = baseName + "-role";
                // An explicit name of at most 64 characters: Pulumi's auto-name would append 7 characters and
                // IAM refuses names over 64 (platform-facts.md 8.4).
                Add(roleResource, new IamRoleSpec(KafkaResources.IamRole(roleResource), $"Role of {who} on MSK cluster {_c} (kafka-infra)", trust, Tags()), component);
                arn = Text.Of(new OutputRef(roleResource, CloudOutput.Arn));
                roleName = Text.Of(new OutputRef(roleResource, CloudOutput.Name));
                if (podIdentity is { } sa && msk.EksClusterName is { } eks)
                {
                    // Makes the created role usable by the workload's pods without a manual step (EKS Pod Identity).
                    Add(baseName + "-pod-identity", new PodIdentityAssociationSpec(eks, sa.Namespace, sa.ServiceAccount, arn, Tags()), component);
                }
            }

            var attachment = baseName + "-attachment";
            Add(attachment, new RolePolicyAttachmentSpec(roleName, Text.Of(new OutputRef(policyName, CloudOutput.Arn))), component);
            return (arn, attachment);
        }

        /// <summary>True when a client with this <c>authentication</c> choice logs in with IAM (and so gets an IAM policy).</summary>
        private bool UsesIam(MskAuthentication? choice) => Auth.MechanismOf(choice) == MskAuthentication.Iam;

        private void AddConsumerAccess()
        {
            foreach (var c in plan.Consumers.Where(c => UsesIam(c.Config.Authentication)))
            {
                var cfg = c.Config;
                var document = Document(
                    Statement("Cluster", ClusterActions, [ClusterArn]),
                    Statement("ReadTopic", ConsumerTopicActions, cfg.Topics.Select(TopicArn)),
                    Statement("ConsumerGroup", GroupActions, [GroupArn(cfg.ConsumerGroup)]));
                AddAccess($"{_c}-consumer-{cfg.Namespace}.{cfg.Name}", "keda/" + cfg.Name, $"consumer {cfg.Namespace}/{cfg.Name}", document, cfg.AwsRoleArn,
                    TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"), (cfg.Namespace, cfg.ServiceAccount ?? cfg.Name));
            }
        }

        /// <summary>
        /// What the KEDA operator needs to read consumer lag over MSK IAM (its TriggerAuthentications use KEDA's own
        /// pod identity): describe the cluster, the consumers' topics and groups — nothing to read data or commit offsets.
        /// Attached to <c>cluster.msk.kedaRoleArn</c>, or to a role created for EKS Pod Identity.
        /// </summary>
        private void AddKedaAccess()
        {
            // KEDA reads the lag of a SCRAM consumer with that consumer's own credentials: only IAM consumers need KEDA's role.
            var consumers = plan.Consumers.Where(c => UsesIam(c.Config.Authentication)).ToList();
            if (consumers.Count == 0)
            {
                return;
            }

            var topics = consumers.SelectMany(c => c.Config.Topics).Distinct(StringComparer.Ordinal).Select(TopicArn);
            var groups = consumers.Select(c => c.Config.ConsumerGroup).Distinct(StringComparer.Ordinal).Select(GroupArn);
            var document = Document(
                Statement("Cluster", ClusterActions, [ClusterArn]),
                Statement("DescribeTopics", ["kafka-cluster:DescribeTopic"], topics),
                Statement("DescribeGroups", ["kafka-cluster:DescribeGroup"], groups));
            AddAccess($"{_c}-keda", "msk", "the KEDA operator (lag of every consumer group)", document, msk.KedaRoleArn,
                TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"), (Defaults.KedaNamespace, Defaults.KedaOperatorServiceAccount));
        }

        private void AddKsqlDbAccess()
        {
            foreach (var g in plan.KsqlDb.Where(g => UsesIam(g.Config.Authentication)))
            {
                var prefix = g.InternalTopicPrefix + "*";
                var document = Document(
                    Statement("Cluster", [.. ClusterActions, "kafka-cluster:DescribeClusterDynamicConfiguration", WriteDataIdempotently], [ClusterArn]),
                    g.Config.Topics.Count == 0
                        ? null
                        : Statement("Topics", ["kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], g.Config.Topics.Distinct(StringComparer.Ordinal).Select(TopicArn)),
                    Statement("InternalTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], [TopicArn(prefix)]),
                    Statement("Groups", [.. GroupActions, "kafka-cluster:DeleteGroup"], [GroupArn(prefix)]),
                    Statement("CommandTopicTransactions", ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"], [new Text.Ref(ClusterArnRef, new MskArnOf(MskArnResource.TransactionalId, g.ServiceId))]));
                // The ksqlDB Deployment runs as its own ServiceAccount ksqldb-<name> in the workload namespace (KsqlDbRenderer).
                AddAccess($"{_c}-ksqldb-{g.Name}", "ksqldb/" + g.Name, $"ksqlDB group {g.Name}", document, g.Config.AwsRoleArn,
                    TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"), (Defaults.MskWorkloadNamespace, KafkaResources.KsqlDbWorkload(g.Name)));
            }
        }

        private string ConnectLogGroupName => _c + "-connect-logs";

        private void AddConnect()
        {
            if (plan.Connect.Count > 0)
            {
                // Connector worker logs go to CloudWatch (MSK Connect logDelivery.workerLogDelivery.cloudwatchLogs).
                Add(ConnectLogGroupName, new LogGroupSpec($"/aws/mskconnect/{_c}", msk.LogRetentionDays, Tags()), "msk");
            }

            foreach (var g in plan.Connect)
            {
                var component = "connect/" + g.Name;
                var baseName = $"{_c}-connect-{g.Name}";
                var plugin = g.Config.Plugin ?? throw new InvalidOperationException($"{g.Config.Path}.plugin is required on msk: stacks (the planner reports this)");
                var internalPrefix = MskConnectInternalPrefix + "*";

                var sinkTopics = g.Connectors.Where(c => c.Config.Kind == ConnectorKind.Sink).SelectMany(c => c.Config.Topics).Distinct(StringComparer.Ordinal).ToList();
                var sourceTopics = g.Connectors.Where(c => c.Config.Kind == ConnectorKind.Source).SelectMany(c => c.Config.Topics).Distinct(StringComparer.Ordinal).ToList();
                var sinkGroups = g.Connectors.Where(c => c.Config.Kind == ConnectorKind.Sink).Select(c => c.ConsumerGroup).ToList();
                var document = Document(
                    // Source tasks produce with Kafka's idempotent producer (the default since Kafka 3.0), which needs
                    // WriteDataIdempotently on the cluster; sink-only groups never produce to a data topic.
                    Statement("Cluster", sourceTopics.Count == 0 ? ClusterActions : [.. ClusterActions, WriteDataIdempotently], [ClusterArn]),
                    sinkTopics.Count == 0 ? null : Statement("SinkTopics", ConsumerTopicActions, sinkTopics.Select(TopicArn)),
                    sourceTopics.Count == 0 ? null : Statement("SourceTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"], sourceTopics.Select(TopicArn)),
                    Statement("InternalTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], [TopicArn(g.OffsetStorageTopic), TopicArn(internalPrefix)]),
                    Statement("Groups", GroupActions, [.. sinkGroups.Select(GroupArn), GroupArn(internalPrefix)]));
                // connect[].policyStatements: what the connectors themselves call in AWS (S3 for an S3 sink:
                // MSK Connect calls AWS with the service execution role; platform-facts.md 8.4).
                document = document with
                {
                    Statement = [.. document.Statement, .. (g.Config.PolicyStatements ?? []).Select(x => new PolicyStatement(x.Sid, "Allow", null, [.. x.Actions], [.. x.Resources.Select(r => (Text)r)]))],
                };
                var (roleArn, attachment) = AddAccess(baseName, component, $"Connect group {g.Name}", document, g.Config.AwsRoleArn, TrustPolicy(MskConnectPrincipal, "sts:AssumeRole"));

                var pluginName = baseName + "-plugin";
                Add(pluginName, new CustomPluginSpec(
                    $"{_c}-{g.Name}",
                    $"Connector plugins of Connect group {g.Name} on MSK cluster {_c} (kafka-infra)",
                    plugin.ContentType,
                    new PluginLocation(new S3Object(plugin.S3BucketArn, plugin.S3FileKey))), component);

                var workerName = baseName + "-worker";
                Add(workerName, new WorkerConfigurationSpec(
                    $"{_c}-{g.Name}",
                    $"Worker settings of Connect group {g.Name} on MSK cluster {_c} (kafka-infra)",
                    WorkerProperties(g)), component);

                foreach (var connector in g.Connectors)
                {
                    var dependsOn = new List<string> { attachment };
                    dependsOn.AddRange(connector.Config.Topics.Distinct(StringComparer.Ordinal).Select(t => TopicResourceName(_c, t)));
                    Add($"{_c}-connector-{connector.Name}", new ConnectorSpec(
                        connector.Name,
                        $"{connector.Config.Kind.ToString().ToLowerInvariant()} connector {connector.Name} of Connect group {g.Name} (kafka-infra)",
                        Defaults.MskConnectVersion,
                        Capacity(g),
                        ConnectorConfiguration(connector),
                        new ConnectorKafkaCluster(new ApacheKafkaCluster(
                            Text.Of(new OutputRef(ClusterName, CloudOutput.BootstrapBrokersSaslIam)),
                            new ConnectorVpc([.. msk.SecurityGroups], [.. msk.ClientSubnets]))),
                        new ConnectorClientAuthentication("IAM"),
                        new ConnectorEncryptionInTransit("TLS"),
                        [new ConnectorPlugin(ArnAndRevision.Of(pluginName))],
                        ArnAndRevision.Of(workerName),
                        roleArn,
                        Tags(),
                        new ConnectorLogDelivery(new WorkerLogDelivery(new CloudwatchLogs(Enabled: true, Text.Of(new OutputRef(ConnectLogGroupName, CloudOutput.Name)))))), component, new CloudResourceOptions(DependsOn: dependsOn));
                }
            }
        }

        /// <summary>Auto scaling between replicas and the effective maxReplicas when there is room to scale, else a fixed worker count.</summary>
        private static ConnectorCapacity Capacity(ConnectGroupPlan g) => g.MaxReplicas is { } max && max > g.Replicas
            ? new ConnectorCapacity(
                new ConnectorAutoscaling(
                    Defaults.MskConnectMcuCount,
                    g.Replicas,
                    max,
                    new CpuPolicy(Defaults.MskConnectScaleInCpuPercent),
                    new CpuPolicy(Defaults.MskConnectScaleOutCpuPercent)),
                null)
            : new ConnectorCapacity(null, new ProvisionedCapacity(Defaults.MskConnectMcuCount, g.Replicas));

        private static StringMap ConnectorConfiguration(ConnectorPlan connector)
        {
            var config = new List<KeyValuePair<string, string>>
            {
                new("connector.class", connector.Config.Class),
                new("tasks.max", connector.TasksMax.ToString(CultureInfo.InvariantCulture)),
            };
            if (connector.Config.Kind == ConnectorKind.Sink)
            {
                config.Add(new("topics", string.Join(',', connector.Config.Topics)));
            }

            foreach (var (k, v) in connector.Config.Config)
            {
                // A key given again replaces the value in place (as the tree did), so the order stays stable.
                var i = config.FindIndex(e => e.Key == k);
                if (i >= 0)
                {
                    config[i] = new(k, v);
                }
                else
                {
                    config.Add(new(k, v));
                }
            }

            return new StringMap(config);
        }

        /// <summary>
        /// The worker properties: String keys and JSON values without the schema envelope
        /// (<c>value.converter.schemas.enable=false</c>: JsonConverter's default true expects every message wrapped in
        /// <c>{"schema", "payload"}</c> and fails on plain JSON; Kafka's JsonConverterConfig), the offsets topic, then
        /// <c>connect[].workerConfig</c>, whose keys replace kafka-infra's in place.
        /// </summary>
        public static string WorkerProperties(ConnectGroupPlan g)
        {
            var properties = new List<KeyValuePair<string, string>>
            {
                new("key.converter", Defaults.MskConnectKeyConverter),
                new("value.converter", Defaults.MskConnectValueConverter),
                new("value.converter.schemas.enable", "false"),
                new("offset.storage.topic", g.OffsetStorageTopic),
            };
            foreach (var (k, v) in g.Config.WorkerConfig ?? new Dictionary<string, string>())
            {
                var i = properties.FindIndex(p => p.Key == k);
                if (i >= 0)
                {
                    properties[i] = new(k, v);
                }
                else
                {
                    properties.Add(new(k, v));
                }
            }

            return string.Concat(properties.Select(p => $"{p.Key}={p.Value}\n"));
        }
    }
}
