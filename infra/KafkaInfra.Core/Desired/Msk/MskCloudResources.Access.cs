using System.Globalization;
using KafkaInfra.Core.Config;
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

    private sealed partial class Builder
    {
        private ResourceRef TopicArn(string topic) => new(ClusterName, "arn", RefFormats.MskArn("topic", topic));

        private ResourceRef GroupArn(string group) => new(ClusterName, "arn", RefFormats.MskArn("group", group));

        private static Tree Statement(string sid, IEnumerable<string> actions, IEnumerable<object> resources) => new()
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Action"] = Tree.ListOf(actions),
            ["Resource"] = Tree.ListOf(resources),
        };

        private static Tree Document(params Tree?[] statements) => new()
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = Tree.List(statements),
        };

        private static Tree TrustPolicy(string service, params string[] actions) => Document(new Tree
        {
            ["Effect"] = "Allow",
            ["Principal"] = new Tree { ["Service"] = service },
            ["Action"] = Tree.ListOf(actions),
        });

        /// <summary>
        /// The policy, the role when none is given, and the attachment. Returns the role ARN (a string when given,
        /// else a reference) and the attachment's resource name.
        /// </summary>
        private (object RoleArn, string Attachment) AddAccess(string baseName, string component, string who, Tree document, string? roleArn, Tree trust)
        {
            var policyName = baseName + "-policy";
            Add(MskTypes.IamPolicy, policyName, new Tree
            {
                ["description"] = $"Least-privilege access of {who} to MSK cluster {_c} (kafka-infra)",
                ["policy"] = document,
                ["tags"] = Tags(),
            }, component);

            object arn;
            object roleName;
            if (roleArn is not null)
            {
                arn = roleArn;
                roleName = RoleName(roleArn);
            }
            else
            {
                var roleResource = baseName + "-role";
                Add(MskTypes.IamRole, roleResource, new Tree
                {
                    ["description"] = $"Role of {who} on MSK cluster {_c} (kafka-infra)",
                    ["assumeRolePolicy"] = trust,
                    ["tags"] = Tags(),
                }, component);
                arn = new ResourceRef(roleResource, "arn");
                roleName = new ResourceRef(roleResource, "name");
            }

            var attachment = baseName + "-attachment";
            Add(MskTypes.RolePolicyAttachment, attachment, new Tree
            {
                ["role"] = roleName,
                ["policyArn"] = new ResourceRef(policyName, "arn"),
            }, component);
            return (arn, attachment);
        }

        private bool UsesIam => msk.Authentication == MskAuthentication.Iam;

        private void AddConsumerAccess()
        {
            if (!UsesIam)
            {
                return;
            }

            foreach (var c in plan.Consumers)
            {
                var cfg = c.Config;
                var document = Document(
                    Statement("Cluster", ClusterActions, [ClusterArn]),
                    Statement("ReadTopic", ConsumerTopicActions, [TopicArn(cfg.Topic)]),
                    Statement("ConsumerGroup", GroupActions, [GroupArn(cfg.ConsumerGroup)]));
                AddAccess($"{_c}-consumer-{cfg.Namespace}.{cfg.Name}", "keda/" + cfg.Name, $"consumer {cfg.Namespace}/{cfg.Name}", document, cfg.AwsRoleArn,
                    TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"));
            }
        }

        /// <summary>
        /// What the KEDA operator needs to read consumer lag over MSK IAM (its TriggerAuthentications use KEDA's own
        /// pod identity): describe the cluster, the consumers' topics and groups — nothing to read data or commit offsets.
        /// Attached to <c>cluster.msk.kedaRoleArn</c>, or to a role created for EKS Pod Identity.
        /// </summary>
        private void AddKedaAccess()
        {
            if (!UsesIam || plan.Consumers.Count == 0)
            {
                return;
            }

            var topics = plan.Consumers.Select(c => c.Topic).Distinct(StringComparer.Ordinal).Select(TopicArn);
            var groups = plan.Consumers.Select(c => c.Config.ConsumerGroup).Distinct(StringComparer.Ordinal).Select(GroupArn);
            var document = Document(
                Statement("Cluster", ClusterActions, [ClusterArn]),
                Statement("DescribeTopics", ["kafka-cluster:DescribeTopic"], topics),
                Statement("DescribeGroups", ["kafka-cluster:DescribeGroup"], groups));
            AddAccess($"{_c}-keda", "msk", "the KEDA operator (lag of every consumer group)", document, msk.KedaRoleArn,
                TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"));
        }

        private void AddKsqlDbAccess()
        {
            if (!UsesIam)
            {
                return;
            }

            foreach (var g in plan.KsqlDb)
            {
                var prefix = g.InternalTopicPrefix + "*";
                var document = Document(
                    Statement("Cluster", [.. ClusterActions, "kafka-cluster:DescribeClusterDynamicConfiguration"], [ClusterArn]),
                    g.Config.Topics.Count == 0
                        ? null
                        : Statement("Topics", ["kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], g.Config.Topics.Distinct(StringComparer.Ordinal).Select(TopicArn)),
                    Statement("InternalTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], [TopicArn(prefix)]),
                    Statement("Groups", [.. GroupActions, "kafka-cluster:DeleteGroup"], [GroupArn(prefix)]),
                    Statement("CommandTopicTransactions", ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"], [new ResourceRef(ClusterName, "arn", RefFormats.MskArn("transactional-id", g.ServiceId))]));
                AddAccess($"{_c}-ksqldb-{g.Name}", "ksqldb/" + g.Name, $"ksqlDB group {g.Name}", document, g.Config.AwsRoleArn,
                    TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"));
            }
        }

        private void AddConnect()
        {
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
                    Statement("Cluster", ClusterActions, [ClusterArn]),
                    sinkTopics.Count == 0 ? null : Statement("SinkTopics", ConsumerTopicActions, sinkTopics.Select(TopicArn)),
                    sourceTopics.Count == 0 ? null : Statement("SourceTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"], sourceTopics.Select(TopicArn)),
                    Statement("InternalTopics", ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData"], [TopicArn(g.OffsetStorageTopic), TopicArn(internalPrefix)]),
                    Statement("Groups", GroupActions, [.. sinkGroups.Select(GroupArn), GroupArn(internalPrefix)]));
                var (roleArn, attachment) = AddAccess(baseName, component, $"Connect group {g.Name}", document, g.Config.AwsRoleArn, TrustPolicy(MskConnectPrincipal, "sts:AssumeRole"));

                var pluginName = baseName + "-plugin";
                Add(MskTypes.CustomPlugin, pluginName, new Tree
                {
                    ["name"] = $"{_c}-{g.Name}",
                    ["description"] = $"Connector plugins of Connect group {g.Name} on MSK cluster {_c} (kafka-infra)",
                    ["contentType"] = plugin.ContentType,
                    ["location"] = new Tree { ["s3"] = new Tree { ["bucketArn"] = plugin.S3BucketArn, ["fileKey"] = plugin.S3FileKey } },
                }, component);

                var workerName = baseName + "-worker";
                Add(MskTypes.WorkerConfiguration, workerName, new Tree
                {
                    ["name"] = $"{_c}-{g.Name}",
                    ["description"] = $"Worker settings of Connect group {g.Name} on MSK cluster {_c} (kafka-infra)",
                    ["propertiesFileContent"] = WorkerProperties(g),
                }, component);

                foreach (var connector in g.Connectors)
                {
                    var dependsOn = new List<string> { attachment };
                    dependsOn.AddRange(connector.Config.Topics.Distinct(StringComparer.Ordinal).Select(t => TopicResourceName(_c, t)));
                    Add(MskTypes.Connector, $"{_c}-connector-{connector.Name}", new Tree
                    {
                        ["name"] = connector.Name,
                        ["description"] = $"{connector.Config.Kind.ToString().ToLowerInvariant()} connector {connector.Name} of Connect group {g.Name} (kafka-infra)",
                        ["kafkaconnectVersion"] = Defaults.MskConnectVersion,
                        ["capacity"] = Capacity(g),
                        ["connectorConfiguration"] = ConnectorConfiguration(connector),
                        ["kafkaCluster"] = new Tree
                        {
                            ["apacheKafkaCluster"] = new Tree
                            {
                                ["bootstrapServers"] = new ResourceRef(ClusterName, "bootstrapBrokersSaslIam"),
                                ["vpc"] = new Tree
                                {
                                    ["securityGroups"] = Tree.ListOf(msk.SecurityGroups),
                                    ["subnets"] = Tree.ListOf(msk.ClientSubnets),
                                },
                            },
                        },
                        ["kafkaClusterClientAuthentication"] = new Tree { ["authenticationType"] = "IAM" },
                        ["kafkaClusterEncryptionInTransit"] = new Tree { ["encryptionType"] = "TLS" },
                        ["plugins"] = Tree.List(new Tree
                        {
                            ["customPlugin"] = new Tree
                            {
                                ["arn"] = new ResourceRef(pluginName, "arn"),
                                ["revision"] = new ResourceRef(pluginName, "latestRevision"),
                            },
                        }),
                        ["workerConfiguration"] = new Tree
                        {
                            ["arn"] = new ResourceRef(workerName, "arn"),
                            ["revision"] = new ResourceRef(workerName, "latestRevision"),
                        },
                        ["serviceExecutionRoleArn"] = roleArn,
                        ["tags"] = Tags(),
                    }, component, new CloudResourceOptions(DependsOn: dependsOn));
                }
            }
        }

        /// <summary>Auto scaling between replicas and the effective maxReplicas when there is room to scale, else a fixed worker count.</summary>
        private static Tree Capacity(ConnectGroupPlan g) => g.MaxReplicas is { } max && max > g.Replicas
            ? new Tree
            {
                ["autoscaling"] = new Tree
                {
                    ["mcuCount"] = Defaults.MskConnectMcuCount,
                    ["minWorkerCount"] = g.Replicas,
                    ["maxWorkerCount"] = max,
                    ["scaleInPolicy"] = new Tree { ["cpuUtilizationPercentage"] = Defaults.MskConnectScaleInCpuPercent },
                    ["scaleOutPolicy"] = new Tree { ["cpuUtilizationPercentage"] = Defaults.MskConnectScaleOutCpuPercent },
                },
            }
            : new Tree
            {
                ["provisionedCapacity"] = new Tree { ["mcuCount"] = Defaults.MskConnectMcuCount, ["workerCount"] = g.Replicas },
            };

        private static Tree ConnectorConfiguration(ConnectorPlan connector)
        {
            var config = new Tree
            {
                ["connector.class"] = connector.Config.Class,
                ["tasks.max"] = connector.TasksMax.ToString(CultureInfo.InvariantCulture),
            };
            if (connector.Config.Kind == ConnectorKind.Sink)
            {
                config["topics"] = string.Join(',', connector.Config.Topics);
            }

            foreach (var (k, v) in connector.Config.Config)
            {
                config[k] = v;
            }

            return config;
        }

        private static string WorkerProperties(ConnectGroupPlan g) =>
            $"key.converter={Defaults.MskConnectKeyConverter}\n" +
            $"value.converter={Defaults.MskConnectValueConverter}\n" +
            $"offset.storage.topic={g.OffsetStorageTopic}\n";
    }
}
