namespace KafkaInfra.Core.Config;

/// <summary><c>kafka-infra:environment</c>. Prod turns unsafe settings into errors.</summary>
public enum DeploymentEnvironment
{
    Dev,
    Prod,
}

/// <summary>A client authentication mechanism of MSK (<c>cluster.msk.authentication</c>, one or several).</summary>
public enum MskAuthentication
{
    Iam,
    Scram,
    Tls,
}

/// <summary>Whether a connector reads from Kafka (sink) or writes to it (source).</summary>
public enum ConnectorKind
{
    Sink,
    Source,
}

/// <summary>The whole validated stack config. Built only by <see cref="StackConfigLoader"/>.</summary>
public sealed record StackConfig(
    DeploymentEnvironment Environment,
    ClusterConfig Cluster,
    TopicDefaultsConfig TopicDefaults,
    IReadOnlyList<TopicConfig> Topics,
    IReadOnlyList<ConsumerConfig> Consumers,
    IReadOnlyList<ConnectGroupConfig> Connect,
    IReadOnlyList<KsqlDbGroupConfig> KsqlDb,
    IReadOnlyDictionary<string, string>? Tags = null,
    AllowDeletionConfig? AllowDeletion = null,
    string? EnvironmentName = null)
{
    public bool IsProd => Environment == DeploymentEnvironment.Prod;

    /// <summary>The environment as the stack names it (<c>staging</c>); <see cref="Environment"/> is the rules it follows.</summary>
    public string EnvironmentLabel => EnvironmentName ?? Environment.ToString().ToLowerInvariant();

    /// <summary>"staging (prod rules)" for a named environment, else "prod" / "dev".</summary>
    public string EnvironmentDescription =>
        string.Equals(EnvironmentLabel, Environment.ToString(), StringComparison.OrdinalIgnoreCase) ? EnvironmentLabel : $"{EnvironmentLabel} ({Environment.ToString().ToLowerInvariant()} rules)";

    /// <summary><c>kafka-infra:producers</c>: applications that write (StackConfig.Clients.cs).</summary>
    public IReadOnlyList<ProducerConfig> Producers { get; init; } = [];

    /// <summary><c>kafka-infra:users</c>: other principals with explicit ACLs (StackConfig.Clients.cs).</summary>
    public IReadOnlyList<UserConfig> Users { get; init; } = [];

    /// <summary><c>kafka-infra:allowDeletion</c>, or nothing acknowledged when it is not set.</summary>
    public AllowDeletionConfig Deletions => AllowDeletion ?? AllowDeletionConfig.None;
}

/// <summary>
/// <c>kafka-infra:allowDeletion</c>: the reviewed acknowledgements of changes that delete data. Without them,
/// <c>pulumi preview</c>/<c>up</c> fail and <c>kafka-infra diff</c> exits 3 on such a change.
/// </summary>
/// <param name="Topics">Topics whose deletion (a removal, or the old name of a rename) is intended; their Pulumi <c>protect</c> is lifted.</param>
/// <param name="ClusterReplacement">A change that creates a new cluster and deletes the old one with its data is intended.</param>
public sealed record AllowDeletionConfig(IReadOnlyList<string> Topics, bool ClusterReplacement)
{
    public static AllowDeletionConfig None { get; } = new([], false);

    /// <summary>True when <paramref name="topic"/> is listed in <see cref="Topics"/>.</summary>
    public bool AllowsTopic(string topic) => Topics.Contains(topic, StringComparer.Ordinal);
}

