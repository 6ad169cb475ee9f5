using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired.Strimzi;

/// <summary>Rendered fields of the Strimzi cluster shape keys (issue 16 items 2, 3, 4, 8).</summary>
public class StrimziShapeRenderTests
{
    private const string Listeners = """
        listeners:
          - { name: tls, port: 9093, type: internal, tls: true }
          - { name: plain, port: 9092, type: internal, tls: false, authentication: scram-sha-512 }
          - { name: inner, port: 9095, type: cluster-ip, tls: true }
          - name: external
            port: 9094
            type: loadbalancer
            authentication: tls
            configuration: { bootstrap: { annotations: { team: payments } }, loadBalancerSourceRanges: [10.0.0.0/8] }
        """;

    private const string Clients = """
          kafka-infra:consumers:
            - { name: on-default, namespace: apps, topic: orders, maxReplicas: 2 }
            - { name: on-plain, namespace: apps, topic: orders, maxReplicas: 2, listener: plain }
          kafka-infra:connect:
            - name: sinks
              maxReplicas: 3
              listener: inner
              image: registry.example.com/connect-archive:1.0
              workerConfig: { offset.flush.interval.ms: 10000, key.converter: org.apache.kafka.connect.storage.StringConverter }
              connectors:
                - { name: archive, class: org.example.ArchiveSinkConnector, topics: [orders] }
          kafka-infra:ksqldb:
            - { name: analytics, topics: [orders], listener: plain }
        """;

