using KafkaInfra.Core.Tests.Desired;
using KafkaInfra.Core.Tests.Desired.Strimzi;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Bad input for the Strimzi cluster shape keys (issue 16 items 2, 3, 4, 8): each error names the key and the value.</summary>
public class StrimziShapeConfigTests
{
    private static string[] Errors(string yaml) => TestStacks.Lines(StrimziStacks.PlanText(yaml).Errors);

    private static string[] StrimziErrors(string strimziExtra, string tail = "", string environment = "dev") =>
        Errors(StrimziStacks.StrimziYaml(environment: environment, strimziExtra: strimziExtra, tail: tail));

    [Fact]
    public void Listener_fields_are_checked_against_strimzis_rules()
    {
        var errors = StrimziErrors("""
            listeners:
              - { name: TLS_1, port: 9404, type: internal }
              - { name: ext, port: 9094, type: nodeports }
              - { name: ing, port: 9095, type: ingress }
              - { name: rt, port: 9096, type: route, tls: false }
              - { name: mtls, port: 9097, type: internal, tls: false, authentication: tls }
              - { name: dup, port: 9097, type: internal, authentication: kerberos, configuration: { bootstrapp: {} } }
            """);
        var p = "kafka-infra:cluster.strimzi.listeners";
        Assert.Contains($"{p}[0].name: must be 1 to 11 lower-case letters or digits (Strimzi's ^[a-z0-9]{{1,11}}$); got \"TLS_1\"", errors);
        Assert.Contains($"{p}[0].port: must not be 9404: Strimzi keeps 9404 for metrics and 9999 for JMX", errors);
        Assert.Contains($"{p}[1].type: must be one of internal, cluster-ip, loadbalancer, nodeport, ingress, route; got \"nodeports\"", errors);
        Assert.Contains($"{p}[2].configuration: must set bootstrap.host (and brokers[].host for every broker) for an ingress listener", errors);
        Assert.Contains($"{p}[3].tls: must be true for a route listener (Strimzi routes and ingresses pass TLS through); got false", errors);
        Assert.Contains($"{p}[4].authentication: cannot be tls (client certificates) on a listener with tls: false; set tls: true or use scram-sha-512", errors);
        Assert.Contains($"{p}[5].authentication: must be one of scram-sha-512, tls, none; got \"kerberos\"", errors);
        Assert.Contains(errors, e => e.StartsWith($"{p}[5].configuration.bootstrapp: unknown key; did you mean 'bootstrap'?", StringComparison.Ordinal));
        Assert.Contains($"{p}: must not repeat the port 9097 (listeners mtls, dup)", errors);
    }

