using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Tests.Desired.Strimzi;

/// <summary>
/// Clients on a listener with <c>authentication: tls</c> (issue 16 item 2): what each one is given, read the way its
/// consumer reads it — the User Operator (strimzi 1.2.0 KafkaUserModel.generateSecret writes ca.crt, user.crt, user.key,
/// user.p12, user.password for a tls user), the Access Operator (0.3.0 KafkaUserData: ssl.keystore.crt/.key for tls
/// users; KafkaParser: the listener and the user must have the same kind), KEDA (kafka_scaler.go: tls, ca, cert, key),
/// Strimzi's KafkaConnect (authentication.type tls + certificateAndKey) and ksqlDB (top-level ssl.* for its clients).
/// </summary>
public class MutualTlsClientTests
{
    private const string Listeners = """
        listeners:
          - { name: tls, port: 9093, type: internal, tls: true, authentication: scram-sha-512 }
          - { name: mtls, port: 9095, type: internal, tls: true, authentication: tls }
        """;

    private const string Clients = """
          kafka-infra:consumers:
            - { name: billing, namespace: apps, topic: orders, maxReplicas: 4, listener: mtls }
            - { name: search, namespace: apps, topic: orders, maxReplicas: 4 }
          kafka-infra:producers:
            - { name: checkout, namespace: shop, topics: [orders], listener: mtls }
          kafka-infra:connect:
            - name: sinks
              maxReplicas: 3
              listener: mtls
              image: registry.example.com/connect-file:1.0
              connectors:
                - { name: archive, class: org.apache.kafka.connect.file.FileStreamSinkConnector, topics: [orders] }
          kafka-infra:ksqldb:
            - { name: risk, topics: [orders], listener: mtls }
        """;

