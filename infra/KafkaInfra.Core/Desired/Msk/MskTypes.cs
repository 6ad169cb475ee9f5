namespace KafkaInfra.Core.Desired.Msk;

/// <summary>Pulumi type tokens of every resource an msk: stack declares (the Pulumi program maps each to its typed class).</summary>
public static class MskTypes
{
    /// <summary><c>Pulumi.Aws.Kms.Key</c>.</summary>
    public const string KmsKey = "aws:kms/key:Key";

    /// <summary><c>Pulumi.Aws.CloudWatch.LogGroup</c>.</summary>
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";

    /// <summary><c>Pulumi.Aws.Msk.Configuration</c>.</summary>
    public const string Configuration = "aws:msk/configuration:Configuration";

    /// <summary><c>Pulumi.Aws.Msk.Cluster</c>.</summary>
    public const string Cluster = "aws:msk/cluster:Cluster";

    /// <summary><c>Pulumi.Aws.Msk.ServerlessCluster</c>.</summary>
    public const string ServerlessCluster = "aws:msk/serverlessCluster:ServerlessCluster";

    /// <summary><c>Pulumi.Aws.AppAutoScaling.Target</c>.</summary>
    public const string ScalingTarget = "aws:appautoscaling/target:Target";

    /// <summary><c>Pulumi.Aws.AppAutoScaling.Policy</c>.</summary>
    public const string ScalingPolicy = "aws:appautoscaling/policy:Policy";

    /// <summary><c>Pulumi.Kafka.Provider</c>.</summary>
    public const string KafkaProvider = "pulumi:providers:kafka";

    /// <summary><c>Pulumi.Kafka.Topic</c>.</summary>
    public const string Topic = "kafka:index/topic:Topic";

    /// <summary><c>Pulumi.Aws.Iam.Policy</c> (its <c>policy</c> input is the C# property <c>PolicyDocument</c>).</summary>
    public const string IamPolicy = "aws:iam/policy:Policy";

    /// <summary><c>Pulumi.Aws.Iam.Role</c>.</summary>
    public const string IamRole = "aws:iam/role:Role";

    /// <summary><c>Pulumi.Aws.Iam.RolePolicyAttachment</c>.</summary>
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    /// <summary><c>Pulumi.Aws.MskConnect.CustomPlugin</c>.</summary>
    public const string CustomPlugin = "aws:mskconnect/customPlugin:CustomPlugin";

    /// <summary><c>Pulumi.Aws.MskConnect.WorkerConfiguration</c>.</summary>
    public const string WorkerConfiguration = "aws:mskconnect/workerConfiguration:WorkerConfiguration";

    /// <summary><c>Pulumi.Aws.MskConnect.Connector</c>.</summary>
    public const string Connector = "aws:mskconnect/connector:Connector";

    /// <summary>Every token above, in the order resources are declared.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        KmsKey, LogGroup, Configuration, Cluster, ServerlessCluster, ScalingTarget, ScalingPolicy, KafkaProvider, Topic,
        IamPolicy, IamRole, RolePolicyAttachment, CustomPlugin, WorkerConfiguration, Connector,
    ];
}
