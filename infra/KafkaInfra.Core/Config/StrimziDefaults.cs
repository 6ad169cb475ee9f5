namespace KafkaInfra.Core.Config;

/// <summary>
/// Defaults and upstream rules of the Strimzi cluster shape (listeners, node pools, pass-through config, metrics),
/// each taken from Strimzi 1.2.0 and named with its source.
/// </summary>
public static class StrimziDefaults
{
    /// <summary>The internal TLS listener every stack gets unless it lists its own: port 9093, SCRAM-SHA-512.</summary>
    public static StrimziListenerConfig TlsListener { get; } = new("tls", KafkaResources.StrimziTlsPort, "internal", true, ListenerAuthentication.ScramSha512);

    /// <summary>The dev-only plain listener of <c>plainListener: true</c>: port 9092, no TLS, SCRAM-SHA-512.</summary>
    public static StrimziListenerConfig PlainListener { get; } = new("plain", KafkaResources.StrimziPlainPort, "internal", false, ListenerAuthentication.ScramSha512);

    private static readonly IReadOnlyList<StrimziListenerConfig> TlsOnly = [TlsListener];
    private static readonly IReadOnlyList<StrimziListenerConfig> PlainAndTls = [PlainListener, TlsListener];

    /// <summary>The listeners without <c>cluster.strimzi.listeners</c>.</summary>
    public static IReadOnlyList<StrimziListenerConfig> Listeners(bool plainListener) => plainListener ? PlainAndTls : TlsOnly;

    public static IReadOnlyDictionary<string, string> NoConfig { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public static StrimziOverrides NoOverrides { get; } = new();

    /// <summary>Listener types of Strimzi 1.2 (<c>spec.kafka.listeners[].type</c>; <c>tlsroute</c> is left out, <c>ingress</c> is deprecated upstream).</summary>
    public static IReadOnlyList<string> ListenerTypes { get; } = ["internal", "cluster-ip", "loadbalancer", "nodeport", "ingress", "route"];

    /// <summary>Ports a listener may not use: 9404 (Prometheus) and 9999 (JMX) (040-Crd-kafka.yaml, listeners[].port).</summary>
    public static IReadOnlyList<int> ReservedPorts { get; } = [9404, 9999];

    /// <summary>Node pool roles (045-Crd-kafkanodepool.yaml, spec.roles).</summary>
    public static IReadOnlyList<string> PoolRoles { get; } = ["broker", "controller"];

    /// <summary>
    /// Prefixes of <c>spec.kafka.config</c> keys the operator drops (strimzi 1.2.0 :
    /// api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaClusterSpec.java, FORBIDDEN_PREFIXES; matched
    /// case-insensitively with startsWith, AbstractConfiguration.filterForbidden).
    /// </summary>
    public static IReadOnlyList<string> KafkaForbiddenPrefixes { get; } =
    [
        "listeners", "advertised.", "broker.", "listener.", "host.name", "port", "inter.broker.listener.name", "sasl.", "ssl.",
        "security.", "password.", "log.dir", "zookeeper.connect", "zookeeper.set.acl", "zookeeper.ssl", "zookeeper.clientcnxnsocket",
        "authorizer.", "super.user", "cruise.control.metrics.topic", "cruise.control.metrics.reporter.bootstrap.servers", "node.id",
        "process.roles", "controller.", "metadata.log.dir", "zookeeper.metadata.migration.enable", "client.quota.callback.static.kafka.admin.",
        "client.quota.callback.static.produce", "client.quota.callback.static.fetch", "client.quota.callback.static.storage.per.volume.limit.min.available.",
        "client.quota.callback.static.excluded.principal.name.list", "prometheus.metrics.reporter.", "cordoned.log.dirs",
    ];

    /// <summary>Keys allowed although a forbidden prefix matches them (KafkaClusterSpec.java, FORBIDDEN_PREFIX_EXCEPTIONS).</summary>
    public static IReadOnlyList<string> KafkaForbiddenExceptions { get; } =
    [
        "zookeeper.connection.timeout.ms", "sasl.server.max.receive.size", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols",
        "ssl.secure.random.implementation", "cruise.control.metrics.topic.num.partitions", "cruise.control.metrics.topic.replication.factor",
        "cruise.control.metrics.topic.retention.ms", "cruise.control.metrics.topic.auto.create.retries", "cruise.control.metrics.topic.auto.create.timeout.ms",
        "cruise.control.metrics.topic.min.insync.replicas", "broker.session.timeout.ms", "broker.heartbeat.interval.ms", "controller.socket.timeout.ms",
        "controller.quorum.election.backoff.max.ms", "controller.quorum.election.timeout.ms", "controller.quorum.fetch.timeout.ms",
    ];

    /// <summary>
    /// Prefixes of KafkaConnect <c>spec.config</c> keys the operator forbids (strimzi 1.2.0 :
    /// api/src/main/java/io/strimzi/api/kafka/model/connect/KafkaConnectSpec.java, FORBIDDEN_PREFIXES).
    /// </summary>
    public static IReadOnlyList<string> ConnectForbiddenPrefixes { get; } =
    [
        "group.id", "config.storage.topic", "offset.storage.topic", "status.storage.topic", "ssl.", "sasl.", "security.", "listeners",
        "plugin.path", "rest.", "bootstrap.servers", "consumer.interceptor.classes", "producer.interceptor.classes", "prometheus.metrics.reporter.",
    ];

    /// <summary>KafkaConnectSpec.java, FORBIDDEN_PREFIX_EXCEPTIONS.</summary>
    public static IReadOnlyList<string> ConnectForbiddenExceptions { get; } =
        ["ssl.endpoint.identification.algorithm", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols"];

    /// <summary>Broker config keys the planner sets (from topicDefaults and the plan); <c>kafkaConfig</c> may not set them.</summary>
    public static IReadOnlyList<string> PlannerKafkaKeys { get; } =
    [
        "default.replication.factor", "min.insync.replicas", "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr", "auto.create.topics.enable", "num.partitions",
    ];

    /// <summary>Connect worker keys the planner sets; <c>workerConfig</c> may not set them.</summary>
    public static IReadOnlyList<string> PlannerConnectKeys { get; } =
        ["config.storage.replication.factor", "offset.storage.replication.factor", "status.storage.replication.factor"];

    /// <summary>The first forbidden prefix <paramref name="key"/> starts with (case-insensitive, as the operator checks), or null.</summary>
    public static string? ForbiddenPrefix(string key, IReadOnlyList<string> prefixes, IReadOnlyList<string> exceptions)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(prefixes);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (exceptions.Contains(key))
        {
            return null;
        }

        return prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
