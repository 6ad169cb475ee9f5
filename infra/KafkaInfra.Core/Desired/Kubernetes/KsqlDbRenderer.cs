using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>
/// A ksqlDB server group as a Deployment (every replica shares one <c>ksql.service.id</c>, so they form one ksqlDB
/// cluster and share the work) and a ClusterIP Service on the REST port. Shared by Strimzi and MSK stacks.
/// </summary>
public static class KsqlDbRenderer
{
    /// <summary>ksqlDB's REST port.</summary>
    public const int RestPort = 8088;

    /// <summary>JMX port opened for the TCP probes of headless servers (which have no REST endpoint).</summary>
    public const int JmxPort = 1099;

    /// <summary>
    /// Reads a <c>/healthcheck</c> body on stdin and exits 0 only when it says healthy: some <c>"isHealthy":true</c> and no
    /// <c>"isHealthy":false</c> (the top-level flag is false when any check in <c>details</c> is), whitespace ignored.
    /// </summary>
    public const string HealthyBodyFilter = "b=$(tr -d ' \\t\\r\\n'); case \"$b\" in *'\"isHealthy\":false'*) exit 1;; *'\"isHealthy\":true'*) exit 0;; *) exit 1;; esac";

    /// <summary>
    /// The readiness command: fetch <c>/healthcheck</c> and apply <see cref="HealthyBodyFilter"/> to its body. It relies on
    /// <c>sh</c> and <c>curl</c> in the server image (public Confluent scripts run curl inside the ksqlDB container); a custom
    /// <c>image</c> must keep them.
    /// </summary>
    public static string HealthyCommand => $"curl -fsS http://localhost:{Int(RestPort)}/healthcheck | {{ {HealthyBodyFilter}; }}";

    /// <summary>Where the cluster CA Secret is mounted.</summary>
    public const string CaMountPath = "/etc/kafka-ca";

    /// <summary>Where the KafkaUser Secret of a mutual-TLS group (its PKCS12 keystore) is mounted.</summary>
    public const string UserMountPath = "/etc/kafka-user";

    /// <summary>Where the queries Secret of a headless group is mounted.</summary>
    public const string QueriesMountPath = "/etc/ksqldb-queries";

    /// <summary>The Deployment and Service name of group <paramref name="group"/>.</summary>
    public static string WorkloadName(string group) => KafkaResources.KsqlDbWorkload(group);

    /// <summary>The Secret a headless group reads its SQL from (key <c>queries.sql</c>); the user provides it.</summary>
    public static string QueriesSecretName(string group) => $"ksqldb-{group}-queries";

    /// <summary>The Deployment and (unless headless) the Service of one ksqlDB group.</summary>
    /// <param name="group">The planned group.</param>
    /// <param name="ns">Namespace to run in (where the identity Secret and CA Secret live).</param>
    /// <param name="access">How to reach the brokers.</param>
    /// <param name="identity">The SCRAM identity when <paramref name="access"/> uses passwords; the Secret with the
    /// keystore when it uses a client certificate.</param>
    /// <param name="instance">The cluster name (common label).</param>
    public static IReadOnlyList<KubernetesObject> Build(KsqlDbGroupPlan group, string ns, ClientAccess access, ClientIdentity? identity, string instance)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(access);
        var g = group.Config;
        var name = WorkloadName(g.Name);
        var component = $"ksqldb/{g.Name}";
        var labels = KubeObjects.Labels(name, instance);
        var selector = labels.Where(l => l.Key is "app.kubernetes.io/name" or "app.kubernetes.io/instance").ToList();