    private static DesiredState WithListeners() => StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: Listeners, tail: Clients));

    [Fact]
    public void Listeners_are_rendered_as_configured_with_their_configuration_passed_through()
    {
        var listeners = WithListeners().Single("Kafka", "events").Spec().Child("kafka").ListAt("listeners").Cast<Tree>().ToList();
        Assert.Equal(["tls", "plain", "inner", "external"], listeners.Select(l => (string)l["name"]!));
        var external = listeners[3];
        Assert.Equal(("loadbalancer", 9094, true, "tls"), ((string)external["type"]!, (int)external["port"]!, (bool)external["tls"]!, (string)external.At("authentication.type")!));
        Assert.Equal("payments", external.At("configuration.bootstrap.annotations.team"));
        Assert.Equal(["10.0.0.0/8"], external.Child("configuration").ListAt("loadBalancerSourceRanges"));
        Assert.Equal(false, listeners[1]["tls"]);
    }

    [Fact]
    public void A_listener_without_authentication_renders_no_authentication_block()
    {
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: """
            listeners:
              - { name: tls, port: 9093, type: internal }
              - { name: open, port: 9096, type: internal, tls: false, authentication: none }
            """));
        var open = state.Single("Kafka", "events").Spec().Child("kafka").ListAt("listeners").Cast<Tree>().Single(l => (string?)l["name"] == "open");
        Assert.Null(open["authentication"]);
    }

    [Fact]
    public void Each_client_reaches_the_brokers_through_the_listener_it_names()
    {
        var state = WithListeners();
        var onDefault = Trigger(state.Single("ScaledObject", "on-default"));
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", onDefault["bootstrapServers"]);
        Assert.Equal("enable", onDefault["tls"]);

        // tls: false with SCRAM: SASL without TLS (KEDA reads the ca of the shared ClusterTriggerAuthentication only with tls).
        var onPlain = Trigger(state.Single("ScaledObject", "on-plain"));
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9092", onPlain["bootstrapServers"]);
        Assert.Equal("scram_sha512", onPlain["sasl"]);
        Assert.Null(onPlain["tls"]);
        var onPlainRef = ((Tree)state.Single("ScaledObject", "on-plain").Spec().ListAt("triggers")[0]).Child("authenticationRef");
        Assert.Equal("ClusterTriggerAuthentication", onPlainRef["kind"]);

        // A cluster-ip listener has its own bootstrap service <cluster>-kafka-<listener>-bootstrap (Strimzi listener naming).
        var connect = state.Single("KafkaConnect", "sinks").Spec();
        Assert.Equal("events-kafka-inner-bootstrap.kafka.svc:9095", connect["bootstrapServers"]);
        Assert.NotNull(connect["tls"]);
        Assert.Equal("events-kafka-inner-bootstrap.kafka.svc:9095", Trigger(state.Single("ScaledObject", "sinks-connect"))["bootstrapServers"]);

        var env = state.Single("Deployment", "ksqldb-analytics").Body.At("spec.template.spec.containers") is IReadOnlyList<object> c
            ? ((Tree)c[0]).ListAt("env").Cast<Tree>().ToDictionary(e => (string)e["name"]!, e => e["value"])
            : throw new InvalidOperationException("no containers");
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9092", env["KSQL_BOOTSTRAP_SERVERS"]);
        Assert.Equal("SASL_PLAINTEXT", env["KSQL_SECURITY_PROTOCOL"]);
        Assert.DoesNotContain("KSQL_SSL_TRUSTSTORE_LOCATION", env.Keys);
    }

    [Fact]
    public void The_shared_listener_choice_gives_every_client_the_same_address()
    {
        var config = StrimziStacks.Plan(StrimziStacks.StrimziYaml(strimziExtra: Listeners, tail: Clients)).Config.Cluster.Strimzi!;
        var access = KafkaInfra.Core.Desired.Kubernetes.ClientAccess.Strimzi("events", "kafka", config.ClientListener("inner")!);
        Assert.Equal("events-kafka-inner-bootstrap.kafka.svc:9095", access.BootstrapServers.ToTreeValue());
        Assert.Equal("tls", config.ClientListener(null)!.Name);
    }

    [Fact]
    public void Worker_config_is_merged_into_the_connect_config_after_the_planned_keys()
    {
        var config = WithListeners().Single("KafkaConnect", "sinks").Spec().Child("config");
        Assert.Equal(["config.storage.replication.factor", "offset.storage.replication.factor", "status.storage.replication.factor", "scheduled.rebalance.max.delay.ms", "key.converter", "offset.flush.interval.ms"], config.Keys);
        Assert.Equal(10000, config["offset.flush.interval.ms"]);
        Assert.Equal("org.apache.kafka.connect.storage.StringConverter", config["key.converter"]);
    }

    [Fact]
    public void Node_pools_carry_the_cluster_name_roles_storage_and_jvm_options()
    {
        var state = StrimziStacks.Strimzi(StrimziShapeStacks.Pools(StrimziShapeStacks.TwoBrokerPools));
        Assert.Equal(["events-ctrl", "events-fast", "events-big"], state.OfKind("KafkaNodePool").Select(p => p.Name));
        var fast = state.Single("KafkaNodePool", "events-fast").Spec();
        Assert.Equal(["broker"], fast.ListAt("roles"));
        Assert.Equal(2, fast["replicas"]);
        Assert.Equal(("persistent-claim", "200Gi", "io2", false), ((string)fast.At("storage.type")!, (string)fast.At("storage.size")!, (string)fast.At("storage.class")!, (bool)fast.At("storage.deleteClaim")!));
        Assert.Null(fast.At("storage.kraftMetadata"));
        Assert.Equal("4g", fast.At("jvmOptions.-Xmx"));
        var big = state.Single("KafkaNodePool", "events-big").Spec();
        var volumes = big.ListAt("storage.volumes").Cast<Tree>().ToList();
        Assert.Equal([0, 1], volumes.Select(v => (int)v["id"]!));
        Assert.Equal(["300Gi", "400Gi"], volumes.Select(v => (string)v["size"]!));
        // Without a marked volume the lowest id holds the KRaft metadata log.
        Assert.Equal(["shared"], volumes.Select(v => v["kraftMetadata"]).OfType<string>());
        Assert.Equal("shared", volumes[0]["kraftMetadata"]);
        Assert.Equal("events", state.Single("KafkaNodePool", "events-big").Label("strimzi.io/cluster"));
    }

    [Fact]
    public void The_planner_sizes_from_the_broker_pools()
    {
        var plan = StrimziStacks.Plan(StrimziShapeStacks.Pools(StrimziShapeStacks.TwoBrokerPools));
        Assert.Equal(5, plan.Config.Cluster.Brokers); // 2 + 3 broker replicas; the controller pool does not count
        Assert.Equal(200, plan.Config.Cluster.StorageGiB); // the smallest broker disk: 200 (fast) < 300 + 400 (big)
        Assert.Equal(5, plan.Cluster.Brokers);
    }

    [Fact]
    public void Dual_role_and_ephemeral_pools_render_as_strimzi_expects()
    {
        var state = StrimziStacks.Strimzi(StrimziShapeStacks.Pools("""
            - { name: mixed, roles: [controller, broker], replicas: 3, storage: { type: ephemeral } }
            """));
        var mixed = state.Single("KafkaNodePool", "events-mixed").Spec();
        Assert.Equal(["controller", "broker"], mixed.ListAt("roles"));
        Assert.Equal("ephemeral", mixed.At("storage.type"));
        Assert.Null(mixed.At("storage.size"));
        Assert.Null(mixed.At("storage.deleteClaim"));
        Assert.Contains(StrimziStacks.PlanText(StrimziShapeStacks.Pools("""
            - { name: mixed, roles: [controller, broker], replicas: 3, storage: { type: ephemeral } }
            """)).Warnings, w => w.Path.EndsWith("nodePools[0].storage", StringComparison.Ordinal) && w.Message.Contains("ephemeral", StringComparison.Ordinal));
    }

    [Fact]
    public void Kafka_config_is_merged_after_the_planner_keys_with_typed_values()
    {
        var config = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: """
            kafkaConfig: { message.max.bytes: 2097152, ssl.cipher.suites: TLS_AES_256_GCM_SHA384, log.cleaner.enable: true }
            """)).Single("Kafka", "events").Spec().At("kafka.config") as Tree;
        Assert.NotNull(config);
        Assert.Equal(2097152, config["message.max.bytes"]);
        Assert.Equal(true, config["log.cleaner.enable"]);
        Assert.Equal("TLS_AES_256_GCM_SHA384", config["ssl.cipher.suites"]); // a FORBIDDEN_PREFIX_EXCEPTIONS entry of KafkaClusterSpec
        var keys = config.Keys.ToList();
        Assert.True(keys.IndexOf("num.partitions") < keys.IndexOf("message.max.bytes"));
    }

    [Fact]
    public void Overrides_are_deep_merged_into_their_sections_only()
    {
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: """
            rackTopologyKey: topology.kubernetes.io/zone
            overrides:
              kafka: { template: { pod: { priorityClassName: high } }, jvmOptions: { -Xmx: 6g } }
              brokerPool: { template: { pod: { tolerations: [ { key: kafka, operator: Exists } ] } } }
              controllerPool: { resources: { requests: { cpu: 250m } } }
              cruiseControl: { config: { num.concurrent.partition.movements.per.broker: 5 } }
              entityOperator: { topicOperator: { reconciliationIntervalMs: 60000 } }
              kafkaExporter: { topicExcludeRegex: "__.*" }
            """));
        var spec = state.Single("Kafka", "events").Spec();
        Assert.Equal("high", spec.At("kafka.template.pod.priorityClassName"));
        Assert.Equal("6g", spec.At("kafka.jvmOptions.-Xmx"));
        Assert.Equal(5, Assert.IsType<int>(((Tree)spec.At("cruiseControl.config")!)["num.concurrent.partition.movements.per.broker"]));
        Assert.NotEmpty(spec.ListAt("cruiseControl.autoRebalance")); // merged into, not replaced
        Assert.Equal(60000, spec.At("entityOperator.topicOperator.reconciliationIntervalMs"));
        Assert.NotNull(spec.At("entityOperator.userOperator"));
        Assert.Equal("__.*", spec.At("kafkaExporter.topicExcludeRegex"));
        Assert.Equal(".*", spec.At("kafkaExporter.topicRegex"));
        var broker = state.Single("KafkaNodePool", "events-broker").Spec();
        Assert.Single(broker.ListAt("template.pod.tolerations"));
        Assert.Single(broker.ListAt("template.pod.topologySpreadConstraints")); // the zone spread stays beside the override
        Assert.Null(broker.At("resources"));
        var controller = state.Single("KafkaNodePool", "events-controller").Spec();
        Assert.Equal("250m", controller.At("resources.requests.cpu"));
        Assert.Null(controller.At("template.pod.tolerations"));
    }

    [Fact]
    public void Cruise_control_and_kafka_exporter_can_be_turned_off()
    {
        var yaml = StrimziStacks.StrimziYaml(strimziExtra: "cruiseControl: false\nkafkaExporter: false");
        var state = StrimziStacks.Strimzi(yaml);
        var spec = state.Single("Kafka", "events").Spec();
        Assert.Null(spec["cruiseControl"]);
        Assert.Null(spec["kafkaExporter"]);
        Assert.Empty(state.OfKind("KafkaRebalance"));
        Assert.Contains(StrimziStacks.PlanText(yaml).Warnings, w => w.Path.EndsWith("strimzi.cruiseControl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metrics_allow_list_replaces_strimzis_default_and_warns_about_dashboard_metrics_it_drops()
    {
        var yaml = StrimziStacks.StrimziYaml(strimziExtra: "metrics: { allowList: [\"kafka_server_replicamanager_.*\", \"kafka_log_log_size\"] }");
        var spec = StrimziStacks.Strimzi(yaml).Single("Kafka", "events").Spec();
        Assert.Equal(["kafka_server_replicamanager_.*", "kafka_log_log_size"], spec.ListAt("kafka.metricsConfig.values.allowList"));
        var warning = Assert.Single(StrimziStacks.PlanText(yaml).Warnings, w => w.Path.EndsWith("metrics.allowList", StringComparison.Ordinal));
        Assert.Contains($"leaves out {StrimziMetrics.DashboardMetrics.Count - 4} of the {StrimziMetrics.DashboardMetrics.Count}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strimzis_default_allow_list_keeps_every_metric_its_dashboards_use()
    {
        // What the rendered Kafka gets when no allowList is set (metricsConfig without values).
        Assert.Empty(StrimziMetrics.DashboardMetricsDropped(StrimziMetrics.StrimziDefaultAllowList));
        Assert.Equal(34, StrimziMetrics.DashboardMetrics.Count);

        // The list the project rendered before issue 16 kept only 14 of them.
        string[] old = ["kafka_controller_kafkacontroller_.*", "kafka_log_log_size", "kafka_network_requestmetrics_requests_total", "kafka_server_brokertopicmetrics_.*",
            "kafka_server_replicamanager_.*", "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent", "kafka_server_socketservermetrics_connection_count"];
        Assert.Equal(14, StrimziMetrics.DashboardMetrics.Count - StrimziMetrics.DashboardMetricsDropped(old).Count);
    }

    [Fact]
    public void The_example_renders_an_external_listener_and_two_broker_pools()
    {
        var plan = StrimziStacks.Plan(StrimziShapeStacks.Example());
        var state = KafkaInfra.Core.Desired.Strimzi.StrimziDesiredState.Build(plan);
        Assert.Equal(6, plan.Config.Cluster.Brokers);
        Assert.Equal(2, state.OfKind("KafkaNodePool").Count(p => p.Spec().ListAt("roles").Contains("broker")));
        Assert.Contains(state.Single("Kafka", "payments").Spec().Child("kafka").ListAt("listeners").Cast<Tree>(), l => (string?)l["type"] == "loadbalancer");
        Assert.Equal("kafka-critical", state.Single("KafkaNodePool", "payments-brokers-b").Spec().At("template.pod.priorityClassName"));
    }

    private static Tree Trigger(KubernetesObject scaledObject) => (Tree)((Tree)scaledObject.Spec().ListAt("triggers")[0]).Child("metadata");
}
