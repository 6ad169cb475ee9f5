using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// Every AWS and Kafka-provider resource of an msk: stack, as plain <see cref="CloudResource"/> records: the KMS key and
/// broker log group, the MSK configuration and cluster (or the serverless cluster), storage auto scaling, the Kafka
/// provider and topics, least-privilege IAM per consumer, Connect group and ksqlDB group, and MSK Connect. Pure and
/// deterministic: the same plan gives the same list, dependencies first. The conventions the Pulumi program relies on
/// (type tokens, reference formats, secrets read from config) are in docs/msk.md.
/// </summary>
public static partial class MskCloudResources
{
    /// <summary>The input path ignored on the MSK cluster while storage auto scaling owns the volume size.</summary>
    public const string VolumeSizePath = "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize";

    /// <summary>Secret stack config the Pulumi program reads for the Kafka provider's SCRAM user (never rendered).</summary>
    public const string ScramUsernameConfigKey = "kafka:saslUsername";

    /// <summary>Secret stack config the Pulumi program reads for the Kafka provider's SCRAM password (never rendered).</summary>
    public const string ScramPasswordConfigKey = "kafka:saslPassword";

    /// <summary>Secret stack config the Pulumi program reads for the Kafka provider's client certificate (PEM) under mutual TLS.</summary>
    public const string ClientCertConfigKey = "kafka:clientCert";

    /// <summary>Secret stack config the Pulumi program reads for the Kafka provider's client key (PEM) under mutual TLS.</summary>
    public const string ClientKeyConfigKey = "kafka:clientKey";

    /// <summary>Principal that assumes roles made for Kubernetes workloads (EKS Pod Identity).</summary>
    public const string PodIdentityPrincipal = "pods.eks.amazonaws.com";

    /// <summary>Principal that assumes MSK Connect service execution roles.</summary>
    public const string MskConnectPrincipal = "kafkaconnect.amazonaws.com";

    /// <summary>MSK Connect's own internal topics and groups start with this.</summary>
    public const string MskConnectInternalPrefix = "__amazon_msk_connect_";

    /// <summary>The MSK cluster's resource name (shared naming convention).</summary>
    public static string ClusterResourceName(string clusterName) => clusterName + "-msk";

    /// <summary>The Kafka provider's resource name.</summary>
    public static string ProviderResourceName(string clusterName) => clusterName + "-kafka";

    /// <summary>A topic's resource name.</summary>
    public static string TopicResourceName(string clusterName, string topic) => $"{clusterName}-topic-{topic}";