        var env = new List<EnvVarModel>
        {
            new("KSQL_BOOTSTRAP_SERVERS", access.BootstrapServers),
            new("KSQL_KSQL_SERVICE_ID", g.ServiceId),
            new("KSQL_KSQL_STREAMS_REPLICATION_FACTOR", Int(group.InternalReplicationFactor)),
            new("KSQL_KSQL_INTERNAL_TOPIC_REPLICAS", Int(group.InternalReplicationFactor)),
            // ksql.internal.topic.min.insync.replicas (default 1) is set on the command topic at creation and overrides
            // the broker default (platform-facts 8.2): give it the planned min ISR.
            new("KSQL_KSQL_INTERNAL_TOPIC_MIN_INSYNC_REPLICAS", Int(group.InternalMinInsyncReplicas)),
            new("KSQL_KSQL_LOGGING_PROCESSING_TOPIC_REPLICATION_FACTOR", Int(group.InternalReplicationFactor)),
        };
        var volumes = new List<SecretVolumeModel>();
        env.AddRange(SecurityEnv(access, identity, volumes));

        ProbeModel readiness, liveness;
        var ports = new List<PortModel>();
        if (g.Headless)
        {
            // Headless servers disable their REST endpoint: probe the JMX port instead.
            volumes.Add(new SecretVolumeModel("queries", QueriesSecretName(g.Name), QueriesMountPath));
            env.Add(new EnvVarModel("KSQL_KSQL_QUERIES_FILE", QueriesMountPath + "/queries.sql"));
            env.Add(new EnvVarModel("JMX_PORT", Int(JmxPort)));
            ports.Add(new PortModel("jmx", JmxPort));
            readiness = new ProbeModel(JmxPort, null, InitialDelaySeconds: 30, PeriodSeconds: 10);
            liveness = new ProbeModel(JmxPort, null, InitialDelaySeconds: 60, PeriodSeconds: 20);
        }
        else
        {
            env.Add(new EnvVarModel("KSQL_LISTENERS", $"http://0.0.0.0:{RestPort}"));
            ports.Add(new PortModel("http", RestPort));
            // /healthcheck answers 200 even when the server is unhealthy; isHealthy is only in the body (platform-facts 8.2;
            // confluentinc/ksql check-ksqldb-server-health.md), which an httpGet probe cannot read: readiness runs a command.
            // Liveness stays an HTTP check: a server that answers at all is alive, and restarting it would not bring
            // back the Kafka cluster it finds unhealthy.
            readiness = new ProbeModel(RestPort, null, InitialDelaySeconds: 30, PeriodSeconds: 10, Exec: ["sh", "-c", HealthyCommand]);
            liveness = new ProbeModel(RestPort, "/healthcheck", InitialDelaySeconds: 60, PeriodSeconds: 20);
        }

        var container = new ContainerModel("ksqldb", g.Image ?? Defaults.KsqlDbImage, env, ports, readiness, liveness, g.Resources);
        // A service account of its own, so that an identity (EKS Pod Identity association or IRSA role for MSK IAM)
        // can be bound to exactly this group's pods.
        var deployment = new DeploymentModel(group.Replicas, selector, labels, [container], volumes, ServiceAccountName: name);
        var objects = new List<KubernetesObject>
        {
            new("v1", "ServiceAccount", name, ns, labels, KubeObjects.None, new Tree(), component, ObjectStage.KsqlDb),
            new("apps/v1", "Deployment", name, ns, labels, KubeObjects.None, deployment.ToBody(), component, ObjectStage.KsqlDb, Model: deployment),
        };
        if (!g.Headless)
        {
            var service = new ServiceModel(selector, [new ServicePortModel("http", RestPort, RestPort)]);
            objects.Add(new KubernetesObject("v1", "Service", name, ns, labels, KubeObjects.None, service.ToBody(), component, ObjectStage.KsqlDb, Model: service));
        }

