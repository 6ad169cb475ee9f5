namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>
/// <c>kafka:index/acl:Acl</c> (pulumi-kafka 3.13, bridging Mongey/terraform-provider-kafka <c>kafka_acl</c>): allow
/// <paramref name="AclOperation"/> to <paramref name="AclPrincipal"/> on one resource pattern. Values are the provider's
/// spellings: resource types Topic, Group, Cluster, TransactionalID; patterns Literal, Prefixed; permission Allow.
/// </summary>
public sealed record KafkaAclSpec(
    string AclPrincipal,
    string AclHost,
    string AclOperation,
    string AclPermissionType,
    string AclResourceName,
    string AclResourceType,
    string ResourcePatternTypeFilter) : CloudSpec;

/// <summary>
/// <c>kafka:index/quota:Quota</c> (pulumi-kafka 3.13, bridging Mongey/terraform-provider-kafka <c>kafka_quota</c>,
/// <c>kafka/resource_kafka_quota.go</c>): the quotas of entity <paramref name="EntityName"/> of type
/// <paramref name="EntityType"/> (<c>user</c>, <c>client-id</c> or <c>ip</c>). <paramref name="Config"/> holds Kafka's
/// quota keys (<c>producer_byte_rate</c>, <c>consumer_byte_rate</c>, <c>request_percentage</c>) as decimal strings:
/// the Pulumi SDK's <c>QuotaArgs.Config</c> is a map of strings (the Terraform schema parses them as numbers). Every
/// input forces a replacement.
/// </summary>
public sealed record KafkaQuotaSpec(string EntityName, string EntityType, StringMap Config) : CloudSpec;

/// <summary>
/// <c>aws:secretsmanager/secret:Secret</c> holding one SCRAM user for MSK: the name must start with <c>AmazonMSK_</c>
/// and the secret must be encrypted with a customer-managed KMS key (MSK developer guide, "Sign-in credentials
/// authentication with AWS Secrets Manager"; platform-facts.md 8.4).
/// </summary>
public sealed record SecretSpec(string Name, string Description, Text KmsKeyId, StringMap Tags) : CloudSpec;

/// <summary>
/// <c>aws:secretsmanager/secretVersion:SecretVersion</c> of a SCRAM secret. Its <c>secretString</c> is the JSON
/// <c>{"username": ..., "password": ...}</c> MSK reads; the password is never in the spec: the program reads it from
/// the secret stack config <paramref name="PasswordConfigKey"/> and the value stays a Pulumi secret.
/// </summary>
public sealed record ScramSecretVersionSpec(Text SecretId, string Username, string PasswordConfigKey) : CloudSpec;

/// <summary><c>aws:msk/scramSecretAssociation:ScramSecretAssociation</c>: the SCRAM secrets an MSK cluster accepts.</summary>
public sealed record ScramSecretAssociationSpec(Text ClusterArn, IReadOnlyList<Text> SecretArnLists) : CloudSpec;

/// <summary>
/// <c>aws:eks/podIdentityAssociation:PodIdentityAssociation</c>: pods of <paramref name="ServiceAccount"/> in
/// <paramref name="Namespace"/> on EKS cluster <paramref name="ClusterName"/> receive the role's credentials.
/// </summary>
public sealed record PodIdentityAssociationSpec(string ClusterName, string Namespace, string ServiceAccount, Text RoleArn, StringMap Tags) : CloudSpec;
