using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// Every AWS and Kafka-provider resource of an msk: stack, as <see cref="CloudResource"/> records with typed specs: the KMS key and
/// broker log group, the MSK configuration and cluster (or the serverless cluster), storage auto scaling, the Kafka
/// provider and topics, least-privilege IAM per consumer, Connect group and ksqlDB group, and MSK Connect. Pure and
/// deterministic: the same plan gives the same list, dependencies first. The conventions the Pulumi program relies on
/// (secrets read from config, references between resources) are in docs/msk.md.
/// </summary>
public static partial class MskCloudResources
{
    /// <summary>The input path ignored on the MSK cluster while storage auto scaling owns the volume size.</summary>
    public const string VolumeSizePath = "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize";

    /// <summary>Secret stack config the Pulumi program reads for the SCRAM password of the Kafka provider's user, <see cref="AdminUsername"/> (never rendered).</summary>
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
    public static string ClusterResourceName(string clusterName) => KafkaResources.MskCluster(clusterName);

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

        if (DeniesWithoutAcl(plan))
        {
            // MSK's default is true: every authenticated principal may do everything on a resource without ACLs.
            lines.Add("allow.everyone.if.no.acl.found=false");
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

        private OutputRef ClusterArnRef => new(ClusterName, CloudOutput.Arn);

        private Text ClusterArn => Text.Of(ClusterArnRef);

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

            AddScramSecrets();
            AddTopics();
            AddAcls();
            AddQuotas();
            AddConsumerAccess();
            AddProducerAccess();
            AddKedaAccess();
            AddKsqlDbAccess();
            AddConnect();
        }

        private void Add(string name, CloudSpec spec, string component, CloudResourceOptions? options = null) =>
            Resources.Add(new CloudResource(name, spec, options ?? CloudResourceOptions.None, component));

        /// <summary>kafka-infra's own tags, then <c>kafka-infra:tags</c> (the loader keeps the reserved keys out of them).</summary>
        private StringMap Tags() => new([
            new("kafka-infra", "true"),
            new("cluster", _c),
            new("environment", plan.Config.EnvironmentLabel),
            .. plan.Config.Tags ?? new Dictionary<string, string>()]);

        private void AddServerlessCluster() =>
            Add(ClusterName, new MskServerlessClusterSpec(
                _c,
                new ServerlessClientAuthentication(new ServerlessSasl(new ServerlessIam(Enabled: true))),
                [new ServerlessVpcConfig([.. msk.ClientSubnets], [.. msk.SecurityGroups])],
                Tags()), "msk", new CloudResourceOptions(Protect: ProtectCluster));

        /// <summary>
        /// The cluster (and the KMS key the stack creates for it) is protected in prod unless
        /// <c>allowDeletion.clusterReplacement</c> acknowledges a replacement: the Pulumi engine lets a resource be
        /// unprotected and replaced in one update (it refuses a replacement only when old and new are both protected).
        /// </summary>
        private bool ProtectCluster => IsProd && !plan.Config.Deletions.ClusterReplacement;

