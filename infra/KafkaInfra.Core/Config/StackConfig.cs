namespace KafkaInfra.Core.Config;

/// <summary><c>kafka-infra:environment</c>. Prod turns unsafe settings into errors.</summary>
public enum DeploymentEnvironment
{
    Dev,
    Prod,
}

/// <summary>How clients authenticate to MSK (<c>cluster.msk.authentication</c>).</summary>
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
    string? EnvironmentName = null)
{
    public bool IsProd => Environment == DeploymentEnvironment.Prod;

    /// <summary>The environment as the stack names it (<c>staging</c>); <see cref="Environment"/> is the rules it follows.</summary>
    public string EnvironmentLabel => EnvironmentName ?? Environment.ToString().ToLowerInvariant();

    /// <summary>"staging (prod rules)" for a named environment, else "prod" / "dev".</summary>
    public string EnvironmentDescription =>
        string.Equals(EnvironmentLabel, Environment.ToString(), StringComparison.OrdinalIgnoreCase) ? EnvironmentLabel : $"{EnvironmentLabel} ({Environment.ToString().ToLowerInvariant()} rules)";
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
    ResourcesConfig? BrokerResources);

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
}

/// <summary><c>kafka-infra:topicDefaults</c>.</summary>
public sealed record TopicDefaultsConfig(int ReplicationFactor, int MinInsyncReplicas, int RetentionHours, int MessageBytes);

/// <summary>One entry of <c>kafka-infra:topics</c>. <see cref="Index"/> is its position, for error paths.</summary>
public sealed record TopicConfig(
    int Index,
    string Name,
    long MessagesPerSecond,
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

    /// <summary>The rate storage is sized for: the average when given, else the peak (<see cref="MessagesPerSecond"/>).</summary>
    public long StorageMessagesPerSecond => AverageMessagesPerSecond ?? MessagesPerSecond;
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
    string? ServiceAccount = null)
{
    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Consumers)}[{Index}]";
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
    IReadOnlyDictionary<string, string>? WorkerConfig = null)
{
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
    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.KsqlDb)}[{Index}]";
}