    [Fact]
    public void An_unauthenticated_listener_is_refused_in_prod_and_warned_about_in_dev()
    {
        const string open = """
            listeners:
              - { name: tls, port: 9093, type: internal }
              - { name: open, port: 9092, type: internal, tls: false, authentication: none }
            """;
        Assert.Contains("kafka-infra:cluster.strimzi.listeners[1].authentication: must not be none in prod: listener \"open\" would accept unauthenticated clients; use scram-sha-512 or tls",
            StrimziErrors(open, environment: "prod"));
        var dev = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(strimziExtra: open));
        Assert.Empty(dev.Errors);
        Assert.Contains(dev.Warnings, w => w.Path == "kafka-infra:cluster.strimzi.listeners[1].authentication");
    }

    [Fact]
    public void Plain_listener_and_listeners_together_are_refused_with_the_migration()
    {
        var errors = StrimziErrors("plainListener: true\nlisteners: [ { name: tls, port: 9093, type: internal } ]");
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:cluster.strimzi.plainListener: is replaced by listeners", StringComparison.Ordinal)
            && e.Contains("{ name: plain, port: 9092, type: internal, tls: false, authentication: scram-sha-512 }", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_must_name_a_listener_it_can_use()
    {
        const string listeners = """
            listeners:
              - { name: mtls, port: 9093, type: internal, authentication: tls }
              - { name: lb, port: 9094, type: loadbalancer }
              - { name: open, port: 9095, type: internal, tls: false, authentication: none }
            """;
        var errors = StrimziErrors(listeners, tail: """
              kafka-infra:consumers:
                - { name: a, topic: orders, maxReplicas: 2 }
                - { name: b, topic: orders, maxReplicas: 2, listener: lb }
                - { name: c, topic: orders, maxReplicas: 2, listener: mtls }
                - { name: d, topic: orders, maxReplicas: 2, listener: tsl }
              kafka-infra:producers:
                - { name: e, topics: [orders], listener: open }
            """);
        Assert.Contains("kafka-infra:consumers[0].listener: is required: the cluster has no internal TLS listener with scram-sha-512 to default to; name one of: mtls, lb, open", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:consumers[1].listener: names listener \"lb\" of type loadbalancer: its brokers advertise addresses outside", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("kafka-infra:consumers[2]", StringComparison.Ordinal)); // mutual TLS: a tls KafkaUser (MutualTlsClientTests)
        Assert.Contains("kafka-infra:consumers[3].listener: names listener \"tsl\", which is not in cluster.strimzi.listeners (mtls, lb, open)", errors);
        // Strimzi's simple authorization is Kafka's StandardAuthorizer with super users only: an unauthenticated client is
        // User:ANONYMOUS, which no KafkaUser ACL names, so it is denied; the way forward is in the message.
        Assert.Contains("kafka-infra:producers[0].listener: names listener \"open\" with authentication none: the cluster runs authorization: simple, where an unauthenticated client is User:ANONYMOUS and the ACLs kafka-infra grants its KafkaUser never apply, so every request would be denied; name a listener with authentication scram-sha-512 or tls", errors);
    }

    [Fact]
    public void Node_pool_mistakes_are_reported_with_their_paths()
    {
        var errors = Errors(StrimziShapeStacks.Pools("""
            - { name: ctrl, roles: [controler], replicas: 3, storage: { type: persistent-claim } }
            - name: data
              roles: [broker]
              replicas: 3
              storage:
                type: jbod
                volumes:
                  - { id: 0, type: persistent-claim, sizeGiB: 100, kraftMetadata: true }
                  - { id: 0, type: ephemeral, sizeGiB: 10, kraftMetadata: true }
            - { name: data, roles: [broker], replicas: 1, storage: { type: nfs } }
            """));
        var p = "kafka-infra:cluster.strimzi.nodePools";
        Assert.Contains($"{p}[0].roles: must hold only broker and controller; got \"controler\"", errors);
        Assert.Contains($"{p}[0].storage.sizeGiB: is required; expected an integer >= 1", errors);
        Assert.Contains($"{p}[1].storage.volumes[1].sizeGiB: applies to persistent-claim volumes only; an ephemeral volume is an emptyDir", errors);
        Assert.Contains($"{p}[1].storage.volumes: must not repeat the volume id 0", errors);
        Assert.Contains($"{p}[1].storage.volumes: may mark at most one volume kraftMetadata: true (Strimzi keeps the KRaft metadata log on one volume); got 2", errors);
        Assert.Contains($"{p}[2].storage.type: must be persistent-claim, ephemeral or jbod; got \"nfs\"", errors);
    }

    [Fact]
    public void Node_pools_replace_the_short_form_and_need_both_roles()
    {
        var errors = Errors("""
            config:
              kafka-infra:environment: dev
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi:
                  controllers: 3
                  nodePools:
                    - { name: b, roles: [broker], replicas: 3, storage: { type: persistent-claim, sizeGiB: 100 } }
            """);
        Assert.Contains("kafka-infra:cluster.brokers: is the short form of strimzi.nodePools and cannot be combined with it; the broker pools' replicas and storage replace it", errors);
        Assert.Contains("kafka-infra:cluster.storageGiB: is the short form of strimzi.nodePools and cannot be combined with it; the broker pools' replicas and storage replace it", errors);
        Assert.Contains("kafka-infra:cluster.strimzi.controllers: is the short form of nodePools and cannot be combined with it; set it on the pool instead", errors);
        Assert.Contains("kafka-infra:cluster.strimzi.nodePools: must have at least one pool with the controller role (KRaft needs a controller quorum)", errors);
    }

    [Fact]
    public void An_ephemeral_broker_pool_is_refused_in_prod()
    {
        var errors = Errors(StrimziShapeStacks.Pools("""
            - { name: ctrl, roles: [controller], replicas: 3, storage: { type: persistent-claim, sizeGiB: 10 } }
            - { name: scratch, roles: [broker], replicas: 3, storage: { type: ephemeral } }
            """, environment: "prod"));
        Assert.Contains("kafka-infra:cluster.strimzi.nodePools[1].storage: must not be ephemeral for broker pool \"scratch\" in prod: its partitions are lost whenever a pod restarts", errors);
    }

    [Fact]
    public void Kafka_config_keys_strimzi_forbids_or_the_planner_sets_are_refused_with_the_key()
    {
        var errors = StrimziErrors("kafkaConfig: { listeners: x, SSL.keystore.location: /k, min.insync.replicas: 1, message.max.bytes: 1048588 }");
        Assert.Contains("kafka-infra:cluster.strimzi.kafkaConfig.listeners: is forbidden by Strimzi in spec.kafka.config (prefix 'listeners'; the operator owns it and would drop it)", errors);
        Assert.Contains("kafka-infra:cluster.strimzi.kafkaConfig.SSL.keystore.location: is forbidden by Strimzi in spec.kafka.config (prefix 'ssl.'; the operator owns it and would drop it)", errors);
        Assert.Contains("kafka-infra:cluster.strimzi.kafkaConfig.min.insync.replicas: is set by the planner (from topicDefaults and the capacity plan); change that instead of overriding spec.kafka.config", errors);
        Assert.DoesNotContain(errors, e => e.Contains("message.max.bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Worker_config_keys_strimzi_forbids_or_the_planner_sets_are_refused_with_the_key()
    {
        var errors = StrimziErrors("", tail: """
              kafka-infra:connect:
                - name: sinks
                  workerConfig: { group.id: mine, rest.port: 8084, offset.storage.replication.factor: 1, ssl.protocol: TLSv1.3 }
            """);
        Assert.Contains("kafka-infra:connect[0].workerConfig.group.id: is forbidden by Strimzi in KafkaConnect spec.config (prefix 'group.id'; the operator owns it and would drop it)", errors);
        Assert.Contains("kafka-infra:connect[0].workerConfig.rest.port: is forbidden by Strimzi in KafkaConnect spec.config (prefix 'rest.'; the operator owns it and would drop it)", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:connect[0].workerConfig.offset.storage.replication.factor: is set by the planner", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("ssl.protocol", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_are_checked_against_the_crd_properties_with_the_config_path()
    {
        var errors = StrimziErrors("""
            overrides:
              kafka: { listeners: [], templat: {}, image: 3 }
              brokerPool: { replicas: 5 }
              cruiseControl: { autoRebalance: [] }
              kafkaExporter: { showAllOffsets: "yes" }
              zookeeper: {}
            """);
        var p = "kafka-infra:cluster.strimzi.overrides";
        Assert.Contains($"{p}.kafka.listeners: is set by cluster.strimzi.listeners; it cannot be overridden here", errors);
        Assert.Contains(errors, e => e.StartsWith($"{p}.kafka.templat: unknown key; did you mean 'template'?", StringComparison.Ordinal));
        Assert.Contains($"{p}.kafka.image: must be a string (Strimzi 1.2 CRD), got 3", errors);
        Assert.Contains($"{p}.brokerPool.replicas: is set by cluster.brokers / cluster.strimzi.controllers / nodePools[].replicas; it cannot be overridden here", errors);
        Assert.Contains($"{p}.cruiseControl.autoRebalance: is set by the broker-change rebalancing the planner sets up; it cannot be overridden here", errors);
        Assert.Contains($"{p}.kafkaExporter.showAllOffsets: must be a boolean (Strimzi 1.2 CRD), got \"yes\"", errors);
        Assert.Contains(errors, e => e.StartsWith($"{p}.zookeeper: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metrics_allow_list_must_hold_regular_expressions()
    {
        var errors = StrimziErrors("metrics: { allowList: [\"kafka_(server\"] }");
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:cluster.strimzi.metrics.allowList[0]: must be a regular expression over metric names; got \"kafka_(server\"", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:cluster.strimzi.metrics.allowList: must list at least one metric pattern; leave metrics out to keep Strimzi's default allow-list", StrimziErrors("metrics: { allowList: [] }"));
    }

    [Fact]
    public void A_listener_choice_is_refused_on_msk()
    {
        var yaml = """
            config:
              kafka-infra:environment: dev
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                msk: { instanceType: kafka.m7g.large, clientSubnets: [a, b, c], securityGroups: [sg] }
              kafka-infra:topics:
                - { name: orders, messagesPerSecond: 100, messagesPerSecondPerConsumer: 100 }
              kafka-infra:consumers:
                - { name: a, topic: orders, maxReplicas: 1, listener: tls }
              kafka-infra:connect:
                - { name: s, workerConfig: { group.id: allowed-on-msk }, plugin: { s3BucketArn: "arn:aws:s3:::bucket-x", s3FileKey: p.zip } }
            """;
        var errors = Errors(yaml);
        Assert.Contains("kafka-infra:consumers[0].listener: applies to Strimzi clusters only; MSK clients use the bootstrap brokers of cluster.msk.authentication", errors);
        Assert.DoesNotContain(errors, e => e.Contains("workerConfig", StringComparison.Ordinal)); // Strimzi's guards are Strimzi's
    }
}
