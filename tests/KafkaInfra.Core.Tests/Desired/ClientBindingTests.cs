using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Desired.Strimzi;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// Producers, users and KEDA's identity on Strimzi, read the way the operators read them: the Strimzi Access Operator
/// 0.3.0 (SecretDependentResource.desired, KafkaParser.getKafkaListener, KafkaAccessReconciler.determineSecretName), the
/// User Operator (KafkaUser spec) and KEDA (a ClusterTriggerAuthentication reads Secrets in its own namespace only).
/// </summary>
public class ClientBindingTests
{
    private const string Topics = """
        - name: orders
          messagesPerSecond: 1000
          messagesPerSecondPerConsumer: 250
          messageBytes: 1000
        - name: payments
          messagesPerSecond: 100
          messagesPerSecondPerConsumer: 100
        """;

    private const string Clients = """
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              maxReplicas: 4
              quotas: { consumerByteRate: 2097152 }
          kafka-infra:producers:
            - name: checkout-api
              namespace: checkout
              topics: [orders, payments]
              transactionalIdPrefix: checkout-
              quotas: { producerByteRate: 1048576, requestPercentage: 25 }
            - name: audit
              namespace: checkout
              topics: [payments]
          kafka-infra:users:
            - name: ops-console
              acls:
                - resource: { type: topic, name: "*" }
                  operations: [Describe, DescribeConfigs]
                - resource: { type: cluster }
                  operations: [Describe]
              quotas: { requestPercentage: 5 }
          kafka-infra:connect:
            - name: sinks
              maxReplicas: 3
              image: registry.example.com/connect-file:1.0 # Kafka took the file connectors off the plugin path in 3.2
              connectors:
                - name: archive
                  class: org.apache.kafka.connect.file.FileStreamSinkConnector
                  topics: [payments]
        """;

