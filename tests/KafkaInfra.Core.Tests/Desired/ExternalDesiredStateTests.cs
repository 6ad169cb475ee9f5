using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Tests.Config;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// What a stack declares against a cluster it does not own: the Kafka provider from <c>cluster.external</c>, topics
/// through it, SCRAM ACLs, and KEDA's ScaledObjects behind one ClusterTriggerAuthentication (KEDA 2.20.2 kafka scaler
/// parameters: platform-facts 2.2, 8.1).
/// </summary>
public class ExternalDesiredStateTests
{
    private const string Clients = """
          kafka-infra:topics:
            - { name: orders, messagesPerSecond: 1000, messagesPerSecondPerConsumer: 500 }
            - { name: returns, messagesPerSecond: 10, partitions: 2 }
          kafka-infra:consumers:
            - { name: order-service, namespace: shop, topic: orders, maxReplicas: 4, lagThreshold: 100 }
          kafka-infra:producers:
            - { name: checkout, namespace: shop, topics: [orders], transactionalIdPrefix: checkout- }
          kafka-infra:users:
            - { name: ops, acls: [ { resource: { type: group, name: ops-, patternType: prefix }, operations: [Read], host: 10.0.0.1 } ] }

        """;

    private static DesiredState Build(string cluster, string tail = Clients) =>
        DesiredStateBuilder.Build(TestStacks.Valid(TestStacks.Plan(cluster + tail)));

    [Fact]
    public void The_kafka_provider_comes_from_the_external_settings_and_carries_no_secret()
    {
        var desired = Build(ExternalConfigTests.Scram);

        var provider = Assert.Single(desired.Cloud, r => r.Spec is KafkaProviderSpec);
        var spec = (KafkaProviderSpec)provider.Spec;
        Assert.Equal("shared-kafka", provider.Name);
        Assert.Equal("external", provider.Component);
        Assert.Equal(Text.FromString("kafka-1.example.com:9096,kafka-2.example.com:9096"), spec.BootstrapServers);
        Assert.True(spec.TlsEnabled);
        Assert.Equal(KafkaSaslMechanism.ScramSha512, spec.SaslMechanism);
        Assert.Equal("deployer", spec.SaslUsername);
        Assert.Equal("4.3.1", spec.KafkaVersion);
        Assert.DoesNotContain("password", ManifestWriter.ToJson(provider), StringComparison.OrdinalIgnoreCase);
        // No cluster, node pool, storage or Cruise Control: only the provider, topics and ACLs.
        Assert.All(desired.Cloud, r => Assert.StartsWith(r.Type is "pulumi:providers:kafka" ? "pulumi:" : "kafka:index/", r.Type, StringComparison.Ordinal));
        Assert.DoesNotContain(desired.Kubernetes, o => o.ApiVersion.StartsWith("kafka.strimzi.io", StringComparison.Ordinal));
    }

    [Fact]
    public void Topics_go_through_the_provider_as_on_msk()
    {
        var desired = Build(ExternalConfigTests.Scram);

        var topic = Assert.Single(desired.Cloud, r => r.Spec is KafkaTopicSpec { Name: "orders" });
        Assert.Equal("shared-kafka", topic.Options.Provider);
        Assert.Equal("kafka:index/topic:Topic", topic.Type);
        Assert.Equal(4, ((KafkaTopicSpec)topic.Spec).Partitions); // max(⌈1000 ÷ 500⌉, maxReplicas 4)
        Assert.False(topic.Options.Protect); // dev; prod protects (as on MSK)
    }

    [Fact]
    public void Scram_acls_give_each_principal_least_privilege()
    {
        var acls = Build(ExternalConfigTests.Scram).Cloud.Select(r => r.Spec).OfType<KafkaAclSpec>().ToList();

        string[] Of(string principal) => [.. acls.Where(a => a.AclPrincipal == principal).Select(a => $"{a.AclResourceType}:{a.AclResourceName}:{a.ResourcePatternTypeFilter}:{a.AclOperation}@{a.AclHost}").Order(StringComparer.Ordinal)];
        Assert.Equal(["Group:order-service:Literal:Describe@*", "Group:order-service:Literal:Read@*", "Topic:orders:Literal:Describe@*", "Topic:orders:Literal:Read@*"], Of("User:order-service"));
        Assert.Equal(["Cluster:kafka-cluster:Literal:IdempotentWrite@*", "Topic:orders:Literal:Describe@*", "Topic:orders:Literal:Write@*", "TransactionalID:checkout-:Prefixed:Describe@*", "TransactionalID:checkout-:Prefixed:Write@*"], Of("User:checkout"));
        Assert.Equal(["Group:ops-:Prefixed:Read@10.0.0.1"], Of("User:ops"));
        Assert.Equal(10, acls.Count);
    }

    [Fact]
    public void Without_managed_acls_none_are_declared()
    {
        var desired = Build(ExternalConfigTests.Scram.Replace("brokers: 3", "brokers: 3\n      manageAcls: false", StringComparison.Ordinal), Clients[..Clients.IndexOf("  kafka-infra:users:", StringComparison.Ordinal)]);

        Assert.DoesNotContain(desired.Cloud, r => r.Spec is KafkaAclSpec);
    }

