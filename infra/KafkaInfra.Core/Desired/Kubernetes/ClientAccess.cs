using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>How a Kubernetes workload (ksqlDB, KEDA's Kafka scaler) authenticates to the brokers.</summary>
public enum ClientSecurity
{
    /// <summary>SASL SCRAM-SHA-512 over TLS (Strimzi's <c>tls</c> listener; MSK's SCRAM listener).</summary>
    ScramTls,

    /// <summary>SASL SCRAM-SHA-512 without TLS (a Strimzi listener with <c>tls: false</c>, such as the dev-only plain one).</summary>
    ScramPlain,

    /// <summary>No TLS, no authentication. Not Strimzi's <c>plain</c> listener, which authenticates with SCRAM-SHA-512.</summary>
    Plain,

    /// <summary>MSK IAM: SASL OAUTHBEARER/AWS_MSK_IAM over TLS, signed with the pod's (or KEDA's) AWS identity.</summary>
    MskIam,

    /// <summary>TLS encryption only (MSK's TLS listener; brokers present Amazon-issued certificates).</summary>
    Tls,
}

/// <summary>
/// Everything a workload renderer needs to reach the brokers, independent of the platform.
/// </summary>
/// <param name="BootstrapServers">A literal <c>host:port[,host:port]</c> string, or the MSK cluster's bootstrap output.</param>
/// <param name="Security">Protocol and mechanism.</param>
/// <param name="CaSecretName">Secret holding the PEM CA that signed the broker certificates, in the workload's namespace;
/// null to trust the JVM / system defaults (MSK's Amazon-issued certificates).</param>
/// <param name="CaSecretKey">Key of the CA in <see cref="CaSecretName"/>.</param>
/// <param name="CaTruststore">The PKCS12 truststore (and its password key) in <see cref="CaSecretName"/>, for JVM clients
/// whose truststore type cannot be PEM (ksqlDB); null when the Secret holds none.</param>
/// <param name="AwsRegion">Region for MSK IAM token signing (KEDA's <c>awsRegion</c>); null leaves it to the Pulumi program (aws:region).</param>
/// <param name="ListenerName">Strimzi: the listener clients use (what a KafkaAccess names in <c>spec.kafka.listener</c>); null on MSK.</param>
public sealed record ClientAccess(
    Cloud.Text BootstrapServers,
    ClientSecurity Security,
    string? CaSecretName = null,
    string CaSecretKey = KafkaResources.ClusterCaCertKey,
    Pkcs12Truststore? CaTruststore = null,
    string? AwsRegion = null,
    string? ListenerName = null)
{
    /// <summary>Strimzi's default TLS + SCRAM-SHA-512 listener named <c>tls</c> of cluster <paramref name="cluster"/> in <paramref name="kafkaNamespace"/>.</summary>
    public static ClientAccess Strimzi(string cluster, string kafkaNamespace) => Strimzi(cluster, kafkaNamespace, StrimziDefaults.TlsListener);

    /// <summary>
    /// How an in-cluster client reaches Strimzi cluster <paramref name="cluster"/> through <paramref name="listener"/>: the
    /// listener's bootstrap service and port, SCRAM-SHA-512 with or without TLS, and the cluster CA when TLS is on. The one
    /// place a client's listener choice becomes an address (consumers' KEDA triggers, Connect, ksqlDB, KafkaAccess).
    /// </summary>
    public static ClientAccess Strimzi(string cluster, string kafkaNamespace, StrimziListenerConfig listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var bootstrap = listener.Bootstrap(cluster, kafkaNamespace);
        return listener.Tls
            ? new(bootstrap, ClientSecurity.ScramTls, KafkaResources.ClusterCaSecret(cluster),
                CaTruststore: new Pkcs12Truststore(KafkaResources.ClusterCaP12Key, KafkaResources.ClusterCaPasswordKey), ListenerName: listener.Name)
            : new(bootstrap, ClientSecurity.ScramPlain, ListenerName: listener.Name);
    }

    /// <summary>True when the bootstrap value is a literal (not another resource's output).</summary>
    public bool IsLiteral => BootstrapServers is Cloud.Text.Literal;

    /// <summary>Whether this mode authenticates with a per-client user name and password Secret.</summary>
    public bool UsesPassword => Security is ClientSecurity.ScramTls or ClientSecurity.ScramPlain;

    /// <summary>Whether this mode encrypts with TLS.</summary>
    public bool UsesTls => Security is ClientSecurity.ScramTls or ClientSecurity.MskIam or ClientSecurity.Tls;
}

/// <summary>A PKCS12 truststore stored in a Secret: the key of the store and the key of its password.</summary>
public sealed record Pkcs12Truststore(string StoreKey, string PasswordKey);

/// <summary>
/// A client's SCRAM identity: the user name, and the Secret (in the workload's namespace) holding <c>password</c>
/// and <c>sasl.jaas.config</c> — the shape Strimzi's User Operator writes for a <c>KafkaUser</c>.
/// </summary>
public sealed record ClientIdentity(string Username, string SecretName)
{
    public const string PasswordKey = "password";

    public const string JaasConfigKey = "sasl.jaas.config";
}