    private static DesiredState State(string strimziExtra = "", string tail = Clients) =>
        StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: strimziExtra, topics: Topics, tail: tail));

    private static IEnumerable<Tree> Acls(KubernetesObject user) => user.Spec().ListAt("authorization.acls").Cast<Tree>();

    private static string[] Rules(KubernetesObject user) => Acls(user)
        .Select(a => $"{a.At("resource.type")}:{a.At("resource.name") ?? "-"}:{a.At("resource.patternType") ?? "-"}:{string.Join("+", ((IReadOnlyList<object>)a["operations"]!).Cast<string>())}")
        .ToArray();

    /// <summary>
    /// What the Access Operator does with a KafkaAccess, as far as the desired state decides it: finds the Kafka and the
    /// KafkaUser it names (KafkaUser kind and apiGroup exactly; the namespaces default to the KafkaAccess's own), the
    /// listener it names and whether its authentication is compatible with the user's, and the name of the Secret it writes.
    /// Returns that Secret's name and the keys it will hold.
    /// </summary>
    internal static (string Secret, string Namespace, string[] Keys) AsTheAccessOperatorReadsIt(DesiredState state, KubernetesObject access)
    {
        Assert.Equal("access.strimzi.io/v1alpha1", access.ApiVersion);
        var spec = access.Spec();
        var kafkaNs = (string?)spec.At("kafka.namespace") ?? access.Namespace!;
        var kafka = Assert.Single(state.Kubernetes, o => o.Kind == "Kafka" && o.Name == (string)spec.At("kafka.name")! && o.Namespace == kafkaNs);
        Assert.Equal("KafkaUser", spec.At("user.kind"));
        Assert.Equal("kafka.strimzi.io", spec.At("user.apiGroup"));
        var userNs = (string?)spec.At("user.namespace") ?? access.Namespace!;
        var user = Assert.Single(state.Kubernetes, o => o.Kind == "KafkaUser" && o.Name == (string)spec.At("user.name")! && o.Namespace == userNs);

        // Strimzi's User Operator watches the Kafka namespace only: the user must be there to get a Secret at all.
        Assert.Equal(kafka.Namespace, user.Namespace);

        // Without a listener the operator picks the alphabetically first compatible internal one ("plain" < "tls"):
        // every KafkaAccess names its listener, which must exist and be compatible with the user's authentication.
        var listenerName = Assert.IsType<string>(spec.At("kafka.listener"));
        var listener = Assert.Single(kafka.Spec().ListAt("kafka.listeners").Cast<Tree>(), l => (string)l["name"]! == listenerName);
        var listenerAuth = (string?)listener.At("authentication.type");
        var userAuth = (string)user.Spec().At("authentication.type")!;
        Assert.True(listenerAuth == userAuth || (listenerAuth == "tls" && userAuth is "tls" or "tls-external"), $"listener {listenerName} ({listenerAuth}) and user {user.Name} ({userAuth}) are not compatible");

        var keys = new List<string> { "bootstrap.servers", "security.protocol" };
        if (true.Equals(listener["tls"]))
        {
            keys.Add("ssl.truststore.crt");
        }

        keys.AddRange(userAuth == "scram-sha-512" ? ["username", "password", "sasl.jaas.config", "sasl.mechanism"] : ["ssl.keystore.crt", "ssl.keystore.key"]);
        return ((string?)spec["secretName"] ?? access.Name, access.Namespace!, keys.ToArray());
    }

    [Fact]
    public void Each_consumer_and_producer_gets_its_binding_secret_in_its_own_namespace()
    {
        var state = State();
        var bindings = state.OfKind("KafkaAccess").ToDictionary(a => (a.Namespace, a.Name));
        var consumer = AsTheAccessOperatorReadsIt(state, bindings[("apps", "order-service-kafka")]);
        Assert.Equal(("order-service-kafka", "apps"), (consumer.Secret, consumer.Namespace));
        Assert.Equal(["bootstrap.servers", "security.protocol", "ssl.truststore.crt", "username", "password", "sasl.jaas.config", "sasl.mechanism"], consumer.Keys);
        Assert.Equal("apps-order-service", bindings[("apps", "order-service-kafka")].Spec().At("user.name"));

        var producer = AsTheAccessOperatorReadsIt(state, bindings[("checkout", "checkout-api-producer-kafka")]);
        Assert.Equal(("checkout-api-producer-kafka", "checkout"), (producer.Secret, producer.Namespace));
        Assert.Equal("checkout-checkout-api-producer", bindings[("checkout", "checkout-api-producer-kafka")].Spec().At("user.name"));
        AsTheAccessOperatorReadsIt(state, bindings[("checkout", "audit-producer-kafka")]);

        Assert.All(state.OfKind("KafkaAccess"), a => Assert.Equal(ObjectStage.TopicsAndUsers, a.Stage));
    }

    [Fact]
    public void With_the_plain_listener_on_every_binding_still_names_the_tls_listener()
    {
        var state = State(strimziExtra: "plainListener: true");
        var listeners = state.Single("Kafka", "events").Spec().ListAt("kafka.listeners").Cast<Tree>().Select(l => (string)l["name"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("plain", listeners[0]); // what the operator would pick on its own
        Assert.All(state.OfKind("KafkaAccess"), a => Assert.Equal(KafkaResources.StrimziTlsListener, a.Spec().At("kafka.listener")));
        Assert.All(state.OfKind("KafkaAccess"), a => AsTheAccessOperatorReadsIt(state, a));
    }

    [Fact]
    public void Keda_reads_lag_with_its_own_describe_only_user_through_a_cluster_trigger_authentication()
    {
        var state = State(strimziExtra: "kedaNamespace: keda-system");
        var keda = state.Single("KafkaUser", "events-keda");
        Assert.Equal(
            ["topic:orders:literal:Describe", "topic:payments:literal:Describe", "group:order-service:literal:Describe", "group:connect-archive:literal:Describe"],
            Rules(keda));

        var binding = state.Single("KafkaAccess", "events-keda-kafka");
        var (secret, ns, keys) = AsTheAccessOperatorReadsIt(state, binding);
        Assert.Equal("keda-system", ns);

        var auth = state.Single("ClusterTriggerAuthentication", "events-kafka");
        Assert.Null(auth.Namespace); // cluster-scoped; it reads Secrets in KEDA's namespace, where the binding lands
        var refs = auth.Spec().ListAt("secretTargetRef").Cast<Tree>().Select(r => ((string)r["parameter"]!, (string)r["name"]!, (string)r["key"]!)).ToList();
        Assert.Equal([("username", secret, "username"), ("password", secret, "password"), ("ca", secret, "ssl.truststore.crt")], refs);
        Assert.All(refs, r => Assert.Contains(r.Item3, keys));

        foreach (var so in state.OfKind("ScaledObject"))
        {
            foreach (var trigger in so.Spec().ListAt("triggers").Cast<Tree>())
            {
                Assert.Equal(KedaRenderer.ClusterKind, trigger.At("authenticationRef.kind"));
                Assert.Equal(auth.Name, trigger.At("authenticationRef.name"));
                // The groups and topics it measures are exactly what the KEDA user may describe.
                Assert.Contains($"group:{trigger.At("metadata.consumerGroup")}:literal:Describe", Rules(keda));
                if (trigger.At("metadata.topic") is string topic)
                {
                    Assert.Contains($"topic:{topic}:literal:Describe", Rules(keda));
                }
            }
        }

        Assert.Empty(state.OfKind("TriggerAuthentication"));
    }

    [Fact]
    public void Without_keda_triggers_there_is_no_keda_identity()
    {
        var state = State(tail: """
              kafka-infra:producers:
                - name: writer
                  topics: [orders]
            """);
        Assert.DoesNotContain(state.Kubernetes, o => o.Name.StartsWith("events-keda", StringComparison.Ordinal) || o.Kind == "ClusterTriggerAuthentication");
        Assert.Single(state.OfKind("KafkaAccess"));
    }

    [Fact]
    public void A_producer_may_write_and_describe_its_topics_idempotently_and_its_transactional_ids()
    {
        var state = State();
        var checkout = state.Single("KafkaUser", "checkout-checkout-api-producer");
        Assert.Equal(
            ["topic:orders:literal:Write+Describe", "topic:payments:literal:Write+Describe", "cluster:-:-:IdempotentWrite", "transactionalId:checkout-:prefix:Write+Describe"],
            Rules(checkout));
        Assert.Equal("scram-sha-512", checkout.Spec().At("authentication.type"));
        Assert.Equal(1_048_576, checkout.Spec().At("quotas.producerByteRate"));
        Assert.Equal(25, checkout.Spec().At("quotas.requestPercentage"));
        Assert.Null(checkout.Spec().At("quotas.consumerByteRate"));

        var audit = state.Single("KafkaUser", "checkout-audit-producer");
        Assert.Equal(["topic:payments:literal:Write+Describe", "cluster:-:-:IdempotentWrite"], Rules(audit));
        Assert.Null(audit.Spec()["quotas"]);
        Assert.DoesNotContain(Rules(audit), r => r.Contains("Read", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_quotas_land_on_its_kafka_user()
    {
        var user = State().Single("KafkaUser", "apps-order-service");
        Assert.Equal(["consumerByteRate"], user.Spec().Child("quotas").Keys);
        Assert.Equal(2_097_152, user.Spec().At("quotas.consumerByteRate"));
    }

    [Fact]
    public void Users_get_exactly_their_acls_authentication_and_quotas()
    {
        var state = State(tail: Clients.Replace("  kafka-infra:connect:", """
                - name: partner
                  authentication: tls
                  acls:
                    - resource: { type: group, name: partner-, patternType: prefix }
                      operations: [Read]
                      host: 10.0.0.1
              kafka-infra:connect:
            """.TrimEnd(), StringComparison.Ordinal));
        var ops = state.Single("KafkaUser", "ops-console");
        Assert.Equal(["topic:*:literal:Describe+DescribeConfigs", "cluster:-:-:Describe"], Rules(ops));
        Assert.All(Acls(ops), a => Assert.Equal("*", a["host"]));
        Assert.Equal(5, ops.Spec().At("quotas.requestPercentage"));
        Assert.Equal("kafka", ops.Namespace);

        var partner = state.Single("KafkaUser", "partner");
        Assert.Equal("tls", partner.Spec().At("authentication.type"));
        Assert.Equal(["group:partner-:prefix:Read"], Rules(partner));
        Assert.Equal("10.0.0.1", Acls(partner).Single()["host"]);
    }

    [CrdFact]
    public void Every_client_object_validates_against_its_crd()
    {
        var catalog = CrdCatalog.Current!;
        var state = State();
        var kinds = new[] { "KafkaUser", "KafkaAccess", "ClusterTriggerAuthentication", "ScaledObject" };
        var objects = state.Kubernetes.Where(o => kinds.Contains(o.Kind)).ToList();
        Assert.Equal(kinds.Order(StringComparer.Ordinal), objects.Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal));
        var errors = objects.SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest()).Select(e => $"{o.Kind}/{o.Name}: {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("examples/strimzi-clients/Pulumi.dev.yaml")]
    [InlineData("examples/strimzi-platform/Pulumi.prod.yaml")]
    [InlineData("Pulumi.dev.yaml")]
    public void The_example_stacks_bind_every_client_and_validate_against_the_crds(string file)
    {
        var text = File.ReadAllText(Path.Combine(StrimziStacks.RepoRoot, file));
        var state = StrimziStacks.Strimzi(text);
        var plan = StrimziStacks.Plan(text);
        Assert.NotEmpty(plan.Config.Producers);
        var bindings = state.OfKind("KafkaAccess").Select(a => AsTheAccessOperatorReadsIt(state, a)).ToList();
        foreach (var c in plan.Config.Consumers)
        {
            Assert.Contains((KafkaResources.ConsumerBinding(c.Name), c.Namespace), bindings.Select(b => (b.Secret, b.Namespace)));
        }

        foreach (var p in plan.Config.Producers)
        {
            Assert.Contains((KafkaResources.ProducerBinding(p.Name), p.Namespace), bindings.Select(b => (b.Secret, b.Namespace)));
        }

        foreach (var u in plan.Config.Users.Where(u => u.Namespace is not null))
        {
            Assert.Contains((KafkaResources.UserBinding(u.Name), u.Namespace!), bindings.Select(b => (b.Secret, b.Namespace)));
        }

        if (CrdCatalog.Current is { } catalog)
        {
            var errors = state.Kubernetes.Where(o => o.IsCustomResource)
                .SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest()).Select(e => $"{o.Kind}/{o.Name}: {e}")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
