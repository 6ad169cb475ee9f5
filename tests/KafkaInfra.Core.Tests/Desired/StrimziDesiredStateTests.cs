using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Desired.Strimzi;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired;

public class StrimziDesiredStateTests
{
    private const string FullTail = """
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              consumerGroup: orders-cg
              maxReplicas: 10
          kafka-infra:connect:
            - name: sinks
              replicas: 1
              maxReplicas: 20
              image: registry.example.com/kafka/connect-plugins:1
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [orders]
                - name: ingest
                  class: io.debezium.connector.postgresql.PostgresConnector
                  topics: [payments]
          kafka-infra:ksqldb:
            - name: analytics
              serviceId: analytics_
              topics: [payments]
        """;

    private const string TwoTopics = """
        - name: orders
          messagesPerSecond: 1000
          messagesPerSecondPerConsumer: 250
        - name: payments
          messagesPerSecond: 100
          messagesPerSecondPerConsumer: 100
        """;

    private static DesiredState Full(string strimziExtra = "", int brokers = 3) =>
        StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(brokers: brokers, strimziExtra: strimziExtra, topics: TwoTopics, tail: FullTail));

    private static IEnumerable<Tree> Acls(KubernetesObject user) => user.Spec().ListAt("authorization.acls").Cast<Tree>();

    private static IEnumerable<string> Ops(Tree acl) => acl.ListAt("operations").Cast<string>();

    [Fact]
    public void Topics_carry_the_planned_partitions_replicas_and_config()
    {
        var plan = StrimziStacks.DevPlan();
        var state = StrimziDesiredState.Build(plan);
        Assert.Equal(plan.Topics.Count, state.OfKind("KafkaTopic").Count());
        foreach (var t in plan.Topics)
        {
            var topic = state.Single("KafkaTopic", KafkaResources.KafkaTopic(t.Name));
            Assert.Equal(ObjectStage.TopicsAndUsers, topic.Stage);
            Assert.Equal("events", topic.Label("strimzi.io/cluster"));
            Assert.Equal("kafka", topic.Namespace);
            Assert.Equal(t.Partitions, topic.Spec()["partitions"]);
            Assert.Equal(t.ReplicationFactor, topic.Spec()["replicas"]);
            var config = topic.Spec().Child("config");
            Assert.Equal(t.KafkaConfig.Count, config.Count);
            foreach (var (k, v) in t.KafkaConfig)
            {
                Assert.Equal(v, config[k]);
            }

            Assert.Null(topic.Spec()["topicName"]); // valid Kubernetes names need no topicName
        }
    }

    public static TheoryData<string, string> TopicNames() => new()
    {
        { "orders", "orders" },
        { "vehicle.telemetry", "vehicle.telemetry" },
        { "Orders", "orders-" },
        { "orders_v2", "orders-v2-" },
        { "_internal", "internal-" },
        { "__", "topic-" },
    };

    [Theory]
    [MemberData(nameof(TopicNames))]
    public void Topic_resource_names_are_valid_kubernetes_names(string topic, string expectedPrefix)
    {
        var name = KafkaResources.KafkaTopic(topic);
        Assert.StartsWith(expectedPrefix, name, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", name);
        Assert.Equal(name, KafkaResources.KafkaTopic(topic)); // stable
        if (name != topic)
        {
            Assert.Matches("-[0-9a-f]{8}$", name); // transformed names always carry the hash of the real name
        }
    }

    [Fact]
    public void Every_legal_kafka_topic_name_maps_to_a_distinct_valid_kubernetes_name()
    {
        const string alphabet = "abcXYZ019._-";
        var random = new Random(20261123);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(1, i % 10 == 0 ? 249 : 12);
            var topic = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (Names.TopicNameProblem(topic) is not null || seen.ContainsKey(topic))
            {
                continue;
            }

            var name = KafkaResources.KafkaTopic(topic);
            Assert.True(name.Length <= 253, topic);
            Assert.Matches("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", name);
            Assert.True(names.Add(name), $"{topic} maps to {name}, which another topic already has");
            seen[topic] = name;
        }

        Assert.True(seen.Count > 4000, $"only {seen.Count} distinct legal names were generated");
    }

    [Fact]
    public void Topic_names_that_differ_only_in_case_or_underscore_get_distinct_resource_names_and_keep_the_real_topic_name()
    {
        Assert.NotEqual(KafkaResources.KafkaTopic("Orders"), KafkaResources.KafkaTopic("ORDERS"));
        Assert.NotEqual(KafkaResources.KafkaTopic("a_b"), KafkaResources.KafkaTopic("a-b"));
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(topics: """
            - name: Orders_V2
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
            """));
        var topic = Assert.Single(state.OfKind("KafkaTopic"));
        Assert.NotEqual("Orders_V2", topic.Name);
        Assert.Equal("Orders_V2", topic.Spec()["topicName"]);
    }

    [Fact]
    public void Kafka_has_a_tls_scram_listener_simple_authorization_and_the_planned_broker_config()
    {
        var plan = StrimziStacks.DevPlan();
        var kafka = StrimziDesiredState.Build(plan).Single("Kafka", "events");
        Assert.Equal(ObjectStage.Cluster, kafka.Stage);
        Assert.Contains(kafka.Annotations, a => a.Key == "pulumi.com/waitFor" && a.Value == "condition=Ready");
        var spec = kafka.Spec().Child("kafka");
        var listener = Assert.IsType<Tree>(Assert.Single(spec.ListAt("listeners")));
        Assert.Equal("tls", listener["name"]);
        Assert.Equal(9093, listener["port"]);
        Assert.Equal(true, listener["tls"]);
        Assert.Equal("scram-sha-512", listener.At("authentication.type"));
        Assert.Equal("simple", spec.At("authorization.type"));
        var config = spec.Child("config");
        Assert.Equal(false, config["auto.create.topics.enable"]);
        Assert.Equal(plan.Cluster.NumPartitions, config["num.partitions"]);
        Assert.Equal(3, config["default.replication.factor"]);
        Assert.Equal(2, config["min.insync.replicas"]);
        Assert.Equal(3, config["offsets.topic.replication.factor"]);
        Assert.Equal(3, config["transaction.state.log.replication.factor"]);
        Assert.Equal(2, config["transaction.state.log.min.isr"]);
        Assert.Equal("strimziMetricsReporter", spec.At("metricsConfig.type"));
        // No values: Strimzi applies its own default allow-list, the one its dashboards are written for (issue 16 item 8).
        Assert.Null(spec.At("metricsConfig.values"));
        Assert.NotNull(kafka.Spec()["kafkaExporter"]);
        Assert.Equal(0, kafka.Spec().Child("entityOperator").Child("topicOperator").Count);
        Assert.Equal(0, kafka.Spec().Child("entityOperator").Child("userOperator").Count);
        Assert.Null(spec["rack"]);
    }

    [Fact]
    public void A_plain_listener_is_added_only_when_asked_for()
    {
        var kafka = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: "plainListener: true")).Single("Kafka", "events");
        var names = kafka.Spec().Child("kafka").ListAt("listeners").Cast<Tree>().Select(l => (l["name"], l["port"], l["tls"])).ToList();
        Assert.Equal([("plain", (object)9092, (object)false), ("tls", 9093, true)], names);
    }

    [Fact]
    public void The_plain_listener_warning_says_scram_as_the_listener_the_operator_reads_does()
    {
        var yaml = StrimziStacks.StrimziYaml(strimziExtra: "plainListener: true");
        var plain = StrimziStacks.Strimzi(yaml).Single("Kafka", "events").Spec().Child("kafka").ListAt("listeners").Cast<Tree>().Single(l => (string?)l["name"] == "plain");
        Assert.Equal("scram-sha-512", plain.At("authentication.type"));
        var warning = Assert.Single(TestStacks.Lines(StrimziStacks.PlanText(yaml).Warnings), w => w.Contains("plainListener", StringComparison.Ordinal));
        Assert.DoesNotContain("unauthenticated", warning, StringComparison.Ordinal);
        Assert.Contains("SCRAM", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Cruise_control_is_rendered_only_from_two_brokers_as_the_replication_message_says()
    {
        Assert.Null(StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(brokers: 1, topics: "- name: orders\n  messagesPerSecond: 10\n  messagesPerSecondPerConsumer: 10\n  replicationFactor: 1\n  minInsyncReplicas: 1")).Single("Kafka", "events").Spec()["cruiseControl"]);
        Assert.NotNull(StrimziStacks.Dev().Single("Kafka", "events").Spec()["cruiseControl"]);
        Assert.DoesNotContain("always", PlatformProfile.For(Platform.Strimzi).ReplicationRaised, StringComparison.Ordinal);
    }

    [Fact]
    public void Cruise_control_auto_rebalances_on_add_and_remove_through_template_rebalances()
    {
        var state = StrimziStacks.Dev();
        var autoRebalance = state.Single("Kafka", "events").Spec().ListAt("cruiseControl.autoRebalance").Cast<Tree>().ToList();
        Assert.Equal(["add-brokers", "remove-brokers"], autoRebalance.Select(a => (string)a["mode"]!));
        foreach (var entry in autoRebalance)
        {
            var template = state.Single("KafkaRebalance", (string)entry.At("template.name")!);
            Assert.Contains(template.Annotations, a => a.Key == "strimzi.io/rebalance-template" && a.Value == "true");
            Assert.DoesNotContain(template.Labels, l => l.Key == "strimzi.io/cluster"); // a template is not a rebalance request
            Assert.Equal("kafka", template.Namespace);
        }
    }

    [Fact]
    public void Node_pools_are_a_dedicated_controller_pool_and_a_broker_pool_with_persistent_jbod()
    {
        var state = StrimziStacks.Dev();
        var controller = state.Single("KafkaNodePool", "events-controller");
        var broker = state.Single("KafkaNodePool", "events-broker");
        Assert.Equal(["controller"], controller.Spec().ListAt("roles"));
        Assert.Equal(["broker"], broker.Spec().ListAt("roles"));
        Assert.Equal(3, controller.Spec()["replicas"]);
        Assert.Equal(3, broker.Spec()["replicas"]);
        Assert.Equal("events", broker.Label("strimzi.io/cluster"));
        var volume = Assert.IsType<Tree>(Assert.Single(broker.Spec().ListAt("storage.volumes")));
        Assert.Equal("jbod", broker.Spec().At("storage.type"));
        Assert.Equal(0, volume["id"]);
        Assert.Equal("persistent-claim", volume["type"]);
        Assert.Equal("300Gi", volume["size"]);
        Assert.Equal("standard", volume["class"]);
        Assert.Equal(false, volume["deleteClaim"]);
        Assert.Equal("shared", volume["kraftMetadata"]);
        Assert.Equal("20Gi", ((Tree)controller.Spec().ListAt("storage.volumes")[0])["size"]);
        Assert.Null(broker.Spec()["resources"]);
    }

    [Fact]
    public void Changing_brokers_changes_only_the_broker_pool_replicas()
    {
        var three = Full(brokers: 3).Kubernetes;
        var five = Full(brokers: 5).Kubernetes;
        Assert.Equal(three.Select(o => o.FileName), five.Select(o => o.FileName));
        var changed = three.Zip(five).Where(p => ManifestWriter.ToYaml(p.First) != ManifestWriter.ToYaml(p.Second)).Select(p => p.Second).ToList();
        var pool = Assert.Single(changed);
        Assert.Equal(("KafkaNodePool", "events-broker", 5), (pool.Kind, pool.Name, pool.Spec()["replicas"]));
    }

    [Fact]
    public void Rack_awareness_sets_the_topology_key_and_spreads_each_pool_over_it()
    {
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: """
            rackTopologyKey: topology.kubernetes.io/zone
            brokerResources:
              requests: { cpu: "2", memory: 8Gi }
            """));
        Assert.Equal("topology.kubernetes.io/zone", state.Single("Kafka", "events").Spec().At("kafka.rack.topologyKey"));
        foreach (var pool in new[] { "events-controller", "events-broker" })
        {
            var constraint = Assert.IsType<Tree>(Assert.Single(state.Single("KafkaNodePool", pool).Spec().ListAt("template.pod.topologySpreadConstraints")));
            Assert.Equal("topology.kubernetes.io/zone", constraint["topologyKey"]);
            Assert.Equal(1, constraint["maxSkew"]);
            Assert.Equal(pool, constraint.At("labelSelector.matchLabels")! is Tree m ? m["strimzi.io/pool-name"] : null);
        }

        Assert.Equal("8Gi", state.Single("KafkaNodePool", "events-broker").Spec().At("resources.requests.memory"));
    }

    [Fact]
    public void A_consumer_user_can_only_read_its_own_topic_and_use_its_own_group()
    {
        var user = Full().Single("KafkaUser", "apps-order-service");
        Assert.Equal("scram-sha-512", user.Spec().At("authentication.type"));
        Assert.Equal("simple", user.Spec().At("authorization.type"));
        var acls = Acls(user).ToList();
        Assert.DoesNotContain(acls, a => Ops(a).Any(o => o is "Write" or "All" or "Create" or "Delete" or "Alter"));
        Assert.All(acls, a => Assert.Equal("literal", a.At("resource.patternType")));
        var topics = acls.Where(a => (string?)a.At("resource.type") == "topic").ToList();
        Assert.Equal(["orders"], topics.Select(a => a.At("resource.name")));
        Assert.Equal(["Read", "Describe"], Ops(topics[0]));
        var group = Assert.Single(acls, a => (string?)a.At("resource.type") == "group");
        Assert.Equal("orders-cg", group.At("resource.name"));
        Assert.Equal(["Read"], Ops(group));
        Assert.Equal(2, acls.Count);
    }

    [Fact]
    public void A_connect_user_reads_sinks_writes_sources_and_owns_only_its_internal_topics_and_groups()
    {
        var acls = Acls(Full().Single("KafkaUser", "connect-sinks")).ToList();
        Tree Topic(string name) => Assert.Single(acls, a => (string?)a.At("resource.type") == "topic" && (string?)a.At("resource.name") == name);
        Assert.Equal(["Read", "Describe"], Ops(Topic("orders")));
        Assert.Equal(["Write", "Describe"], Ops(Topic("payments")));
        foreach (var t in new[] { "sinks-configs", "sinks-offsets", "sinks-status" })
        {
            Assert.Superset(new HashSet<string> { "Read", "Write", "Describe", "Create" }, Ops(Topic(t)).ToHashSet());
        }

        var groups = acls.Where(a => (string?)a.At("resource.type") == "group").Select(a => (string?)a.At("resource.name")).ToList();
        Assert.Equal(["sinks", "connect-archive"], groups); // the worker group and the sink connector's group; a source has none
        Assert.DoesNotContain(acls, a => Ops(a).Contains("All"));
    }

    [Fact]
    public void A_ksqldb_user_owns_its_service_id_prefix_and_reads_and_writes_its_topics()
    {
        var acls = Acls(Full().Single("KafkaUser", "ksqldb-analytics")).ToList();
        Assert.Contains(acls, a => (string?)a.At("resource.type") == "topic" && (string?)a.At("resource.name") == "_confluent-ksql-analytics_" && (string?)a.At("resource.patternType") == "prefix");
        Assert.Contains(acls, a => (string?)a.At("resource.type") == "group" && (string?)a.At("resource.name") == "_confluent-ksql-analytics_" && (string?)a.At("resource.patternType") == "prefix");
        Assert.Contains(acls, a => (string?)a.At("resource.type") == "transactionalId" && (string?)a.At("resource.name") == "analytics_");
        var cluster = Assert.Single(acls, a => (string?)a.At("resource.type") == "cluster");
        Assert.Equal(["Describe", "DescribeConfigs"], Ops(cluster));
        Assert.Null(cluster.At("resource.name"));
        var payments = Assert.Single(acls, a => (string?)a.At("resource.name") == "payments");
        Assert.Equal(["Read", "Write", "Describe"], Ops(payments));
        Assert.DoesNotContain(acls, a => (string?)a.At("resource.name") == "orders");
    }

    [Fact]
    public void Kafka_connect_has_every_v1_required_field_tls_trust_scram_and_connector_resources()
    {
        var plan = StrimziStacks.Plan(StrimziStacks.StrimziYaml(topics: TwoTopics, tail: FullTail));
        var group = Assert.Single(plan.Connect);
        var state = StrimziDesiredState.Build(plan);
        var connect = state.Single("KafkaConnect", "sinks");
        var spec = connect.Spec();
        Assert.Equal(ObjectStage.Connect, connect.Stage);
        Assert.Equal("connect/sinks", connect.Component);
        Assert.True(connect.ReplicasOwnedByAutoscaler);
        Assert.Contains(connect.Annotations, a => a.Key == "strimzi.io/use-connector-resources" && a.Value == "true");
        Assert.Equal(group.Replicas, spec["replicas"]);
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", spec["bootstrapServers"]);
        Assert.Equal(group.GroupId, spec["groupId"]);
        Assert.Equal(group.ConfigStorageTopic, spec["configStorageTopic"]);
        Assert.Equal(group.OffsetStorageTopic, spec["offsetStorageTopic"]);
        Assert.Equal(group.StatusStorageTopic, spec["statusStorageTopic"]);
        var trusted = (Tree)Assert.Single(spec.ListAt("tls.trustedCertificates"));
        Assert.Equal("events-cluster-ca-cert", trusted["secretName"]);
        // Strimzi trusts every Secret key matching the glob: during a CA key replacement the previous CA's *.crt too (platform-facts 8.2).
        Assert.Null(trusted["certificate"]);
        Assert.Equal(["ca.crt", "ca-previous.crt"], new[] { "ca.crt", "ca-previous.crt", "ca.p12", "ca.password" }.Where(k => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression((string)trusted["pattern"]!, k)));
        Assert.Equal("scram-sha-512", spec.At("authentication.type"));
        Assert.Equal("connect-sinks", spec.At("authentication.username"));
        Assert.Equal("connect-sinks", spec.At("authentication.passwordSecret.secretName"));
        Assert.Equal("password", spec.At("authentication.passwordSecret.password"));
        Assert.Equal(3, spec.At("config")! is Tree c ? c["config.storage.replication.factor"] : null);

        var archive = state.Single("KafkaConnector", "archive");
        var planned = group.Connectors.Single(c => c.Name == "archive");
        Assert.Equal("sinks", archive.Label("strimzi.io/cluster"));
        Assert.Equal(planned.TasksMax, archive.Spec()["tasksMax"]);
        Assert.Equal("io.confluent.connect.s3.S3SinkConnector", archive.Spec()["class"]);
        Assert.Equal("orders", archive.Spec().At("config")! is Tree ac ? ac["topics"] : null);
        Assert.Equal(true, archive.Spec().At("autoRestart.enabled"));
        Assert.Null(state.Single("KafkaConnector", "ingest").Spec().Child("config")["topics"]); // sources get no topics key
    }

    [Fact]
    public void A_connect_group_without_max_replicas_keeps_its_replicas_and_gets_no_scaled_object()
    {
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:connect:
                - name: fixed
                  replicas: 2
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
            """));
        Assert.False(state.Single("KafkaConnect", "fixed").ReplicasOwnedByAutoscaler);
        Assert.Empty(state.OfKind("ScaledObject"));
    }

    [Fact]
    public void Consumer_scaled_objects_never_exceed_the_topic_partitions()
    {
        var plan = StrimziStacks.Plan(StrimziStacks.StrimziYaml(topics: TwoTopics, tail: FullTail));
        var state = StrimziDesiredState.Build(plan);
        var consumer = Assert.Single(plan.Consumers);
        var so = state.Single("ScaledObject", "order-service");
        Assert.Equal("apps", so.Namespace);
        Assert.Equal(ObjectStage.Autoscaling, so.Stage);
        Assert.Equal("keda/order-service", so.Component);
        Assert.Equal(consumer.MaxReplicas, so.Spec()["maxReplicaCount"]);
        Assert.True((int)so.Spec()["maxReplicaCount"]! <= plan.Topic("orders").Partitions);
        Assert.Equal(consumer.MinReplicas, so.Spec()["minReplicaCount"]);
        Assert.Equal("Deployment", so.Spec().At("scaleTargetRef.kind"));
        Assert.Equal("apps/v1", so.Spec().At("scaleTargetRef.apiVersion"));
        var trigger = Assert.IsType<Tree>(Assert.Single(so.Spec().ListAt("triggers")));
        Assert.Equal("kafka", trigger["type"]);
        var metadata = trigger.Child("metadata");
        Assert.All(metadata, kv => Assert.IsType<string>(kv.Value));
        Assert.Equal("orders-cg", metadata["consumerGroup"]);
        Assert.Equal("orders", metadata["topic"]);
        Assert.Equal("10", metadata["lagThreshold"]);
        Assert.Equal("scram_sha512", metadata["sasl"]);
        Assert.Equal("enable", metadata["tls"]);

        // The trigger logs in as KEDA's own describe-only identity, through the cluster-wide authentication object;
        // nothing per consumer (no TriggerAuthentication, no ConfigMap) is rendered in the consumer's namespace.
        Assert.Equal(KedaRenderer.ClusterKind, trigger.At("authenticationRef.kind"));
        Assert.Equal("events-kafka", trigger.At("authenticationRef.name"));
        Assert.DoesNotContain(state.Kubernetes, o => o.Kind is "TriggerAuthentication" or "ConfigMap" && o.Namespace == "apps");
    }

    [Fact]
    public void Nothing_depends_on_a_secret_replicator_any_more()
    {
        var state = Full();
        foreach (var o in state.Kubernetes)
        {
            Assert.DoesNotContain("replicator", ManifestWriter.ToYaml(o.ToManifest()), StringComparison.Ordinal);
        }

        Assert.Null(state.Single("Kafka", "events").Spec().At("kafka.template"));
        Assert.All(state.Kubernetes.Where(o => o.Kind == "KafkaUser"), u => Assert.Null(u.Spec()["template"]));
    }

    [Fact]
    public void Connect_workers_scale_on_their_sink_connectors_lag_up_to_the_partitions_they_read()
    {
        var plan = StrimziStacks.Plan(StrimziStacks.StrimziYaml(topics: TwoTopics, tail: FullTail));
        var state = StrimziDesiredState.Build(plan);
        var so = state.Single("ScaledObject", "sinks-connect");
        Assert.Equal("kafka", so.Namespace);
        Assert.Equal("KafkaConnect", so.Spec().At("scaleTargetRef.kind"));
        Assert.Equal("kafka.strimzi.io/v1", so.Spec().At("scaleTargetRef.apiVersion"));
        Assert.Equal("sinks", so.Spec().At("scaleTargetRef.name"));
        var max = (int)so.Spec()["maxReplicaCount"]!;
        Assert.Equal(plan.Connect[0].MaxReplicas, max);
        Assert.True(max <= plan.Topic("orders").Partitions, $"{max} workers for {plan.Topic("orders").Partitions} partitions");
        var trigger = Assert.IsType<Tree>(Assert.Single(so.Spec().ListAt("triggers"))); // one per sink; the source has none
        Assert.Equal("connect-archive", trigger.At("metadata.consumerGroup"));
        Assert.DoesNotContain(state.Kubernetes, o => o.Kind == "ScaledObject" && (string?)o.Spec().At("scaleTargetRef.kind") == "KafkaConnector");
    }

    [Fact]
    public void Ksqldb_runs_as_a_deployment_and_service_with_scram_tls_settings_from_the_plan()
    {
        var plan = StrimziStacks.Plan(StrimziStacks.StrimziYaml(topics: TwoTopics, tail: FullTail));
        var state = StrimziDesiredState.Build(plan);
        var deployment = state.Single("Deployment", "ksqldb-analytics");
        var model = Assert.IsType<DeploymentModel>(deployment.Model);
        Assert.Equal(ObjectStage.KsqlDb, deployment.Stage);
        Assert.Equal("ksqldb/analytics", deployment.Component);
        Assert.Equal(ManifestWriter.ToYaml(model.ToBody()), ManifestWriter.ToYaml(deployment.Body));
        var container = Assert.Single(model.Containers);
        var env = container.Env.ToDictionary(e => e.Name);
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", env["KSQL_BOOTSTRAP_SERVERS"].Value);
        Assert.Equal("analytics_", env["KSQL_KSQL_SERVICE_ID"].Value);
        Assert.Equal(plan.KsqlDb[0].InternalReplicationFactor.ToString(System.Globalization.CultureInfo.InvariantCulture), env["KSQL_KSQL_STREAMS_REPLICATION_FACTOR"].Value);
        Assert.Equal("3", env["KSQL_KSQL_INTERNAL_TOPIC_REPLICAS"].Value);
        Assert.Equal("SASL_SSL", env["KSQL_SECURITY_PROTOCOL"].Value);
        Assert.Equal("SCRAM-SHA-512", env["KSQL_SASL_MECHANISM"].Value);
        Assert.Equal(("ksqldb-analytics", "sasl.jaas.config"), (env["KSQL_SASL_JAAS_CONFIG"].SecretName, env["KSQL_SASL_JAAS_CONFIG"].SecretKey));
        var ca = Assert.Single(model.SecretVolumes);
        Assert.Equal("events-cluster-ca-cert", ca.SecretName);
        Assert.Equal("/healthcheck", container.LivenessProbe!.HttpPath);
        Assert.Equal(8088, container.LivenessProbe!.Port);
        Assert.Equal(Defaults.KsqlDbImage, container.Image);
        Assert.All(model.SelectorLabels, l => Assert.Contains(l, model.PodLabels));

        var service = state.Single("Service", "ksqldb-analytics");
        var serviceModel = Assert.IsType<ServiceModel>(service.Model);
        Assert.Equal(8088, Assert.Single(serviceModel.Ports).Port);
        Assert.Equal(model.SelectorLabels, serviceModel.Selector);
        Assert.Equal("ClusterIP", service.Spec()["type"]);
    }

    [Fact]
    public void Headless_ksqldb_has_tcp_probes_a_queries_file_and_no_service()
    {
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:ksqldb:
                - name: batch
                  headless: true
            """));
        var container = Assert.Single(Assert.IsType<DeploymentModel>(state.Single("Deployment", "ksqldb-batch").Model).Containers);
        Assert.Null(container.ReadinessProbe!.HttpPath);
        Assert.Null(container.LivenessProbe!.HttpPath);
        Assert.Equal(KsqlDbRenderer.JmxPort, container.ReadinessProbe.Port);
        Assert.Contains(container.Env, e => e.Name == "KSQL_KSQL_QUERIES_FILE");
        Assert.Empty(state.OfKind("Service"));
    }

    [Fact]
    public void Only_the_kafka_namespace_is_declared_and_only_when_the_config_asks()
    {
        const string Consumers = """
              kafka-infra:consumers:
                - name: a
                  topic: orders
                  maxReplicas: 2
                - name: b
                  namespace: apps
                  topic: orders
                  maxReplicas: 2
            """;

        // Default: no Namespace at all; pulumi-kubernetes 4.29+ would fail with AlreadyExists on one that exists.
        Assert.Empty(StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(tail: Consumers)).OfKind("Namespace"));

        // Asked: the Kafka namespace, first, with the common labels; never a consumer namespace ("apps").
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(strimziExtra: "createNamespace: true", tail: Consumers));
        var ns = Assert.Single(state.OfKind("Namespace"));
        Assert.Equal("kafka", ns.Name);
        Assert.Equal(ObjectStage.Namespaces, ns.Stage);
        Assert.Same(ns, state.Kubernetes[0]);
        Assert.All(state.Kubernetes, o =>
        {
            Assert.Equal("kafka-infra", o.Label("app.kubernetes.io/part-of"));
            Assert.Equal("kafka-infra", o.Label("app.kubernetes.io/managed-by"));
            Assert.Equal("events", o.Label("app.kubernetes.io/instance"));
        });
    }

    [Fact]
    public void Core_objects_have_the_shapes_kubernetes_expects()
    {
        var state = Full();
        foreach (var ns in state.OfKind("Namespace"))
        {
            Assert.Equal("v1", ns.ApiVersion);
            Assert.Null(ns.Namespace);
            Assert.Equal(0, ns.Body.Count);
            Assert.Null(Names.KubernetesNameProblem(ns.Name));
        }

        foreach (var deployment in state.OfKind("Deployment"))
        {
            Assert.Equal("apps/v1", deployment.ApiVersion);
            var selector = Assert.IsType<Tree>(deployment.Spec().At("selector.matchLabels"));
            var podLabels = Assert.IsType<Tree>(deployment.Spec().At("template.metadata.labels"));
            Assert.All(selector, kv => Assert.Equal(kv.Value, podLabels[kv.Key]));
            var containers = deployment.Spec().ListAt("template.spec.containers").Cast<Tree>().ToList();
            Assert.NotEmpty(containers);
            var volumes = deployment.Spec().ListAt("template.spec.volumes").Cast<Tree>().Select(v => v["name"]).ToHashSet();
            Assert.All(containers.SelectMany(c => c.ListAt("volumeMounts").Cast<Tree>()), m => Assert.Contains(m["name"], volumes));
            Assert.All(containers.SelectMany(c => c.ListAt("env").Cast<Tree>()), e => Assert.True(e.ContainsKey("value") ^ e.ContainsKey("valueFrom")));

            var account = state.Single("ServiceAccount", deployment.Name);
            Assert.Equal(account.Name, deployment.Spec().At("template.spec.serviceAccountName"));
            Assert.Equal(deployment.Namespace, account.Namespace);

            var service = state.Single("Service", deployment.Name);
            Assert.Equal("v1", service.ApiVersion);
            Assert.Equal(ManifestWriter.ToYaml(selector), ManifestWriter.ToYaml(service.Spec().Child("selector")));
            var ports = containers.SelectMany(c => c.ListAt("ports").Cast<Tree>()).Select(p => p["containerPort"]).ToHashSet();
            Assert.All(service.Spec().ListAt("ports").Cast<Tree>(), p => Assert.Contains(p["targetPort"], ports));
        }

        foreach (var configMap in state.OfKind("ConfigMap"))
        {
            Assert.All(configMap.Body.Child("data"), kv => Assert.IsType<string>(kv.Value));
        }
    }

    [Fact]
    public void Objects_are_ordered_by_stage_and_file_names_are_unique()
    {
        var objects = Full().Kubernetes;
        Assert.Equal(objects.OrderBy(o => o.Stage), objects);
        Assert.Equal(objects.Count, objects.Select(o => o.FileName).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(Full().Cloud);
    }
}
