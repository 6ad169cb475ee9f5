namespace KafkaInfra.Core.Config;

/// <summary>The rows of the Strimzi cluster shape: listeners, node pools, pass-through config and metrics (issue 16).</summary>
public static partial class ConfigKeyTable
{
    private static ConfigKeyInfo[] StrimziShapeRows() =>
    [
        new("cluster.strimzi.listeners[]", Maps, "`tls`: internal, 9093, TLS, SCRAM", "the cluster's listeners; replaces `plainListener`"),
        new("cluster.strimzi.listeners[].name", Str, Required, "1-11 lower-case letters or digits, unique"),
        new("cluster.strimzi.listeners[].port", Int, Required, "unique; not 9404 or 9999 (Strimzi's Prometheus and JMX ports)", Range: new(9092, 65535)),
        new("cluster.strimzi.listeners[].type", Str, Required, $"how clients reach it: {string.Join(", ", StrimziDefaults.ListenerTypes.Select(t => $"`{t}`"))} (in-cluster clients: `internal`, `cluster-ip`)"),
        new("cluster.strimzi.listeners[].tls", Bool, Code(true), "TLS encryption (required for `route`, `ingress` and `authentication: tls`)"),
        new("cluster.strimzi.listeners[].authentication", Str, "`scram-sha-512`", "client authentication (`tls`: client certificates from the clients CA); `none` is refused in prod, and kafka-infra's clients cannot use it (simple authorization denies `User:ANONYMOUS`)", ["scram-sha-512", "tls", "none"]),
        new("cluster.strimzi.listeners[].configuration", Map, None, "Strimzi listener `configuration` (bootstrap/broker hosts, load balancer settings, ...), keys checked against the CRD"),
        new("cluster.strimzi.nodePools[]", Maps, "from `brokers` and `controllers`", "KafkaNodePools named `<cluster>-<name>`; replaces `brokers`, `storageGiB`, `controllers`, `controllerStorageGiB`, `brokerResources`"),
        new("cluster.strimzi.nodePools[].name", Str, Required, "pool name (the KafkaNodePool is `<cluster>-<name>`)"),
        new("cluster.strimzi.nodePools[].roles", Strings, Required, "`broker`, `controller` or both (dual-role)"),
        new("cluster.strimzi.nodePools[].replicas", Int, Required, "nodes in the pool; broker pools add up to the planner's broker count", Range: new(0, 1000)),
        new("cluster.strimzi.nodePools[].storage", Map, Required, "the pool's storage; the smallest broker's persistent disk is the planner's per-broker storage"),
        new("cluster.strimzi.nodePools[].storage.type", Str, Required, "storage type", ["persistent-claim", "ephemeral", "jbod"]),
        new("cluster.strimzi.nodePools[].storage.sizeGiB", Int, "required for `persistent-claim`", "volume size; only grows", Range: new(1, 16384)),
        new("cluster.strimzi.nodePools[].storage.class", Str, "`storageClass`", "StorageClass of the volume"),
        new("cluster.strimzi.nodePools[].storage.deleteClaim", Bool, Code(false), "delete the claim when the pool shrinks or is deleted"),
        new("cluster.strimzi.nodePools[].storage.volumes[]", Maps, "required for `jbod`", "JBOD volumes"),
        new("cluster.strimzi.nodePools[].storage.volumes[].id", Int, Required, "volume id, unique in the pool", Range: new(0, 1000)),
        new("cluster.strimzi.nodePools[].storage.volumes[].type", Str, Required, "volume type", ["persistent-claim", "ephemeral"]),
        new("cluster.strimzi.nodePools[].storage.volumes[].sizeGiB", Int, "required for `persistent-claim`", "volume size; only grows", Range: new(1, 16384)),
        new("cluster.strimzi.nodePools[].storage.volumes[].class", Str, "`storageClass`", "StorageClass of the volume"),
        new("cluster.strimzi.nodePools[].storage.volumes[].deleteClaim", Bool, Code(false), "delete the claim with the node"),
        new("cluster.strimzi.nodePools[].storage.volumes[].kraftMetadata", Bool, "`true` on the lowest id", "this volume holds the KRaft metadata log (at most one)"),
        new("cluster.strimzi.nodePools[].resources", Resources, "none", "node container resources"),
        new("cluster.strimzi.nodePools[].jvmOptions", Map, "Strimzi's", "Strimzi `jvmOptions` (`-Xms`, `-Xmx`, `-XX`, `gcLoggingEnabled`, `javaSystemProperties`)"),
        new("cluster.strimzi.kafkaConfig", Pairs, None, "broker config merged into `spec.kafka.config` after the planner's keys; keys Strimzi forbids (listeners, ssl., sasl., ...) or the planner sets are refused"),
        new("cluster.strimzi.overrides", Map, None, "mappings deep-merged into the rendered spec; properties checked against the Strimzi 1.2 CRDs, those another key sets are refused"),
        new("cluster.strimzi.overrides.kafka", Map, None, "into `Kafka.spec.kafka` (e.g. `template`, `jvmOptions`, `logging`)"),
        new("cluster.strimzi.overrides.brokerPool", Map, None, "into every broker KafkaNodePool's `spec` (`resources`, `jvmOptions`, `template`)"),
        new("cluster.strimzi.overrides.controllerPool", Map, None, "into every controller-only KafkaNodePool's `spec`"),
        new("cluster.strimzi.overrides.cruiseControl", Map, None, "into `Kafka.spec.cruiseControl` (not `autoRebalance`)"),
        new("cluster.strimzi.overrides.entityOperator", Map, None, "into `Kafka.spec.entityOperator`"),
        new("cluster.strimzi.overrides.kafkaExporter", Map, None, "into `Kafka.spec.kafkaExporter`"),
        new("cluster.strimzi.cruiseControl", Bool, Code(true), "`false` never deploys Cruise Control (no auto-rebalance on broker changes; RF changes of topics fail)"),
        new("cluster.strimzi.kafkaExporter", Bool, Code(true), "`false` leaves Kafka Exporter out"),
        new("cluster.strimzi.metrics", Map, None, "Strimzi Metrics Reporter settings"),
        new("cluster.strimzi.metrics.allowList", Strings, "Strimzi's default allow-list (what its dashboards use)", "your own list of metric-name regular expressions; dashboard metrics it drops are a warning"),
    ];
}