    private static DesiredState State(string tail = Clients) => StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: Listeners, tail: tail));

    private static string? Auth(DesiredState s, string user) => (string?)s.Single("KafkaUser", user).Spec().At("authentication.type");

    [Fact]
    public void Each_client_on_the_mtls_listener_gets_a_tls_kafka_user_and_the_others_keep_scram()
    {
        var s = State();
        Assert.Equal("tls", Auth(s, "apps-billing"));
        Assert.Equal("tls", Auth(s, "shop-checkout-producer"));
        Assert.Equal("tls", Auth(s, "connect-sinks"));
        Assert.Equal("tls", Auth(s, "ksqldb-risk"));
        Assert.Equal("scram-sha-512", Auth(s, "apps-search"));
    }

    [Fact]
    public void Bindings_name_the_mtls_listener_and_carry_the_certificate_keys()
    {
        var s = State();
        var billing = s.Single("KafkaAccess", "billing-kafka");
        Assert.Equal("mtls", billing.Spec().At("kafka.listener"));
        var (_, ns, keys) = ClientBindingTests.AsTheAccessOperatorReadsIt(s, billing);
        Assert.Equal("apps", ns);
        Assert.Equal(["bootstrap.servers", "security.protocol", "ssl.truststore.crt", "ssl.keystore.crt", "ssl.keystore.key"], keys);
        Assert.Equal("mtls", s.Single("KafkaAccess", "checkout-producer-kafka").Spec().At("kafka.listener"));
        Assert.All(s.OfKind("KafkaAccess"), a => ClientBindingTests.AsTheAccessOperatorReadsIt(s, a));
    }

    [Fact]
    public void Keda_has_one_identity_per_login_each_describing_only_its_own_triggers()
    {
        var s = State();
        static string[] Described(KubernetesObject user) => user.Spec().ListAt("authorization.acls").Cast<Tree>()
            .Select(a => $"{a.At("resource.type")}:{a.At("resource.name")}").ToArray();

        var scram = s.Single("KafkaUser", "events-keda");
        Assert.Equal("scram-sha-512", scram.Spec().At("authentication.type"));
        Assert.Equal(["topic:orders", "group:search"], Described(scram));
        var tls = s.Single("KafkaUser", "events-keda-tls");
        Assert.Equal("tls", tls.Spec().At("authentication.type"));
        Assert.Equal(["topic:orders", "group:billing", "group:connect-archive"], Described(tls));

        var binding = s.Single("KafkaAccess", "events-keda-tls-kafka");
        Assert.Equal("mtls", binding.Spec().At("kafka.listener"));
        var (secret, ns, keys) = ClientBindingTests.AsTheAccessOperatorReadsIt(s, binding);
        Assert.Equal("keda", ns);

        // KEDA wants cert and key together, and the CA, all from the binding Secret in its namespace.
        var auth = s.Single("ClusterTriggerAuthentication", "events-kafka-tls");
        var refs = auth.Spec().ListAt("secretTargetRef").Cast<Tree>().Select(r => ((string)r["parameter"]!, (string)r["name"]!, (string)r["key"]!)).ToList();
        Assert.Equal([("cert", secret, "ssl.keystore.crt"), ("key", secret, "ssl.keystore.key"), ("ca", secret, "ssl.truststore.crt")], refs);
        Assert.All(refs, r => Assert.Contains(r.Item3, keys));

        var trigger = s.Single("ScaledObject", "billing").Spec().ListAt("triggers").Cast<Tree>().Single();
        Assert.Equal("enable", trigger.At("metadata.tls"));
        Assert.Null(trigger.At("metadata.sasl")); // the certificate is the login
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9095", trigger.At("metadata.bootstrapServers"));
        Assert.Equal("events-kafka-tls", trigger.At("authenticationRef.name"));
        var connectTrigger = s.Single("ScaledObject", "sinks-connect").Spec().ListAt("triggers").Cast<Tree>().Single();
        Assert.Equal("events-kafka-tls", connectTrigger.At("authenticationRef.name"));
        var searchTrigger = s.Single("ScaledObject", "search").Spec().ListAt("triggers").Cast<Tree>().Single();
        Assert.Equal(("scram_sha512", "events-kafka"), ((string?)searchTrigger.At("metadata.sasl"), (string?)searchTrigger.At("authenticationRef.name")));
    }

    [Fact]
    public void Without_scram_triggers_only_the_tls_identity_exists()
    {
        var s = State(tail: """
              kafka-infra:consumers:
                - { name: billing, namespace: apps, topic: orders, maxReplicas: 4, listener: mtls }
            """);
        Assert.DoesNotContain(s.Kubernetes, o => o.Name is "events-keda" or "events-keda-kafka" or "events-kafka");
        s.Single("KafkaUser", "events-keda-tls");
        s.Single("ClusterTriggerAuthentication", "events-kafka-tls");
    }

    [Fact]
    public void Connect_logs_in_with_the_user_certificate_and_key()
    {
        var connect = State().Single("KafkaConnect", "sinks").Spec();
        Assert.Equal("tls", connect.At("authentication.type"));
        Assert.Equal("connect-sinks", connect.At("authentication.certificateAndKey.secretName"));
        Assert.Equal("user.crt", connect.At("authentication.certificateAndKey.certificate"));
        Assert.Equal("user.key", connect.At("authentication.certificateAndKey.key"));
        Assert.Null(connect.At("authentication.username"));
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9095", connect["bootstrapServers"]);
        Assert.NotNull(connect.At("tls.trustedCertificates"));
    }

    [Fact]
    public void Ksqldb_gets_the_pkcs12_keystore_of_its_kafka_user()
    {
        var deployment = (DeploymentModel)State().Single("Deployment", "ksqldb-risk").Model!;
        var env = deployment.Containers.Single().Env.ToDictionary(e => e.Name);
        Assert.Equal("SSL", env["KSQL_SECURITY_PROTOCOL"].Value!.ToString());
        Assert.Equal("PKCS12", env["KSQL_SSL_KEYSTORE_TYPE"].Value!.ToString());
        Assert.Equal($"{KsqlDbRenderer.UserMountPath}/user.p12", env["KSQL_SSL_KEYSTORE_LOCATION"].Value!.ToString());
        Assert.Equal(("ksqldb-risk", "user.password"), (env["KSQL_SSL_KEYSTORE_PASSWORD"].SecretName, env["KSQL_SSL_KEYSTORE_PASSWORD"].SecretKey));
        Assert.Equal(("ksqldb-risk", "user.password"), (env["KSQL_SSL_KEY_PASSWORD"].SecretName, env["KSQL_SSL_KEY_PASSWORD"].SecretKey));
        Assert.False(env.ContainsKey("KSQL_SASL_JAAS_CONFIG"));
        Assert.Contains(deployment.SecretVolumes, v => v.SecretName == "ksqldb-risk" && v.MountPath == KsqlDbRenderer.UserMountPath);
        Assert.Equal("PKCS12", env["KSQL_SSL_TRUSTSTORE_TYPE"].Value!.ToString());
    }

    [CrdFact]
    public void Every_object_validates_against_its_crd()
    {
        var catalog = CrdCatalog.Current!;
        var errors = State().Kubernetes.Where(o => o.IsCustomResource)
            .SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest()).Select(e => $"{o.Kind}/{o.Name}: {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
