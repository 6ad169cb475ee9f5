namespace KafkaInfra.Core.Desired.Cloud;

// Inputs of the MSK, KMS, CloudWatch Logs and Application Auto Scaling resources of an msk: stack, named and nested
// as the pulumi-aws schema names them (aws:msk/cluster:Cluster and its ClusterBrokerNodeGroupInfo... input types).

/// <summary><c>aws:kms/key:Key</c>: the key that encrypts the cluster at rest.</summary>
public sealed record KmsKeySpec(string Description, bool EnableKeyRotation, StringMap Tags) : CloudSpec;

/// <summary><c>aws:cloudwatch/logGroup:LogGroup</c>: where brokers log.</summary>
public sealed record LogGroupSpec(string Name, int RetentionInDays, StringMap Tags) : CloudSpec;

/// <summary><c>aws:msk/configuration:Configuration</c>: broker settings as <c>server.properties</c> text.</summary>
public sealed record MskConfigurationSpec(string Name, string Description, string ServerProperties) : CloudSpec;

/// <summary><c>aws:msk/cluster:Cluster</c>: a provisioned (Standard or Express) cluster.</summary>
public sealed record MskClusterSpec(
    string ClusterName,
    string KafkaVersion,
    int NumberOfBrokerNodes,
    BrokerNodeGroupInfo BrokerNodeGroupInfo,
    ArnAndRevision ConfigurationInfo,
    EncryptionInfo EncryptionInfo,
    ClusterClientAuthentication ClientAuthentication,
    OpenMonitoring OpenMonitoring,
    LoggingInfo LoggingInfo,
    Rebalancing? Rebalancing,
    StringMap Tags) : CloudSpec;

/// <summary>Brokers' instance type and network; <see cref="StorageInfo"/> is null on Express brokers (no EBS).</summary>
public sealed record BrokerNodeGroupInfo(string InstanceType, IReadOnlyList<string> ClientSubnets, IReadOnlyList<string> SecurityGroups, StorageInfo? StorageInfo)
{
    /// <summary><c>connectivityInfo</c>: multi-VPC private connectivity; null when off (not sent).</summary>
    public ConnectivityInfo? ConnectivityInfo { get; init; }
}

/// <summary><c>connectivityInfo</c>: only <c>vpcConnectivity</c> (public access is never turned on).</summary>
public sealed record ConnectivityInfo(VpcConnectivity VpcConnectivity);

/// <summary><c>connectivityInfo.vpcConnectivity</c>: the mechanisms clients in other VPCs may use over AWS PrivateLink.</summary>
public sealed record VpcConnectivity(VpcConnectivityClientAuthentication ClientAuthentication);

/// <summary><c>vpcConnectivity.clientAuthentication</c>: SASL (IAM, SCRAM) and TLS switches; null: not set.</summary>
public sealed record VpcConnectivityClientAuthentication(VpcConnectivitySasl? Sasl, bool? Tls);

/// <summary><c>vpcConnectivity.clientAuthentication.sasl</c>.</summary>
public sealed record VpcConnectivitySasl(bool? Iam, bool? Scram);

/// <summary><c>storageInfo</c>.</summary>
public sealed record StorageInfo(EbsStorageInfo EbsStorageInfo);

/// <summary>Per-broker EBS volume (GiB) and optional provisioned throughput.</summary>
public sealed record EbsStorageInfo(int VolumeSize, ProvisionedThroughput? ProvisionedThroughput);

/// <summary>Provisioned EBS throughput in MiB/s.</summary>
public sealed record ProvisionedThroughput(bool Enabled, int VolumeThroughput);

/// <summary>A versioned resource another refers to: its ARN and latest revision (MSK configuration, MSK Connect plugin or worker configuration).</summary>
public sealed record ArnAndRevision(OutputRef Arn, OutputRef Revision)
{
    /// <summary>The <c>arn</c> and <c>latestRevision</c> of the resource named <paramref name="resource"/>.</summary>
    public static ArnAndRevision Of(string resource) => new(new(resource, CloudOutput.Arn), new(resource, CloudOutput.LatestRevision));
}