/// <summary><c>kafka-infra:cluster</c>. <see cref="Platform"/> holds the platform and its own section.</summary>
public sealed record ClusterConfig(
    string Name,
    string KafkaVersion,
    int Brokers,
    int StorageGiB,
    double? BrokerIngressMBps,
    int? MaxPartitionsPerBroker,
    ClusterPlatform Platform)
{
    /// <summary>The answers to every platform question.</summary>
    public PlatformProfile Profile => Platform.Profile;

    /// <summary><c>cluster.strimzi</c> on a Strimzi stack, else null.</summary>
    public StrimziConfig? Strimzi => (Platform as StrimziPlatform)?.Config;

    /// <summary><c>cluster.msk</c> on an MSK stack (provisioned or serverless), else null.</summary>
    public MskConfig? Msk => (Platform as MskPlatform)?.Config;

    /// <summary><c>cluster.external</c> on a stack against a cluster it does not own, else null.</summary>
    public ExternalConfig? External => (Platform as ExternalPlatform)?.Config;
}

/// <summary>CPU and memory for a pod (Kubernetes quantity strings).</summary>
public sealed record ResourcesConfig(string? RequestsCpu, string? RequestsMemory, string? LimitsCpu, string? LimitsMemory);

/// <summary><c>kafka-infra:cluster.strimzi</c>.</summary>
public sealed record StrimziConfig(
    string Namespace,
    int Controllers,
    int ControllerStorageGiB,
    string? StorageClass,
    bool PlainListener,
    string? RackTopologyKey,
    ResourcesConfig? BrokerResources,
    bool CreateNamespace = false)
{
    /// <summary>
    /// <c>cluster.strimzi.kedaNamespace</c>: KEDA's cluster-object namespace, where its describe-only binding Secret lands
    /// (a ClusterTriggerAuthentication reads Secrets only there; platform-facts 8.1).
    /// </summary>
    public string KedaNamespace { get; init; } = Defaults.KedaNamespace;

    /// <summary>The cluster's listeners (<c>cluster.strimzi.listeners</c>; without it the TLS listener, plus the plain one with <c>plainListener</c>).</summary>
    public IReadOnlyList<StrimziListenerConfig> Listeners { get; init; } = StrimziDefaults.Listeners(PlainListener);

    /// <summary><c>cluster.strimzi.nodePools</c>; empty for the short form (<c>brokers</c> + <c>controllers</c>).</summary>
    public IReadOnlyList<NodePoolConfig> NodePools { get; init; } = [];

    /// <summary><c>cluster.strimzi.kafkaConfig</c>: broker config merged after the planner's keys.</summary>
    public IReadOnlyDictionary<string, string> KafkaConfig { get; init; } = StrimziDefaults.NoConfig;

    /// <summary><c>cluster.strimzi.overrides</c>.</summary>
    public StrimziOverrides Overrides { get; init; } = StrimziDefaults.NoOverrides;

    /// <summary><c>cluster.strimzi.cruiseControl</c>: false never deploys Cruise Control (else it runs from two brokers on).</summary>
    public bool CruiseControl { get; init; } = true;

    /// <summary><c>cluster.strimzi.kafkaExporter</c>: false leaves Kafka Exporter out.</summary>
    public bool KafkaExporter { get; init; } = true;

    /// <summary><c>cluster.strimzi.metrics.allowList</c>; null keeps Strimzi's default allow-list.</summary>
    public IReadOnlyList<string>? MetricsAllowList { get; init; }

    /// <summary>KRaft controllers: <c>controllers</c>, or the replicas of every node pool with the controller role.</summary>
    public int ControllerCount => NodePools.Count == 0 ? Controllers : NodePools.Where(p => p.IsController).Sum(p => p.Replicas);

    /// <summary>
    /// The listener a client uses: the one named <paramref name="name"/>, or (null) the default, the first internal
    /// TLS listener with SCRAM-SHA-512. Null when there is none; the loader has then reported it.
    /// </summary>
    public StrimziListenerConfig? ClientListener(string? name) => name is null
        ? Listeners.FirstOrDefault(l => l is { Type: "internal", Tls: true, Authentication: ListenerAuthentication.ScramSha512 })
        : Listeners.FirstOrDefault(l => l.Name == name);

    /// <summary>
    /// The listener the KafkaAccess of a <c>users[]</c> principal names: <paramref name="name"/>, or (null) the default
    /// client listener for a SCRAM user and the first in-cluster listener with <c>authentication: tls</c> for a TLS user.
    /// </summary>
    public StrimziListenerConfig? UserListener(string? name, UserAuthentication authentication) => name is not null || authentication == UserAuthentication.ScramSha512
        ? ClientListener(name)
        : Listeners.FirstOrDefault(l => l is { IsInCluster: true, Authentication: ListenerAuthentication.Tls });
}