    [Fact]
    public void Keda_triggers_log_in_through_one_cluster_trigger_authentication_reading_the_named_secrets()
    {
        var desired = Build(ExternalConfigTests.Scram);

        var auth = desired.Single("ClusterTriggerAuthentication", "shared-kafka");
        Assert.Null(auth.Namespace);
        var refs = auth.Body.Child("spec").ListAt("secretTargetRef").Cast<Tree>().Select(r => $"{r["parameter"]}<-{r["name"]}/{r["key"]}").ToArray();
        Assert.Equal(["username<-keda-kafka/username", "password<-keda-kafka/password", "ca<-kafka-ca/ca.crt"], refs);

        var so = desired.Single("ScaledObject", "order-service");
        Assert.Equal("shop", so.Namespace);
        var trigger = (Tree)so.Body.Child("spec").ListAt("triggers")[0];
        var metadata = trigger.Child("metadata");
        Assert.Equal("kafka-1.example.com:9096,kafka-2.example.com:9096", metadata["bootstrapServers"]);
        Assert.Equal("scram_sha512", metadata["sasl"]);
        Assert.Equal("enable", metadata["tls"]);
        Assert.Equal("ClusterTriggerAuthentication", trigger.Child("authenticationRef")["kind"]);
        Assert.Equal("shared-kafka", trigger.Child("authenticationRef")["name"]);
        Assert.DoesNotContain(desired.Kubernetes, o => o.Kind is "TriggerAuthentication" or "ConfigMap" or "Secret");
    }

    [Fact]
    public void Mutual_tls_reads_the_certificate_and_key_and_declares_no_acls()
    {
        var desired = Build("""
              kafka-infra:cluster:
                name: shared
                external: { bootstrapServers: "kafka:9094", authentication: tls, kedaSecret: keda-cert, kedaNamespace: autoscaling, brokers: 3 }

            """, Clients[..Clients.IndexOf("  kafka-infra:users:", StringComparison.Ordinal)]);

        var auth = desired.Single("ClusterTriggerAuthentication", "shared-kafka");
        var refs = auth.Body.Child("spec").ListAt("secretTargetRef").Cast<Tree>().Select(r => $"{r["parameter"]}<-{r["name"]}/{r["key"]}").ToArray();
        Assert.Equal(["cert<-keda-cert/tls.crt", "key<-keda-cert/tls.key"], refs);
        var metadata = ((Tree)desired.Single("ScaledObject", "order-service").Body.Child("spec").ListAt("triggers")[0]).Child("metadata");
        Assert.Equal("enable", metadata["tls"]);
        Assert.Null(metadata["sasl"]);
        var provider = (KafkaProviderSpec)desired.Cloud.Single(r => r.Spec is KafkaProviderSpec).Spec;
        Assert.Null(provider.SaslMechanism);
        Assert.Null(provider.SaslUsername);
        Assert.DoesNotContain(desired.Cloud, r => r.Spec is KafkaAclSpec);
    }

    [Fact]
    public void An_open_dev_cluster_needs_no_authentication_object()
    {
        var desired = Build("""
              kafka-infra:cluster:
                name: shared
                external: { bootstrapServers: "kafka:9092", authentication: none, tls: false, brokers: 3 }

            """, Clients[..Clients.IndexOf("  kafka-infra:producers:", StringComparison.Ordinal)]);

        Assert.DoesNotContain(desired.Kubernetes, o => o.Kind.EndsWith("TriggerAuthentication", StringComparison.Ordinal));
        var trigger = (Tree)desired.Single("ScaledObject", "order-service").Body.Child("spec").ListAt("triggers")[0];
        Assert.Null(trigger["authenticationRef"]);
        Assert.Null(trigger.Child("metadata")["tls"]);
        Assert.False(((KafkaProviderSpec)desired.Cloud.Single(r => r.Spec is KafkaProviderSpec).Spec).TlsEnabled);
    }

    [CrdFact]
    public void Every_keda_object_validates_against_its_crd()
    {
        var catalog = CrdCatalog.Current!;
        foreach (var desired in new[] { Build(ExternalConfigTests.Scram), Build("  kafka-infra:cluster:\n    name: shared\n    external: { bootstrapServers: \"kafka:9094\", authentication: tls, kedaSecret: keda-cert, caSecret: { name: ca, key: root.pem } }\n", Clients[..Clients.IndexOf("  kafka-infra:users:", StringComparison.Ordinal)]) })
        {
            var custom = desired.Kubernetes.Where(o => o.IsCustomResource).ToList();
            Assert.Contains(custom, o => o.Kind == KedaRenderer.ClusterKind);
            Assert.True(catalog.Has(KedaRenderer.ApiVersion, KedaRenderer.ClusterKind));
            var errors = custom.SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest()).Select(e => $"{o.Kind}/{o.Name}: {e}")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