    /// <summary>Builds every cloud resource of an msk: plan, dependencies first.</summary>
    /// <exception cref="ArgumentException">The plan is not an msk: stack.</exception>
    public static IReadOnlyList<CloudResource> Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var msk = plan.Config.Cluster.Msk ?? throw new ArgumentException("MskCloudResources needs an msk: stack", nameof(plan));
        var builder = new Builder(plan, msk);
        builder.Run();
        var duplicate = builder.Resources.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two cloud resources are both named {duplicate.Key}");
        }

        return builder.Resources;
    }

    /// <summary>
    /// The Kafka protocol version for the Kafka provider (MAJOR.MINOR.PATCH) from an MSK version:
    /// <c>3.9.x</c> → <c>3.9.0</c>, <c>4.1.x.kraft</c> → <c>4.1.0</c>, <c>3.6.0</c> stays.
    /// </summary>
    public static string ProtocolVersion(string mskKafkaVersion)
    {
        ArgumentNullException.ThrowIfNull(mskKafkaVersion);
        var parts = mskKafkaVersion.Split('.').TakeWhile(p => p.Length > 0 && p.All(char.IsAsciiDigit)).Take(3).ToList();
        while (parts.Count < 3)
        {
            parts.Add("0");
        }

        return string.Join('.', parts);
    }

    /// <summary>The <c>server.properties</c> text of the MSK configuration, one <c>key=value</c> per line.</summary>
    public static string ServerProperties(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string> { "auto.create.topics.enable=false" };
        if (plan.Cluster.Platform != Platform.MskExpress)
        {
            // Express brokers fix replication (3) and min ISR (2) and manage leader election themselves.
            lines.Add("default.replication.factor=" + plan.Config.TopicDefaults.ReplicationFactor.ToString(CultureInfo.InvariantCulture));
            lines.Add("min.insync.replicas=" + plan.Config.TopicDefaults.MinInsyncReplicas.ToString(CultureInfo.InvariantCulture));
        }

        lines.Add("num.partitions=" + plan.Cluster.NumPartitions.ToString(CultureInfo.InvariantCulture));
        if (plan.Cluster.Platform != Platform.MskExpress)
        {
            lines.Add("unclean.leader.election.enable=false");
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// True when the cluster's <see cref="VolumeSizePath"/> is ignored this run: storage auto scaling is on and
    /// <c>storageGiB</c> did not grow since the last deploy. When it grew, the ignore is dropped for that one run so
    /// Pulumi applies the new size; the next run ignores it again.
    /// </summary>
    public static bool IgnoresVolumeSize(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var msk = plan.Config.Cluster.Msk;
        if (msk is null || plan.Cluster.Platform != Platform.MskProvisioned || msk.StorageAutoscaling is null)
        {
            return false;
        }

        var raised = plan.Cluster.DeployedStorageGiB is { } deployed && plan.Cluster.StorageGiB > deployed;
        return !raised;
    }

    /// <summary>The name part of an IAM role ARN (<c>arn:aws:iam::1:role/path/name</c> → <c>name</c>), which RolePolicyAttachment takes.</summary>
    public static string RoleName(string roleArn)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        return roleArn[(roleArn.LastIndexOf('/') + 1)..];
    }

    private sealed partial class Builder(CapacityPlan plan, MskConfig msk)
    {
        private readonly string _c = plan.Config.Cluster.Name;

        public List<CloudResource> Resources { get; } = [];

        private bool IsProd => plan.Config.IsProd;

        private string ClusterName => ClusterResourceName(_c);

        private ResourceRef ClusterArn => new(ClusterName, "arn");

        public void Run()
        {
            if (plan.Cluster.Platform == Platform.MskServerless)
            {
                AddServerlessCluster();
            }
            else
            {
                AddProvisionedCluster();
            }

            AddTopics();
            AddConsumerAccess();
            AddKedaAccess();
            AddKsqlDbAccess();
            AddConnect();
        }

        private void Add(string type, string name, Tree properties, string component, CloudResourceOptions? options = null) =>
            Resources.Add(new CloudResource(type, name, properties, options ?? CloudResourceOptions.None, component));

        private Tree Tags() => new()
        {
            ["kafka-infra"] = "true",
            ["cluster"] = _c,
            ["environment"] = plan.Config.Environment.ToString().ToLowerInvariant(),
        };

        private void AddServerlessCluster()
        {
            Add(MskTypes.ServerlessCluster, ClusterName, new Tree
            {
                ["clusterName"] = _c,
                ["clientAuthentication"] = new Tree { ["sasl"] = new Tree { ["iam"] = new Tree { ["enabled"] = true } } },
                ["vpcConfigs"] = Tree.List(new Tree
                {
                    ["subnetIds"] = Tree.ListOf(msk.ClientSubnets),
                    ["securityGroupIds"] = Tree.ListOf(msk.SecurityGroups),
                }),
                ["tags"] = Tags(),
            }, "msk", new CloudResourceOptions(Protect: IsProd));
        }

        private void AddProvisionedCluster()
        {
            var express = plan.Cluster.Platform == Platform.MskExpress;
            object kmsKeyArn;
            if (msk.KmsKeyArn is { } given)
            {
                kmsKeyArn = given;
            }
            else
            {
                var keyName = _c + "-kms";
                Add(MskTypes.KmsKey, keyName, new Tree
                {
                    ["description"] = $"Encryption at rest of MSK cluster {_c} (kafka-infra)",
                    ["enableKeyRotation"] = true,
                    ["tags"] = Tags(),
                }, "msk", new CloudResourceOptions(Protect: IsProd));
                kmsKeyArn = new ResourceRef(keyName, "arn");
            }

            var logGroupName = _c + "-broker-logs";
            Add(MskTypes.LogGroup, logGroupName, new Tree
            {
                ["name"] = $"/aws/msk/{_c}/brokers",
                ["retentionInDays"] = msk.LogRetentionDays,
                ["tags"] = Tags(),
            }, "msk");

            var configName = _c + "-config";
            Add(MskTypes.Configuration, configName, new Tree
            {
                ["name"] = configName,
                ["description"] = $"Broker settings of MSK cluster {_c} (kafka-infra)",
                ["serverProperties"] = ServerProperties(plan),
            }, "msk");

            var brokerNodes = new Tree
            {
                ["instanceType"] = msk.InstanceType,
                ["clientSubnets"] = Tree.ListOf(msk.ClientSubnets),
                ["securityGroups"] = Tree.ListOf(msk.SecurityGroups),
            };
            if (!express)
            {
                var ebs = new Tree { ["volumeSize"] = plan.Cluster.StorageGiB };
                if (msk.ProvisionedThroughputMiBps is { } throughput)
                {
                    ebs["provisionedThroughput"] = new Tree { ["enabled"] = true, ["volumeThroughput"] = throughput };
                }

                brokerNodes["storageInfo"] = new Tree { ["ebsStorageInfo"] = ebs };
            }

            var cluster = new Tree
            {
                ["clusterName"] = _c,
                ["kafkaVersion"] = plan.Config.Cluster.KafkaVersion,
                ["numberOfBrokerNodes"] = plan.Cluster.Brokers,
                ["brokerNodeGroupInfo"] = brokerNodes,
                ["configurationInfo"] = new Tree
                {
                    ["arn"] = new ResourceRef(configName, "arn"),
                    ["revision"] = new ResourceRef(configName, "latestRevision"),
                },
                ["encryptionInfo"] = new Tree
                {
                    ["encryptionAtRestKmsKeyArn"] = kmsKeyArn,
                    ["encryptionInTransit"] = new Tree { ["clientBroker"] = "TLS", ["inCluster"] = true },
                },
                ["clientAuthentication"] = ClientAuthentication(),
                ["openMonitoring"] = new Tree
                {
                    ["prometheus"] = new Tree
                    {
                        ["jmxExporter"] = new Tree { ["enabledInBroker"] = true },
                        ["nodeExporter"] = new Tree { ["enabledInBroker"] = true },
                    },
                },
                ["loggingInfo"] = new Tree
                {
                    ["brokerLogs"] = new Tree
                    {
                        ["cloudwatchLogs"] = new Tree { ["enabled"] = true, ["logGroup"] = new ResourceRef(logGroupName, "name") },
                    },
                },
                ["rebalancing"] = express ? new Tree { ["status"] = "ACTIVE" } : null,
                ["tags"] = Tags(),
            };
            Add(MskTypes.Cluster, ClusterName, cluster, "msk", new CloudResourceOptions(
                Protect: IsProd,
                IgnoreChanges: IgnoresVolumeSize(plan) ? [VolumeSizePath] : null));

            if (!express && msk.StorageAutoscaling is { } scaling)
            {
                var targetName = _c + "-storage-scaling";
                Add(MskTypes.ScalingTarget, targetName, new Tree
                {
                    ["serviceNamespace"] = "kafka",
                    ["scalableDimension"] = "kafka:broker-storage:VolumeSize",
                    ["resourceId"] = ClusterArn,
                    ["minCapacity"] = plan.Cluster.StorageGiB,
                    ["maxCapacity"] = scaling.MaxGiB,
                    ["tags"] = Tags(),
                }, "msk");
                Add(MskTypes.ScalingPolicy, _c + "-storage-scaling-policy", new Tree
                {
                    ["name"] = _c + "-broker-storage",
                    ["policyType"] = "TargetTrackingScaling",
                    ["serviceNamespace"] = "kafka",
                    ["scalableDimension"] = "kafka:broker-storage:VolumeSize",
                    ["resourceId"] = new ResourceRef(targetName, "resourceId"),
                    ["targetTrackingScalingPolicyConfiguration"] = new Tree
                    {
                        ["predefinedMetricSpecification"] = new Tree { ["predefinedMetricType"] = "KafkaBrokerStorageUtilization" },
                        ["targetValue"] = (double)scaling.TargetUtilizationPercent,
                        ["disableScaleIn"] = true,
                    },
                }, "msk");
            }
        }

        private Tree ClientAuthentication() => msk.Authentication switch
        {
            MskAuthentication.Iam => new Tree { ["sasl"] = new Tree { ["iam"] = true }, ["unauthenticated"] = false },
            MskAuthentication.Scram => new Tree { ["sasl"] = new Tree { ["scram"] = true }, ["unauthenticated"] = false },
            _ => new Tree
            {
                ["tls"] = new Tree { ["certificateAuthorityArns"] = Tree.ListOf(msk.CertificateAuthorityArns ?? []) },
                ["unauthenticated"] = false,
            },
        };

        /// <summary>The cluster output with the bootstrap servers for the stack's authentication.</summary>
        private string BootstrapOutput => msk.Authentication switch
        {
            MskAuthentication.Iam => "bootstrapBrokersSaslIam",
            MskAuthentication.Scram => "bootstrapBrokersSaslScram",
            _ => "bootstrapBrokersTls",
        };

        private void AddTopics()
        {
            var providerName = ProviderResourceName(_c);
            var provider = new Tree
            {
                ["bootstrapServers"] = new ResourceRef(ClusterName, BootstrapOutput, RefFormats.List),
                ["tlsEnabled"] = true,
                ["kafkaVersion"] = ProtocolVersion(plan.Config.Cluster.KafkaVersion),
            };
            switch (msk.Authentication)
            {
                case MskAuthentication.Iam:
                    provider["saslMechanism"] = "aws-iam";
                    provider["saslAwsRegion"] = msk.Region;
                    break;
                case MskAuthentication.Scram:
                    provider["saslMechanism"] = "scram-sha512";
                    break;
            }

            Add(MskTypes.KafkaProvider, providerName, provider, "topics");
            foreach (var t in plan.Topics)
            {
                Add(MskTypes.Topic, TopicResourceName(_c, t.Name), new Tree
                {
                    ["name"] = t.Name,
                    ["partitions"] = t.Partitions,
                    ["replicationFactor"] = t.ReplicationFactor,
                    ["config"] = Tree.FromStrings(t.KafkaConfig),
                }, "topics", new CloudResourceOptions(Protect: IsProd, DependsOn: [ClusterName], Provider: providerName));
            }
        }
    }
}
