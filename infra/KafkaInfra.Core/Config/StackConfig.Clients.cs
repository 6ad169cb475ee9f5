namespace KafkaInfra.Core.Config;

/// <summary>How a <c>kafka-infra:users[]</c> principal authenticates (Strimzi <c>KafkaUser.spec.authentication.type</c>).</summary>
public enum UserAuthentication
{
    /// <summary>SASL SCRAM-SHA-512: the User Operator writes <c>password</c> and <c>sasl.jaas.config</c>.</summary>
    ScramSha512,

    /// <summary>Mutual TLS: the User Operator writes <c>user.crt</c> and <c>user.key</c> signed by the clients CA.</summary>
    Tls,
}

/// <summary>
/// Broker quotas of one client (Strimzi <c>KafkaUser.spec.quotas</c>, <c>044-Crd-kafkauser.yaml</c>: integers ≥ 0;
/// byte rates are bytes per second per broker, <c>requestPercentage</c> is the share of network and I/O thread time).
/// Null fields are not set.
/// </summary>
public sealed record ClientQuotas(int? ProducerByteRate, int? ConsumerByteRate, int? RequestPercentage)
{
    /// <summary>True when no quota is set.</summary>
    public bool IsEmpty => ProducerByteRate is null && ConsumerByteRate is null && RequestPercentage is null;
}

/// <summary>One entry of <c>kafka-infra:producers</c>: an application that writes to its topics.</summary>
public sealed record ProducerConfig(
    int Index,
    string Name,
    string Namespace,
    IReadOnlyList<string> Topics,
    string? TransactionalIdPrefix,
    ClientQuotas? Quotas,
    string? AwsRoleArn = null,
    string? Listener = null)
{
    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Producers)}[{Index}]";
}

/// <summary>The resource of one ACL rule of a <c>kafka-infra:users[]</c> principal.</summary>
/// <param name="Type">topic, group, cluster or transactionalId (the KafkaUser CRD's enum).</param>
/// <param name="Name">Resource name; null for <c>cluster</c>.</param>
/// <param name="PatternType">literal or prefix.</param>
public sealed record AclResource(string Type, string? Name, string PatternType);

/// <summary>One ACL rule (allow) of a <c>kafka-infra:users[]</c> principal.</summary>
public sealed record AclRule(AclResource Resource, IReadOnlyList<string> Operations, string Host);

/// <summary>One entry of <c>kafka-infra:users</c>: any other principal (admin tools, external applications) with explicit ACLs.</summary>
/// <param name="Namespace">Strimzi: where a KafkaAccess binds its credentials (<c>users[].namespace</c>); null keeps
/// them only in the User Operator's Secret in the Kafka namespace.</param>
/// <param name="Listener">Strimzi: the listener its binding names (<c>users[].listener</c>); null picks the first
/// in-cluster listener that accepts its authentication.</param>
public sealed record UserConfig(
    int Index,
    string Name,
    UserAuthentication Authentication,
    IReadOnlyList<AclRule> Acls,
    ClientQuotas? Quotas,
    string? Namespace = null,
    string? Listener = null)
{
    public string Path => $"{ConfigKeys.Qualified(ConfigKeys.Users)}[{Index}]";
}
