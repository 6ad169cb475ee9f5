namespace KafkaInfra.Core.Config;

/// <summary>Names of the client principals and their credentials: producers, KEDA's identity, KafkaAccess bindings.</summary>
public static partial class KafkaResources
{
    /// <summary>The name of Strimzi's internal TLS + SCRAM-SHA-512 listener that clients use (the project's listener layout).</summary>
    public const string StrimziTlsListener = "tls";

    /// <summary>The KafkaUser name a producer wants: <c>&lt;ns&gt;-&lt;producer&gt;-producer</c> (made unique by <see cref="UniqueNames"/>).</summary>
    public static string ProducerUser(ProducerConfig p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return $"{p.Namespace}-{p.Name}-producer";
    }

    /// <summary>The KafkaUser of KEDA's describe-only identity: <c>&lt;cluster&gt;-keda</c>.</summary>
    public static string KedaUser(string cluster) => cluster + "-keda";

    /// <summary>
    /// KEDA's describe-only identity for triggers on listeners with <c>authentication: tls</c> (a SCRAM user cannot log
    /// in there): KafkaUser <c>&lt;cluster&gt;-keda-tls</c>, its binding <c>&lt;cluster&gt;-keda-tls-kafka</c> and
    /// ClusterTriggerAuthentication <c>&lt;cluster&gt;-kafka-tls</c>.
    /// </summary>
    public static string KedaTlsUser(string cluster) => cluster + "-keda-tls";

    /// <inheritdoc cref="KedaTlsUser"/>
    public static string KedaTlsBinding(string cluster) => cluster + "-keda-tls-kafka";

    /// <inheritdoc cref="KedaTlsUser"/>
    public static string KedaTlsClusterTriggerAuthentication(string cluster) => cluster + "-kafka-tls";

    /// <summary>The KafkaAccess and binding Secret of a <c>users[]</c> principal in <c>users[].namespace</c>: <c>&lt;user&gt;-user-kafka</c>.</summary>
    public static string UserBinding(string user) => user + "-user-kafka";

    /// <summary>
    /// The KafkaAccess, and the binding Secret the Access Operator writes under the same name (its default when
    /// <c>spec.secretName</c> is unset; kafka-access-operator 0.3.0 <c>KafkaAccessReconciler.determineSecretName</c>), of a
    /// consumer in its namespace: <c>&lt;consumer&gt;-kafka</c>.
    /// </summary>
    public static string ConsumerBinding(string consumer) => consumer + "-kafka";

    /// <summary>The KafkaAccess and binding Secret of a producer in its namespace: <c>&lt;producer&gt;-producer-kafka</c>.</summary>
    public static string ProducerBinding(string producer) => producer + "-producer-kafka";

    /// <summary>The KafkaAccess and binding Secret of KEDA's identity in KEDA's namespace: <c>&lt;cluster&gt;-keda-kafka</c>.</summary>
    public static string KedaBinding(string cluster) => cluster + "-keda-kafka";

    /// <summary>The cluster-scoped ClusterTriggerAuthentication every Strimzi KEDA trigger refers to: <c>&lt;cluster&gt;-kafka</c>.</summary>
    public static string KedaClusterTriggerAuthentication(string cluster) => cluster + "-kafka";

    /// <summary>Keys of the binding Secret the Access Operator 0.3.0 writes (<c>KafkaListener</c> and <c>KafkaUserData.getConnectionSecretData</c>).</summary>
    public static class BindingKeys
    {
        public const string BootstrapServers = "bootstrap.servers";
        public const string SecurityProtocol = "security.protocol";
        public const string Username = "username";
        public const string Password = "password";
        public const string SaslJaasConfig = "sasl.jaas.config";
        public const string SaslMechanism = "sasl.mechanism";

        /// <summary>The cluster CA (PEM), copied from <c>ca.crt</c> of <c>&lt;cluster&gt;-cluster-ca-cert</c> when the listener uses TLS.</summary>
        public const string TruststoreCrt = "ssl.truststore.crt";

        /// <summary>mTLS users: the user certificate and key (from <c>user.crt</c> / <c>user.key</c>).</summary>
        public const string KeystoreCrt = "ssl.keystore.crt";

        /// <inheritdoc cref="KeystoreCrt"/>
        public const string KeystoreKey = "ssl.keystore.key";
    }
}