        private void AddProvisionedCluster()
        {
            var express = plan.Cluster.Platform == Platform.MskExpress;
            Text kmsKeyArn;
            if (msk.KmsKeyArn is { } given)
            {
                kmsKeyArn = given;
            }
            else
            {
                var keyName = _c + "-kms";
                Add(keyName, new KmsKeySpec($"Encryption at rest of MSK cluster {_c} (kafka-infra)", EnableKeyRotation: true, Tags()), "msk", new CloudResourceOptions(Protect: ProtectCluster));
                kmsKeyArn = Text.Of(new OutputRef(keyName, CloudOutput.Arn));
            }

            var logGroupName = _c + "-broker-logs";
            Add(logGroupName, new LogGroupSpec($"/aws/msk/{_c}/brokers", msk.LogRetentionDays, Tags()), "msk");

            var configName = _c + "-config";
            Add(configName, new MskConfigurationSpec(configName, $"Broker settings of MSK cluster {_c} (kafka-infra)", ServerProperties(plan)), "msk");

            var storage = express
                ? null
                : new StorageInfo(new EbsStorageInfo(
                    plan.Cluster.StorageGiB,
                    msk.ProvisionedThroughputMiBps is { } throughput ? new ProvisionedThroughput(Enabled: true, throughput) : null));
            var cluster = new MskClusterSpec(
                _c,
                plan.Config.Cluster.KafkaVersion,
                plan.Cluster.Brokers,
                new BrokerNodeGroupInfo(msk.InstanceType ?? throw new InvalidOperationException("cluster.msk.instanceType is required on provisioned clusters (the planner reports this)"), [.. msk.ClientSubnets], [.. msk.SecurityGroups], storage)
                {
                    ConnectivityInfo = ConnectivityInfo(),
                },
                ArnAndRevision.Of(configName),
                new EncryptionInfo(kmsKeyArn, new EncryptionInTransit("TLS", InCluster: true)),
                ClientAuthentication(),
                new OpenMonitoring(new Prometheus(new Exporter(EnabledInBroker: true), new Exporter(EnabledInBroker: true))),
                new LoggingInfo(new BrokerLogs(new CloudwatchLogs(Enabled: true, Text.Of(new OutputRef(logGroupName, CloudOutput.Name))))),
                express ? new Rebalancing("ACTIVE") : null,
                Tags());
            Add(ClusterName, cluster, "msk", new CloudResourceOptions(
                Protect: ProtectCluster,
                IgnoreChanges: IgnoresVolumeSize(plan) ? [VolumeSizePath] : null));

            if (!express && msk.StorageAutoscaling is { } scaling)
            {
                const string Dimension = "kafka:broker-storage:VolumeSize";
                var targetName = _c + "-storage-scaling";
                Add(targetName, new ScalingTargetSpec("kafka", Dimension, ClusterArn, plan.Cluster.StorageGiB, scaling.MaxGiB, Tags()), "msk");
                Add(_c + "-storage-scaling-policy", new ScalingPolicySpec(
                    _c + "-broker-storage",
                    "TargetTrackingScaling",
                    "kafka",
                    Dimension,
                    Text.Of(new OutputRef(targetName, CloudOutput.ResourceId)),
                    new TargetTrackingConfiguration(new PredefinedMetric("KafkaBrokerStorageUtilization"), scaling.TargetUtilizationPercent, DisableScaleIn: true)), "msk");
            }
        }

        /// <summary>The cluster output with the bootstrap servers of the deployer's mechanism.</summary>
        private CloudOutput BootstrapOutput => MskOutputs.BootstrapFor(Deployer(plan));

        private void AddTopics()
        {
            var providerName = ProviderResourceName(_c);
            var (mechanism, region) = Deployer(plan) switch
            {
                MskAuthentication.Iam => (KafkaSaslMechanism.AwsIam, msk.Region),
                MskAuthentication.Scram => (KafkaSaslMechanism.ScramSha512, null),
                _ => ((KafkaSaslMechanism?)null, (string?)null),
            };
            Add(providerName, new KafkaProviderSpec(
                Text.Of(new OutputRef(ClusterName, BootstrapOutput)),
                TlsEnabled: true,
                ProtocolVersion(plan.Config.Cluster.KafkaVersion),
                mechanism,
                region,
                mechanism == KafkaSaslMechanism.ScramSha512 ? AdminUsername : null), "topics");
            // Under SCRAM the provider signs in as the deployer's user, which exists once its secret is associated. With
            // several mechanisms it uses IAM when enabled, else SCRAM, else TLS (MskPlatform.DeployerMechanism).
            string[] topicDependsOn = mechanism == KafkaSaslMechanism.ScramSha512 ? [ClusterName, ScramAssociationName] : [ClusterName];
            foreach (var t in plan.Topics)
            {
                Add(
                    TopicResourceName(_c, t.Name),
                    new KafkaTopicSpec(t.Name, t.Partitions, t.ReplicationFactor, new StringMap(t.KafkaConfig)),
                    "topics",
                    // Protected in prod unless allowDeletion.topics names it: Topic.name forces a replacement and a
                    // removal deletes the topic with its data (platform-facts.md 8.4).
                    new CloudResourceOptions(Protect: IsProd && !plan.Config.Deletions.AllowsTopic(t.Name), DependsOn: topicDependsOn, Provider: providerName));
            }
        }
    }
}
