using System.Text.Json.Serialization;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>
/// Source-generated JSON contracts of every spec and of policy documents, so <see cref="CloudJson"/> serializes
/// without reflection and the published tool runs as Native AOT. A new spec type must be added here: serializing a
/// type missing from this list throws, and the golden renders and stack tests serialize every spec type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomPluginSpec))]
[JsonSerializable(typeof(WorkerConfigurationSpec))]
[JsonSerializable(typeof(ConnectorSpec))]
[JsonSerializable(typeof(IamPolicySpec))]
[JsonSerializable(typeof(IamRoleSpec))]
[JsonSerializable(typeof(RolePolicyAttachmentSpec))]
[JsonSerializable(typeof(KafkaProviderSpec))]
[JsonSerializable(typeof(KafkaTopicSpec))]
[JsonSerializable(typeof(KmsKeySpec))]
[JsonSerializable(typeof(LogGroupSpec))]
[JsonSerializable(typeof(MskConfigurationSpec))]
[JsonSerializable(typeof(MskClusterSpec))]
[JsonSerializable(typeof(MskServerlessClusterSpec))]
[JsonSerializable(typeof(ScalingTargetSpec))]
[JsonSerializable(typeof(ScalingPolicySpec))]
[JsonSerializable(typeof(SecretSpec))]
[JsonSerializable(typeof(ScramSecretVersionSpec))]
[JsonSerializable(typeof(ScramSecretAssociationSpec))]
[JsonSerializable(typeof(KafkaAclSpec))]
[JsonSerializable(typeof(KafkaQuotaSpec))]
[JsonSerializable(typeof(PodIdentityAssociationSpec))]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class CloudJsonContext : JsonSerializerContext;