/// <summary><c>kafka-infra:cluster.msk.storageAutoscaling</c>.</summary>
public sealed record MskStorageAutoscalingConfig(int MaxGiB, int TargetUtilizationPercent);

/// <summary><c>kafka-infra:cluster.msk</c>.</summary>
public sealed record MskConfig(
    string? InstanceType,
    IReadOnlyList<string> ClientSubnets,
    IReadOnlyList<string> SecurityGroups,
    MskAuthentication Authentication,
    MskStorageAutoscalingConfig? StorageAutoscaling,
    bool Serverless,
    int? ProvisionedThroughputMiBps,
    string? KmsKeyArn,
    int LogRetentionDays,
    string? Region,
    bool BrokersDrained,
    IReadOnlyList<string>? CertificateAuthorityArns = null,
    string? KedaRoleArn = null,
    string? AdminPrincipal = null,
    string? EksClusterName = null)
{
    /// <summary>Express brokers (<c>express.m7g.*</c>): no storage to manage, RF 3 and min ISR 2 fixed.</summary>
    public bool IsExpress => InstanceType is not null && InstanceType.StartsWith("express.", StringComparison.Ordinal);

    /// <summary>The mechanisms <c>cluster.msk.authentication</c> lists after the first (<see cref="Authentication"/>, the clients' default).</summary>
    public IReadOnlyList<MskAuthentication> AlsoEnabled { get; init; } = [];

    /// <summary>Every mechanism the cluster enables, in config order: <see cref="Authentication"/> first (StackConfig.MskAuth.cs).</summary>
    public IReadOnlyList<MskAuthentication> Mechanisms => [Authentication, .. AlsoEnabled.Where(m => m != Authentication).Distinct()];

    /// <summary><c>cluster.msk.vpcConnectivity.authentication</c>: the mechanisms multi-VPC private connectivity turns on; null when off.</summary>
    public IReadOnlyList<MskAuthentication>? VpcConnectivityMechanisms { get; init; }
}

/// <summary><c>kafka-infra:topicDefaults</c>.</summary>
public sealed record TopicDefaultsConfig(int ReplicationFactor, int MinInsyncReplicas, int RetentionHours, int MessageBytes);

/// <summary>
/// One entry of <c>kafka-infra:topics</c>. <see cref="Index"/> is its position, for error paths. A null
/// <see cref="MessagesPerSecond"/> is a topic with explicit partitions and no rate: not sized (StackConfig.Topics.cs).
/// </summary>
public sealed partial record TopicConfig(
    int Index,
    string Name,
    long? MessagesPerSecond,
    long? MessagesPerSecondPerConsumer,
    long? MessagesPerSecondPerPartition,
    int? MaxConsumers,
    int? MessageBytes,
    int? Partitions,
    int? RetentionHours,
    int? ReplicationFactor,
    int? MinInsyncReplicas,
    IReadOnlyDictionary<string, string> Config,
    long? AverageMessagesPerSecond = null)
{
    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Topics)}[{Index}]";

    /// <summary>The rate storage is sized for: the average when given, else the peak (<see cref="MessagesPerSecond"/>); null when not sized.</summary>
    public long? StorageMessagesPerSecond => AverageMessagesPerSecond ?? MessagesPerSecond;
}