        return objects;
    }

    private static IEnumerable<EnvVarModel> SecurityEnv(ClientAccess access, ClientIdentity? identity, List<SecretVolumeModel> volumes)
    {
        switch (access.Security)
        {
            case ClientSecurity.ScramTls or ClientSecurity.ScramPlain:
                var id = identity ?? throw new ArgumentException("SCRAM needs a client identity", nameof(identity));
                yield return new EnvVarModel("KSQL_SECURITY_PROTOCOL", access.Security == ClientSecurity.ScramTls ? "SASL_SSL" : "SASL_PLAINTEXT");
                yield return new EnvVarModel("KSQL_SASL_MECHANISM", "SCRAM-SHA-512");
                yield return new EnvVarModel("KSQL_SASL_JAAS_CONFIG", SecretName: id.SecretName, SecretKey: ClientIdentity.JaasConfigKey);
                break;
            case ClientSecurity.MskIam:
                yield return new EnvVarModel("KSQL_SECURITY_PROTOCOL", "SASL_SSL");
                yield return new EnvVarModel("KSQL_SASL_MECHANISM", "AWS_MSK_IAM");
                yield return new EnvVarModel("KSQL_SASL_JAAS_CONFIG", "software.amazon.msk.auth.iam.IAMLoginModule required;");
                yield return new EnvVarModel("KSQL_SASL_CLIENT_CALLBACK_HANDLER_CLASS", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
                break;
            case ClientSecurity.Tls:
                yield return new EnvVarModel("KSQL_SECURITY_PROTOCOL", "SSL");
                break;
            case ClientSecurity.MutualTls:
                // The client certificate as the PKCS12 keystore the User Operator writes beside user.crt/user.key
                // (ClientIdentity.KeystoreKey); ksqlDB passes its top-level ssl.* settings to its Kafka clients
                // (docs.ksqldb.io operate-and-deploy/installation/server-config/security, "Configure ksqlDB for secured
                // Apache Kafka clusters"); the REST listener stays http, so they do not touch it. Strimzi's store has one
                // password for the store and the key.
                var user = identity ?? throw new ArgumentException("mutual TLS needs a client identity", nameof(identity));
                volumes.Add(new SecretVolumeModel("kafka-user", user.SecretName, UserMountPath));
                yield return new EnvVarModel("KSQL_SECURITY_PROTOCOL", "SSL");
                yield return new EnvVarModel("KSQL_SSL_KEYSTORE_TYPE", "PKCS12");
                yield return new EnvVarModel("KSQL_SSL_KEYSTORE_LOCATION", $"{UserMountPath}/{ClientIdentity.KeystoreKey}");
                yield return new EnvVarModel("KSQL_SSL_KEYSTORE_PASSWORD", SecretName: user.SecretName, SecretKey: ClientIdentity.KeystorePasswordKey);
                yield return new EnvVarModel("KSQL_SSL_KEY_PASSWORD", SecretName: user.SecretName, SecretKey: ClientIdentity.KeystorePasswordKey);
                break;
            case ClientSecurity.Plain:
                yield return new EnvVarModel("KSQL_SECURITY_PROTOCOL", "PLAINTEXT");
                break;
        }

        if (access.UsesTls && access.CaSecretName is { } ca)
        {
            // ksqlDB's REST config accepts only JKS, PKCS12 or BCFKS as ssl.truststore.type and exits at start on PEM
            // (confluentinc/ksql KsqlRestConfig; platform-facts 8.2), so use the PKCS12 store Strimzi writes beside ca.crt.
            var store = access.CaTruststore
                ?? throw new ArgumentException($"ksqlDB needs a PKCS12 truststore in CA Secret {ca}", nameof(access));
            volumes.Add(new SecretVolumeModel("kafka-ca", ca, CaMountPath));
            yield return new EnvVarModel("KSQL_SSL_TRUSTSTORE_TYPE", "PKCS12");
            yield return new EnvVarModel("KSQL_SSL_TRUSTSTORE_LOCATION", $"{CaMountPath}/{store.StoreKey}");
            yield return new EnvVarModel("KSQL_SSL_TRUSTSTORE_PASSWORD", SecretName: ca, SecretKey: store.PasswordKey);
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
