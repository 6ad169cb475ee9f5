namespace KafkaInfra.Core.Desired.Cloud;

// Inputs of the MSK Connect resources (aws:mskconnect/*), named and nested as the pulumi-aws schema names them.

/// <summary><c>aws:mskconnect/customPlugin:CustomPlugin</c>: connector plugins from an S3 object.</summary>
public sealed record CustomPluginSpec(string Name, string Description, string ContentType, PluginLocation Location) : CloudSpec;

/// <summary><c>location</c>.</summary>
public sealed record PluginLocation(S3Object S3);

/// <summary>The bucket ARN and object key.</summary>
public sealed record S3Object(string BucketArn, string FileKey);

/// <summary><c>aws:mskconnect/workerConfiguration:WorkerConfiguration</c>: worker properties text.</summary>
public sealed record WorkerConfigurationSpec(string Name, string Description, string PropertiesFileContent) : CloudSpec;

/// <summary><c>aws:mskconnect/connector:Connector</c>.</summary>
public sealed record ConnectorSpec(
    string Name,
    string Description,
    string KafkaconnectVersion,
    ConnectorCapacity Capacity,
    StringMap ConnectorConfiguration,
    ConnectorKafkaCluster KafkaCluster,
    ConnectorClientAuthentication KafkaClusterClientAuthentication,
    ConnectorEncryptionInTransit KafkaClusterEncryptionInTransit,
    IReadOnlyList<ConnectorPlugin> Plugins,
    ArnAndRevision WorkerConfiguration,
    Text ServiceExecutionRoleArn,
    StringMap Tags,
    ConnectorLogDelivery? LogDelivery = null) : CloudSpec;

/// <summary>Where MSK Connect delivers worker logs.</summary>
public sealed record ConnectorLogDelivery(WorkerLogDelivery WorkerLogDelivery);

/// <summary>Worker log destinations (CloudWatch Logs only here).</summary>
public sealed record WorkerLogDelivery(CloudwatchLogs CloudwatchLogs);

/// <summary>Exactly one of auto scaling or a fixed worker count.</summary>
public sealed record ConnectorCapacity(ConnectorAutoscaling? Autoscaling, ProvisionedCapacity? ProvisionedCapacity);

/// <summary>Workers between min and max, scaled on CPU.</summary>
public sealed record ConnectorAutoscaling(int McuCount, int MinWorkerCount, int MaxWorkerCount, CpuPolicy ScaleInPolicy, CpuPolicy ScaleOutPolicy);

/// <summary>A CPU threshold in percent.</summary>
public sealed record CpuPolicy(int CpuUtilizationPercentage);

/// <summary>A fixed number of workers.</summary>
public sealed record ProvisionedCapacity(int McuCount, int WorkerCount);

/// <summary><c>kafkaCluster</c>.</summary>
public sealed record ConnectorKafkaCluster(ApacheKafkaCluster ApacheKafkaCluster);

/// <summary>The cluster's bootstrap string and the VPC workers run in.</summary>
public sealed record ApacheKafkaCluster(Text BootstrapServers, ConnectorVpc Vpc);

/// <summary>Security groups and subnets of the workers.</summary>
public sealed record ConnectorVpc(IReadOnlyList<string> SecurityGroups, IReadOnlyList<string> Subnets);

/// <summary><c>IAM</c> or <c>NONE</c>.</summary>
public sealed record ConnectorClientAuthentication(string AuthenticationType);

/// <summary><c>TLS</c> or <c>PLAINTEXT</c>.</summary>
public sealed record ConnectorEncryptionInTransit(string EncryptionType);

/// <summary>A custom plugin by ARN and revision.</summary>
public sealed record ConnectorPlugin(ArnAndRevision CustomPlugin);