/// <summary>One entry of <c>kafka-infra:consumers</c>: a workload KEDA scales on the lag of its group.</summary>
public sealed record ConsumerConfig(
    int Index,
    string Name,
    string Namespace,
    string Topic,
    string ConsumerGroup,
    long LagThreshold,
    long ActivationLagThreshold,
    string OffsetResetPolicy,
    int MinReplicas,
    int MaxReplicas,
    string Kind,
    string ApiVersion,
    string? AwsRoleArn = null,
    string? ServiceAccount = null,
    ConsumerScalingConfig? Scaling = null)
{
    /// <summary><c>consumers[].listener</c>: the Strimzi listener it connects through (null: the default one).</summary>
    public string? Listener { get; init; }

    /// <summary><c>consumers[].authentication</c>: the MSK mechanism it logs in with (null: the cluster's first).</summary>
    public MskAuthentication? Authentication { get; init; }

    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Consumers)}[{Index}]";

    /// <summary><c>consumers[].quotas</c> (consumerByteRate, requestPercentage); null when not set.</summary>
    public ClientQuotas? Quotas { get; init; }

    /// <summary>Every topic the group reads: <c>topics</c>, else the one <see cref="Topic"/>.</summary>
    public IReadOnlyList<string> Topics => Scaling is { Topics.Count: > 0 } s ? s.Topics : [Topic];
}

/// <summary>One connector of a Connect group.</summary>
public sealed record ConnectorConfig(
    int Index,
    string Name,
    string Class,
    ConnectorKind Kind,
    IReadOnlyList<string> Topics,
    int? TasksMax,
    IReadOnlyDictionary<string, string> Config);

/// <summary><c>kafka-infra:connect[].plugin</c>: the connector plugin archive MSK Connect runs (required on msk: stacks).</summary>
/// <param name="S3BucketArn">ARN of the S3 bucket holding the archive (arn:aws:s3:::bucket).</param>
/// <param name="S3FileKey">Object key of the archive in that bucket.</param>
/// <param name="ContentType">ZIP or JAR.</param>
public sealed record ConnectPluginConfig(string S3BucketArn, string S3FileKey, string ContentType);

/// <summary><c>kafka-infra:connect[].policyStatements[]</c>: one extra Allow statement of the MSK Connect execution role.</summary>
public sealed record PolicyStatementConfig(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);

/// <summary>One entry of <c>kafka-infra:connect</c>: a Kafka Connect worker group.</summary>
public sealed record ConnectGroupConfig(
    int Index,
    string Name,
    int Replicas,
    int? MaxReplicas,
    long LagThreshold,
    string? Image,
    ResourcesConfig? Resources,
    IReadOnlyList<ConnectorConfig> Connectors,
    string? AwsRoleArn = null,
    ConnectPluginConfig? Plugin = null,
    IReadOnlyList<PolicyStatementConfig>? PolicyStatements = null,
    IReadOnlyDictionary<string, string>? WorkerConfig = null,
    ConnectBuildConfig? Build = null)
{
    /// <summary><c>connect[].listener</c>: the Strimzi listener the workers connect through (null: the default one).</summary>
    public string? Listener { get; init; }

    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Connect)}[{Index}]";
}

/// <summary>One entry of <c>kafka-infra:ksqldb</c>: a ksqlDB server group sharing one service id.</summary>
public sealed record KsqlDbGroupConfig(
    int Index,
    string Name,
    int Replicas,
    string ServiceId,
    IReadOnlyList<string> Topics,
    string? Image,
    bool Headless,
    ResourcesConfig? Resources,
    string? AwsRoleArn = null)
{
    /// <summary><c>ksqldb[].listener</c>: the Strimzi listener the servers connect through (null: the default one).</summary>
    public string? Listener { get; init; }

    /// <summary><c>ksqldb[].authentication</c>: the MSK mechanism the servers log in with (null: the cluster's first).</summary>
    public MskAuthentication? Authentication { get; init; }

    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.KsqlDb)}[{Index}]";
}
