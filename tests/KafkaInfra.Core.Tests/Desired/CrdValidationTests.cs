using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>Every rendered custom resource validates against the real Strimzi 1.2.0 / KEDA 2.20.2 CRD schemas.</summary>
public class CrdValidationTests
{
    public static TheoryData<string> Variants() => new()
    {
        "dev stack",
        "plain listener, rack awareness, broker resources, storage class",
        "two brokers, headless ksqlDB, source connector, odd topic names",
        "examples/strimzi-platform: listeners, node pools, pass-through, overrides",
        "dual-role ephemeral pool, plain and cluster-ip listeners, own metrics list, no Cruise Control or exporter",
    };

    private static IReadOnlyList<KubernetesObject> Render(string variant) => variant switch
    {
        "examples/strimzi-platform: listeners, node pools, pass-through, overrides" => StrimziStacks.Strimzi(Strimzi.StrimziShapeStacks.Example()).Kubernetes,
        "dual-role ephemeral pool, plain and cluster-ip listeners, own metrics list, no Cruise Control or exporter" => StrimziStacks.Strimzi(Strimzi.StrimziShapeStacks.Pools(
            "- { name: mixed, roles: [controller, broker], replicas: 3, storage: { type: ephemeral } }",
            strimziExtra: """
                listeners:
                  - { name: tls, port: 9093, type: internal }
                  - { name: plain, port: 9092, type: internal, tls: false }
                  - { name: inner, port: 9095, type: cluster-ip, configuration: { useServiceDnsDomain: true } }
                cruiseControl: false
                kafkaExporter: false
                metrics: { allowList: ["kafka_server_.*"] }
                overrides:
                  kafka: { template: { pod: { priorityClassName: high } } }
                  entityOperator: { topicOperator: { reconciliationIntervalMs: 60000 } }
                """,
            tail: """
                  kafka-infra:consumers:
                    - { name: on-plain, topic: orders, maxReplicas: 2, listener: plain }
                  kafka-infra:connect:
                    - { name: sinks, listener: inner, image: registry.example.com/connect-sink:1.0, workerConfig: { offset.flush.interval.ms: 10000 }, connectors: [ { name: s, class: org.example.SinkConnector, topics: [orders] } ] }
                """)).Kubernetes,
        "dev stack" => StrimziStacks.Dev().Kubernetes,
        "plain listener, rack awareness, broker resources, storage class" => StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(
            strimziExtra: """
                storageClass: gp3
                plainListener: true
                rackTopologyKey: topology.kubernetes.io/zone
                brokerResources:
                  requests: { cpu: "2", memory: 8Gi }
                  limits: { memory: 8Gi }
                """,
            tail: """
                  kafka-infra:consumers:
                    - name: order-service
                      topic: orders
                      maxReplicas: 3
                      minReplicas: 0
                  kafka-infra:connect:
                    - name: sinks
                      replicas: 1
                      maxReplicas: 3
                      image: registry.example.com/connect:1.0
                      resources: { requests: { cpu: 500m, memory: 1Gi } }
                      connectors:
                        - name: archive
                          class: io.confluent.connect.s3.S3SinkConnector
                          topics: [orders]
                  kafka-infra:ksqldb:
                    - name: analytics
                      replicas: 2
                      topics: [orders]
                      resources: { limits: { cpu: "1", memory: 2Gi } }
                """)).Kubernetes,
        _ => StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(
            brokers: 2,
            topics: """
                - name: Orders_V2
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
                  replicationFactor: 2
                  minInsyncReplicas: 1
                - name: _internal.audit
                  messagesPerSecond: 10
                  partitions: 1
                  replicationFactor: 2
                  minInsyncReplicas: 1
                """,
            tail: """
                  kafka-infra:topicDefaults:
                    replicationFactor: 2
                    minInsyncReplicas: 1
                  kafka-infra:connect:
                    - name: sources
                      build:
                        output: { image: registry.example.com/kafka/connect-debezium:3, pushSecret: registry-credentials }
                        plugins:
                          - name: debezium-postgres
                            artifacts:
                              - type: tgz
                                url: https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/3.0.0.Final/debezium-connector-postgres-3.0.0.Final-plugin.tar.gz
                                sha512sum: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                          - name: camel-timer
                            artifacts:
                              - type: maven
                                group: org.apache.camel.kafkaconnector
                                artifact: camel-timer-source-kafka-connector
                                version: 4.8.0
                      connectors:
                        - name: db
                          class: io.debezium.connector.postgresql.PostgresConnector
                          topics: [Orders_V2]
                  kafka-infra:ksqldb:
                    - name: batch
                      headless: true
                """)).Kubernetes,
    };

    [CrdFact]
    public void Catalog_holds_every_kind_the_renderers_emit()
    {
        var catalog = CrdCatalog.Current!;
        foreach (var kind in new[] { "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "KafkaConnect", "KafkaConnector", "KafkaRebalance" })
        {
            Assert.True(catalog.Has("kafka.strimzi.io/v1", kind), kind);
        }

        Assert.True(catalog.Has("keda.sh/v1alpha1", "ScaledObject"));
        Assert.True(catalog.Has("keda.sh/v1alpha1", "TriggerAuthentication"));
    }

    [CrdTheory]
    [MemberData(nameof(Variants))]
    public void Every_custom_resource_validates_against_its_crd(string variant)
    {
        var catalog = CrdCatalog.Current!;
        var objects = Render(variant);
        var custom = objects.Where(o => o.IsCustomResource).ToList();
        Assert.NotEmpty(custom);
        var errors = custom.SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest()).Select(e => $"{o.Kind}/{o.Name}: {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Only_core_kinds_are_not_custom_resources()
    {
        var core = StrimziStacks.Dev().Kubernetes.Where(o => !o.IsCustomResource).Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal);
        // KEDA reads the user name from the binding Secret (no ConfigMap carries it), and the dev stack declares no Namespace.
        Assert.Equal(["Deployment", "Service", "ServiceAccount"], core);
    }

    [CrdFact]
    public void Validator_rejects_unknown_fields_bad_enums_types_minimums_patterns_and_missing_required_fields()
    {
        var catalog = CrdCatalog.Current!;
        var kafka = StrimziStacks.Dev().Single("Kafka", "events").ToManifest();
        var spec = kafka.Child("spec");
        var listener = (Tree)spec.Child("kafka").ListAt("listeners")[0];
        listener["name"] = "TLS_Listener";          // pattern ^[a-z0-9]{1,11}$
        listener["port"] = 80;                      // minimum 9092
        listener["type"] = "external";              // enum
        listener["tls"] = "yes";                    // boolean
        spec.Child("kafka")["replicas"] = 3;        // gone in v1: unknown field
        spec.Child("kafka").Child("authorization")["type"] = null; // required
        var errors = catalog.Validate("kafka.strimzi.io/v1", "Kafka", kafka);
        Assert.Contains(errors, e => e.Contains("listeners[0].name", StringComparison.Ordinal) && e.Contains("pattern", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("listeners[0].port", StringComparison.Ordinal) && e.Contains("minimum", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("listeners[0].type", StringComparison.Ordinal) && e.Contains("not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("listeners[0].tls", StringComparison.Ordinal) && e.Contains("must be boolean", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("kafka.replicas", StringComparison.Ordinal) && e.Contains("unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("required field 'type'", StringComparison.Ordinal));

        // Free-form maps (x-kubernetes-preserve-unknown-fields) accept any key.
        var topic = StrimziStacks.Dev().Single("KafkaTopic", "orders").ToManifest();
        topic.Child("spec").Child("config")["any.custom.key"] = "x";
        Assert.Empty(catalog.Validate("kafka.strimzi.io/v1", "KafkaTopic", topic));
    }

    [CrdFact]
    public void Validator_requires_exactly_one_of_certificate_or_pattern_in_trusted_certificates()
    {
        var catalog = CrdCatalog.Current!;
        var connect = StrimziStacks.Dev().Single("KafkaConnect", "sinks").ToManifest();
        var trusted = (Tree)connect.Child("spec").Child("tls").ListAt("trustedCertificates")[0];
        Assert.Empty(catalog.Validate("kafka.strimzi.io/v1", "KafkaConnect", connect));
        trusted["certificate"] = "ca.crt";
        Assert.Contains(catalog.Validate("kafka.strimzi.io/v1", "KafkaConnect", connect), e => e.Contains("oneOf", StringComparison.Ordinal));
        trusted["pattern"] = null;
        Assert.Empty(catalog.Validate("kafka.strimzi.io/v1", "KafkaConnect", connect));
        trusted["certificate"] = null;
        Assert.Contains(catalog.Validate("kafka.strimzi.io/v1", "KafkaConnect", connect), e => e.Contains("oneOf", StringComparison.Ordinal));
    }

    [CrdFact]
    public void Validator_checks_keda_metadata_values_are_strings()
    {
        var catalog = CrdCatalog.Current!;
        var so = StrimziStacks.Dev().Single("ScaledObject", "order-service").ToManifest();
        ((Tree)so.Child("spec").ListAt("triggers")[0]).Child("metadata")["lagThreshold"] = 100;
        var errors = catalog.Validate(KedaRenderer.ApiVersion, "ScaledObject", so);
        Assert.Contains(errors, e => e.Contains("metadata.lagThreshold: must be string", StringComparison.Ordinal));
    }
}