/// <summary>Encryption at rest (a KMS key ARN, given or created) and in transit.</summary>
public sealed record EncryptionInfo(Text EncryptionAtRestKmsKeyArn, EncryptionInTransit EncryptionInTransit);

/// <summary>In-transit encryption between clients and brokers, and between brokers.</summary>
public sealed record EncryptionInTransit(string ClientBroker, bool InCluster);

/// <summary>How clients authenticate: SASL (IAM or SCRAM) or mutual TLS; never unauthenticated.</summary>
public sealed record ClusterClientAuthentication(ClusterSasl? Sasl, ClusterTls? Tls, bool Unauthenticated);

/// <summary>SASL mechanisms turned on (null: not set).</summary>
public sealed record ClusterSasl(bool? Iam = null, bool? Scram = null);

/// <summary>Mutual TLS: the ACM Private CAs that issue client certificates.</summary>
public sealed record ClusterTls(IReadOnlyList<string> CertificateAuthorityArns);

/// <summary>Open monitoring with Prometheus.</summary>
public sealed record OpenMonitoring(Prometheus Prometheus);

/// <summary>The JMX and node exporters on the brokers.</summary>
public sealed record Prometheus(Exporter JmxExporter, Exporter NodeExporter);

/// <summary>One exporter.</summary>
public sealed record Exporter(bool EnabledInBroker);

/// <summary>Broker logs.</summary>
public sealed record LoggingInfo(BrokerLogs BrokerLogs);

/// <summary>Where broker logs go.</summary>
public sealed record BrokerLogs(CloudwatchLogs CloudwatchLogs);

/// <summary>Broker logs to a CloudWatch log group.</summary>
public sealed record CloudwatchLogs(bool Enabled, Text LogGroup);

/// <summary>Intelligent rebalancing (Express brokers): <c>ACTIVE</c> or <c>PAUSED</c>.</summary>
public sealed record Rebalancing(string Status);

/// <summary><c>aws:msk/serverlessCluster:ServerlessCluster</c>.</summary>
public sealed record MskServerlessClusterSpec(string ClusterName, ServerlessClientAuthentication ClientAuthentication, IReadOnlyList<ServerlessVpcConfig> VpcConfigs, StringMap Tags) : CloudSpec;

/// <summary>Serverless clusters authenticate with IAM only.</summary>
public sealed record ServerlessClientAuthentication(ServerlessSasl Sasl);

/// <summary><c>sasl</c>.</summary>
public sealed record ServerlessSasl(ServerlessIam Iam);

/// <summary><c>sasl.iam</c>.</summary>
public sealed record ServerlessIam(bool Enabled);

/// <summary>A VPC the serverless cluster is reachable from.</summary>
public sealed record ServerlessVpcConfig(IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds);

/// <summary><c>aws:appautoscaling/target:Target</c>: what storage auto scaling may change, between min and max.</summary>
public sealed record ScalingTargetSpec(string ServiceNamespace, string ScalableDimension, Text ResourceId, int MinCapacity, int MaxCapacity, StringMap Tags) : CloudSpec;

/// <summary><c>aws:appautoscaling/policy:Policy</c>: target tracking on a predefined metric.</summary>
public sealed record ScalingPolicySpec(
    string Name,
    string PolicyType,
    string ServiceNamespace,
    string ScalableDimension,
    Text ResourceId,
    TargetTrackingConfiguration TargetTrackingScalingPolicyConfiguration) : CloudSpec;

/// <summary>Target tracking: the metric, its target value, and whether scale-in is off.</summary>
public sealed record TargetTrackingConfiguration(PredefinedMetric PredefinedMetricSpecification, double TargetValue, bool DisableScaleIn);

/// <summary>A predefined metric, e.g. <c>KafkaBrokerStorageUtilization</c>.</summary>
public sealed record PredefinedMetric(string PredefinedMetricType);
