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

    /// <summary>
    /// Mutual TLS: the client presents a certificate the Strimzi clients CA signed (a listener with
    /// <c>authentication: tls</c>); its KafkaUser has <c>authentication.type: tls</c> and principal <c>CN=&lt;user&gt;</c>.
    /// </summary>
    MutualTls,
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
    /// listener's bootstrap service and port, how it authenticates (SCRAM-SHA-512, a client certificate, or nothing), and
    /// the cluster CA when TLS is on. The one place a client's listener choice becomes an address and a login (consumers'
    /// KEDA triggers, Connect, ksqlDB, KafkaAccess, the KafkaUser's <c>authentication.type</c>).
    /// </summary>
    public static ClientAccess Strimzi(string cluster, string kafkaNamespace, StrimziListenerConfig listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var bootstrap = listener.Bootstrap(cluster, kafkaNamespace);
        var security = (listener.Authentication, listener.Tls) switch
        {
            (ListenerAuthentication.ScramSha512, true) => ClientSecurity.ScramTls,
            (ListenerAuthentication.ScramSha512, false) => ClientSecurity.ScramPlain,
            (ListenerAuthentication.Tls, _) => ClientSecurity.MutualTls, // the loader refuses authentication: tls without tls: true
            (_, true) => ClientSecurity.Tls,
            _ => ClientSecurity.Plain,
        };
        return listener.Tls
            ? new(bootstrap, security, KafkaResources.ClusterCaSecret(cluster),
                CaTruststore: new Pkcs12Truststore(KafkaResources.ClusterCaP12Key, KafkaResources.ClusterCaPasswordKey), ListenerName: listener.Name)
            : new(bootstrap, security, ListenerName: listener.Name);
    }

    /// <summary>True when the bootstrap value is a literal (not another resource's output).</summary>
    public bool IsLiteral => BootstrapServers is Cloud.Text.Literal;

    /// <summary>Whether this mode authenticates with a per-client user name and password Secret.</summary>
    public bool UsesPassword => Security is ClientSecurity.ScramTls or ClientSecurity.ScramPlain;

    /// <summary>Whether this mode authenticates with a per-client certificate and key (mutual TLS).</summary>
    public bool UsesCertificate => Security is ClientSecurity.MutualTls;

    /// <summary>Whether this mode encrypts with TLS.</summary>
    public bool UsesTls => Security is ClientSecurity.ScramTls or ClientSecurity.MskIam or ClientSecurity.Tls or ClientSecurity.MutualTls;

    /// <summary>
    /// The Strimzi <c>KafkaUser.spec.authentication.type</c> a client with this access needs: <c>scram-sha-512</c>,
    /// <c>tls</c>, or null when the listener authenticates nobody (no KafkaUser can log in there).
    /// </summary>
    public string? KafkaUserAuthentication => Security switch
    {
        ClientSecurity.ScramTls or ClientSecurity.ScramPlain => "scram-sha-512",
        ClientSecurity.MutualTls => "tls",
        _ => null,
    };
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

    /// <summary>
    /// Keys the User Operator writes for a KafkaUser with <c>authentication.type: tls</c>: the clients CA, the user's PEM
    /// certificate and key, and (with <c>STRIMZI_PKCS12_KEYSTORE_GENERATION</c>, default true) a PKCS12 keystore and its
    /// password (strimzi 1.2.0 : user-operator/.../model/KafkaUserModel.java generateSecret; UserOperatorConfig.java).
    /// </summary>
    public const string CertificateKey = "user.crt";

    /// <inheritdoc cref="CertificateKey"/>
    public const string PrivateKeyKey = "user.key";

    /// <inheritdoc cref="CertificateKey"/>
    public const string KeystoreKey = "user.p12";

    /// <inheritdoc cref="CertificateKey"/>
    public const string KeystorePasswordKey = "user.password";
}
