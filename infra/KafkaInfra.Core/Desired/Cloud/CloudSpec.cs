namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>
/// The typed inputs of one AWS or Kafka-provider resource, Pulumi-free. Each derived record mirrors the inputs of one
/// Pulumi resource class (property names are the schema's input names, so <c>kafka-infra render</c> writes them
/// camelCase as the schema does); the Pulumi program assigns them to that class's <c>Args</c> in one switch.
/// Nested values are records or immutable lists; references to other resources are <see cref="Text"/> or
/// <see cref="OutputRef"/> values.
/// </summary>
public abstract record CloudSpec
{
    private protected CloudSpec()
    {
    }
}

/// <summary>Facts about each kind of spec that are not inputs: its Pulumi type token (for render and messages) and the outputs it provides.</summary>
public static class CloudSpecs
{
    /// <summary>Every spec type, in the order resources are declared.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(KmsKeySpec), typeof(LogGroupSpec), typeof(MskConfigurationSpec), typeof(MskClusterSpec), typeof(MskServerlessClusterSpec),
        typeof(ScalingTargetSpec), typeof(ScalingPolicySpec), typeof(KafkaProviderSpec), typeof(KafkaTopicSpec),
        typeof(IamPolicySpec), typeof(IamRoleSpec), typeof(RolePolicyAttachmentSpec),
        typeof(CustomPluginSpec), typeof(WorkerConfigurationSpec), typeof(ConnectorSpec),
        typeof(SecretSpec), typeof(ScramSecretVersionSpec), typeof(ScramSecretAssociationSpec), typeof(KafkaAclSpec), typeof(KafkaQuotaSpec),
        typeof(PodIdentityAssociationSpec),
    ];

    /// <summary>The Pulumi type token of the resource class a spec maps to (e.g. <c>aws:msk/cluster:Cluster</c>).</summary>
    public static string TypeToken(CloudSpec spec) => spec switch
    {
        KmsKeySpec => "aws:kms/key:Key",
        LogGroupSpec => "aws:cloudwatch/logGroup:LogGroup",
        MskConfigurationSpec => "aws:msk/configuration:Configuration",
        MskClusterSpec => "aws:msk/cluster:Cluster",
        MskServerlessClusterSpec => "aws:msk/serverlessCluster:ServerlessCluster",
        ScalingTargetSpec => "aws:appautoscaling/target:Target",
        ScalingPolicySpec => "aws:appautoscaling/policy:Policy",
        KafkaProviderSpec => "pulumi:providers:kafka",
        KafkaTopicSpec => "kafka:index/topic:Topic",
        IamPolicySpec => "aws:iam/policy:Policy",
        IamRoleSpec => "aws:iam/role:Role",
        RolePolicyAttachmentSpec => "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        CustomPluginSpec => "aws:mskconnect/customPlugin:CustomPlugin",
        WorkerConfigurationSpec => "aws:mskconnect/workerConfiguration:WorkerConfiguration",
        ConnectorSpec => "aws:mskconnect/connector:Connector",
        SecretSpec => "aws:secretsmanager/secret:Secret",
        ScramSecretVersionSpec => "aws:secretsmanager/secretVersion:SecretVersion",
        ScramSecretAssociationSpec => "aws:msk/scramSecretAssociation:ScramSecretAssociation",
        KafkaAclSpec => "kafka:index/acl:Acl",
        KafkaQuotaSpec => "kafka:index/quota:Quota",
        PodIdentityAssociationSpec => "aws:eks/podIdentityAssociation:PodIdentityAssociation",
        _ => throw new ArgumentException($"unknown spec {spec?.GetType().Name}", nameof(spec)),
    };

    /// <summary>The outputs other resources may refer to (the Pulumi program reads exactly these).</summary>
    public static IReadOnlyList<CloudOutput> Outputs(CloudSpec spec) => spec switch
    {
        MskClusterSpec => [CloudOutput.Arn, CloudOutput.BootstrapBrokersSaslIam, CloudOutput.BootstrapBrokersSaslScram, CloudOutput.BootstrapBrokersTls],
        MskServerlessClusterSpec => [CloudOutput.Arn, CloudOutput.BootstrapBrokersSaslIam],
        MskConfigurationSpec or CustomPluginSpec or WorkerConfigurationSpec => [CloudOutput.Arn, CloudOutput.LatestRevision],
        KmsKeySpec or SecretSpec => [CloudOutput.Arn],
        LogGroupSpec or IamRoleSpec or IamPolicySpec => [CloudOutput.Arn, CloudOutput.Name],
        ScalingTargetSpec => [CloudOutput.ResourceId],
        ScalingPolicySpec or ConnectorSpec => [CloudOutput.Arn],
        KafkaProviderSpec or RolePolicyAttachmentSpec or ScramSecretVersionSpec or ScramSecretAssociationSpec or KafkaAclSpec or KafkaQuotaSpec or PodIdentityAssociationSpec => [],
        KafkaTopicSpec => [CloudOutput.Name],
        _ => throw new ArgumentException($"unknown spec {spec?.GetType().Name}", nameof(spec)),
    };

    /// <summary>True for the specs of provider resources (which other resources name in <see cref="CloudResourceOptions.Provider"/>).</summary>
    public static bool IsProvider(CloudSpec spec) => spec is KafkaProviderSpec;
}
