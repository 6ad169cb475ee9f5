using System.Globalization;

namespace KafkaInfra.Core.Config;

/// <summary>
/// One key of the stack config: its path below the <c>kafka-infra:</c> namespace (<c>cluster.msk.region</c>,
/// <c>topics[].name</c>), its type, its default as the reference shows it (taken from <see cref="Defaults"/>), what it
/// means, for a choice the values it accepts and for a number the range the loader enforces.
/// </summary>
public sealed record ConfigKeyInfo(string Path, string Type, string Default, string Description, IReadOnlyList<string>? Allowed = null, ValueRange? Range = null)
{
    /// <summary>The last segment of the path without a list marker: the name the YAML mapping uses.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..].Replace("[]", "", StringComparison.Ordinal);

    /// <summary>The path of the mapping that holds this key ("" at the top level).</summary>
    public string Parent => Path.LastIndexOf('.') is var i and >= 0 ? Path[..i] : "";
}

/// <summary>The bounds of a number: <c>Min</c> (excluded when <c>ExclusiveMin</c>) to <c>Max</c>, both included otherwise.</summary>
public sealed record ValueRange(long Min, long Max, bool ExclusiveMin = false)
{
    /// <inheritdoc />
    public override string ToString() => ExclusiveMin
        ? string.Create(CultureInfo.InvariantCulture, $"> {Min}, <= {Max}")
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}

/// <summary>
/// The one table of stack config keys. The loader takes the keys each mapping accepts from it, and the config
/// reference in docs/config.md and Pulumi.yaml is generated from it (<see cref="ConfigReference"/>; a test fails when
/// they drift). Defaults come from <see cref="Defaults"/>, so each default still lives in one place.
/// </summary>
public static class ConfigKeyTable
{
    private const string Str = "string";
    private const string Int = "integer";
    private const string Num = "number";
    private const string Bool = "boolean";
    private const string Map = "mapping";
    private const string Maps = "list of mappings";
    private const string Strings = "list of strings";
    private const string Pairs = "mapping of names to scalars";
    private const string Resources = "`{ requests: { cpu, memory }, limits: { cpu, memory } }`";
    private const string Required = "required";
    private const string None = "—";

    /// <summary>Keys of a <c>resources</c> mapping (Kubernetes container resources; the shape the table's type names).</summary>
    internal static readonly string[] ResourcesKeys = ["requests", "limits"];

    /// <summary>Keys of <c>requests</c> and <c>limits</c>.</summary>
    internal static readonly string[] QuantityKeys = ["cpu", "memory"];

    /// <summary>Every key, in the order the reference documents them.</summary>
    public static IReadOnlyList<ConfigKeyInfo> All { get; } =
    [
        new(ConfigKeys.Environment, Str, Required, "the stack's environment; `dev` and `prod` name their rules (prod turns unsafe settings and capacity shortfalls into errors), any other name (`staging`) takes the rules `environmentRules` declares. There is no default: every stack says which it is"),
        new(ConfigKeys.EnvironmentRules, Str, "required unless dev or prod", "which rules an environment such as `staging` follows", ["dev", "prod"]),
        new(ConfigKeys.Cluster, Map, Required, "the Kafka cluster; exactly one of `strimzi` or `msk`"),
        new("cluster.name", Str, Required, "Kubernetes-style name, prefix of every resource"),
        new("cluster.kafkaVersion", Str, Code(Defaults.KafkaVersion), $"Strimzi 1.2: {string.Join(", ", ConfigCatalogue.StrimziKafkaVersions)}; MSK: e.g. `3.9.x`"),
        new("cluster.brokers", Int, Required, "broker count (Strimzi broker pool replicas / MSK `NumberOfBrokerNodes`); not for serverless", Range: new(1, 1000)),
        new("cluster.storageGiB", Int, Required, "disk per broker; only grows; not for Express or serverless", Range: new(1, 16384)),
        new("cluster.brokerIngressMBps", Num, $"{Plain(Defaults.BrokerIngressMBps)} (Express: by size, 15 MB/s for `large`)", "write MB/s (produce + replication) one broker is assumed to sustain", Range: new(0, 100_000, ExclusiveMin: true)),
        new("cluster.maxPartitionsPerBroker", Int, Plain(Defaults.MaxPartitionsPerBroker), "Strimzi only: ceiling of leader + follower replicas per broker", Range: new(1, 1_000_000)),
        new("cluster.strimzi", Map, None, "Kafka on Kubernetes with Strimzi (`strimzi: {}` takes every default)"),
        new("cluster.strimzi.namespace", Str, Code(Defaults.StrimziNamespace), "namespace of the Kafka cluster"),
        new("cluster.strimzi.controllers", Int, Plain(Defaults.StrimziControllers), "KRaft controller pool size (≥ 3 in prod; odd recommended)", Range: new(1, 9)),
        new("cluster.strimzi.controllerStorageGiB", Int, Plain(Defaults.StrimziControllerStorageGiB), "metadata volume per controller", Range: new(1, 16384)),
        new("cluster.strimzi.storageClass", Str, "cluster default", "StorageClass of broker and controller volumes"),
        new("cluster.strimzi.plainListener", Bool, Code(false), "adds a plain 9092 listener; refused in prod"),
        new("cluster.strimzi.rackTopologyKey", Str, "off", "node label for rack awareness, e.g. `topology.kubernetes.io/zone`"),
        new("cluster.strimzi.brokerResources", Resources, "none", "broker container resources"),
        new("cluster.msk", Map, None, "Amazon MSK (provisioned Standard or Express brokers, or serverless)"),
        new("cluster.msk.instanceType", Str, "required unless serverless", "`kafka.t3.small`, `kafka.m5.*`, `kafka.m7g.*`, `express.m7g.*`"),
        new("cluster.msk.clientSubnets", Strings, Required, "2 or 3 subnets in different AZs; brokers must be a multiple of their count"),
        new("cluster.msk.securityGroups", Strings, Required, "at least one"),
        new("cluster.msk.authentication", Str, Code(Lower(Defaults.MskAuthentication)), "client authentication (never unauthenticated)", ["iam", "scram", "tls"]),
        new("cluster.msk.storageAutoscaling", Map, "off", "Standard brokers only; while on, Pulumi ignores the brokers' volume size except in the run that raises `storageGiB`"),
        new("cluster.msk.storageAutoscaling.maxGiB", Int, Required, "largest volume auto-scaling may grow to, above `storageGiB`", Range: new(1, 16384)),
        new("cluster.msk.storageAutoscaling.targetUtilizationPercent", Int, Plain(Defaults.MskStorageTargetUtilizationPercent), "disk use that triggers growth", Range: new(10, 80)),
        new("cluster.msk.serverless", Bool, Code(false), "MSK Serverless (IAM only; no broker, storage or partition-limit settings)"),
        new("cluster.msk.provisionedThroughputMiBps", Int, "off", "EBS provisioned throughput, Standard brokers only", Range: new(250, 1000)),
        new("cluster.msk.kmsKeyArn", Str, "a KMS key created with rotation on", "encryption-at-rest key"),
        new("cluster.msk.logRetentionDays", Int, Plain(Defaults.MskLogRetentionDays), "CloudWatch broker-log retention (a value CloudWatch accepts)", Range: new(1, 3653)),
        new("cluster.msk.region", Str, "the stack's `aws:region`", "AWS region for clients (KEDA's `awsRegion`)"),
        new("cluster.msk.brokersDrained", Bool, Code(false), "acknowledges a broker-count decrease after the brokers were drained"),
        new("cluster.msk.certificateAuthorityArns", Strings, None, "AWS Private CA ARNs trusted for client certificates; required with `authentication: tls` only"),
        new("cluster.msk.kedaRoleArn", Str, "a role for EKS Pod Identity is created", "IAM auth: the KEDA operator's role, which gets a describe-only policy on the consumers' topics and groups"),
        new("cluster.msk.adminPrincipal", Str, "required with `authentication: tls`", "mutual TLS: the Kafka principal of the deployer's client certificate (`User:CN=...`), granted the ACLs to manage topics and ACLs"),
        new("cluster.msk.eksClusterName", Str, "off (associate roles yourself)", "the EKS cluster the workloads run on: each role created for EKS Pod Identity gets its pod identity association"),
        new(ConfigKeys.TopicDefaults, Map, None, "defaults of every topic"),
        new("topicDefaults.replicationFactor", Int, Plain(Defaults.ReplicationFactor), "RF of every topic without its own", Range: new(1, 32767)),
        new("topicDefaults.minInsyncReplicas", Int, Plain(Defaults.MinInsyncReplicas), "`min.insync.replicas` of every topic without its own", Range: new(1, 32767)),
        new("topicDefaults.retentionHours", Int, Plain(Defaults.RetentionHours), "retention of every topic without its own", Range: new(1, 876_000)),
        new("topicDefaults.messageBytes", Int, Plain(Defaults.MessageBytes), "average message size used for sizing", Range: new(1, 100_000_000)),
        new(ConfigKeys.Topics + "[]", Maps, None, "the Kafka topics"),
        new("topics[].name", Str, Required, "Kafka topic name"),
        new("topics[].messagesPerSecond", Int, Required, "target peak produce rate", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].messagesPerSecondPerConsumer", Int, "required unless `partitions` is set", "what one consumer instance sustains", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].averageMessagesPerSecond", Int, "`messagesPerSecond`", "average produce rate over the retention period; sizes storage (the peak sizes brokers and partitions); at most `messagesPerSecond`", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].messagesPerSecondPerPartition", Int, "off", "optional produce ceiling per partition", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].maxConsumers", Int, "largest `maxReplicas` of its consumer groups, else 1", "most consumers that read it in parallel", Range: new(1, 100_000)),
        new("topics[].messageBytes", Int, "`topicDefaults`", "average message size of this topic", Range: new(1, 100_000_000)),
        new("topics[].partitions", Int, "computed", "explicit count; wins, below the computed count is a warning; never decreases", Range: new(1, 100_000)),
        new("topics[].retentionHours", Int, "`topicDefaults`", "retention of this topic", Range: new(1, 876_000)),
        new("topics[].replicationFactor", Int, "`topicDefaults`", "RF of this topic", Range: new(1, 32767)),
        new("topics[].minInsyncReplicas", Int, "`topicDefaults`", "`min.insync.replicas` of this topic", Range: new(1, 32767)),
        new("topics[].config", Pairs, None, "extra topic config (`retention.ms` and `min.insync.replicas` come from the fields above)"),
        new(ConfigKeys.Consumers + "[]", Maps, None, "consumer workloads, one KEDA ScaledObject each"),
        new("consumers[].name", Str, Required, "the workload KEDA scales"),
        new("consumers[].namespace", Str, Code(Defaults.ConsumerNamespace), "namespace of the workload"),
        new("consumers[].topic", Str, Required, "the topic it reads (a name in `topics`)"),
        new("consumers[].consumerGroup", Str, "the consumer's name", "its Kafka consumer group"),
        new("consumers[].lagThreshold", Int, Plain(Defaults.LagThreshold), "target **average lag per replica** (KEDA runs ⌈total lag ÷ lagThreshold⌉ replicas)", Range: new(0, 1_000_000_000_000, ExclusiveMin: true)),
        new("consumers[].activationLagThreshold", Int, Plain(Defaults.ActivationLagThreshold), "lag at which KEDA activates the workload from zero", Range: new(0, 1_000_000_000_000)),
        new("consumers[].offsetResetPolicy", Str, Code(Defaults.OffsetResetPolicy), "KEDA trigger setting", ["latest", "earliest"]),
        new("consumers[].minReplicas", Int, Plain(Defaults.ConsumerMinReplicas), "KEDA minimum", Range: new(0, 10_000)),
        new("consumers[].maxReplicas", Int, Required, "KEDA maximum; capped at the topic's partitions", Range: new(1, 10_000)),
        new("consumers[].kind", Str, Code(Defaults.ScaleTargetKind), "scale target (any kind with a scale subresource; never `KafkaConnector`)"),
        new("consumers[].apiVersion", Str, Code(Defaults.ScaleTargetApiVersion), "apiVersion of the scale target"),
        new("consumers[].awsRoleArn", Str, "a role is created", "MSK (IAM auth): the IAM role its least-privilege policy is attached to"),
        new("consumers[].serviceAccount", Str, "the consumer's name", "MSK with `cluster.msk.eksClusterName`: the workload's service account, associated with its created role (EKS Pod Identity)"),
        new(ConfigKeys.Connect + "[]", Maps, None, "Kafka Connect worker groups"),
        new("connect[].name", Str, Required, "Kubernetes-style name of the group"),
        new("connect[].replicas", Int, Plain(Defaults.WorkerReplicas), "workers", Range: new(1, 1000)),
        new("connect[].maxReplicas", Int, "off", "turns on KEDA scaling on its sink connectors' lag", Range: new(1, 1000)),
        new("connect[].lagThreshold", Int, Plain(Defaults.ConnectLagThreshold), "target average lag per worker when KEDA scales the group", Range: new(0, 1_000_000_000_000, ExclusiveMin: true)),
        new("connect[].image", Str, "Strimzi's image for the Kafka version", "worker container image"),
        new("connect[].resources", Resources, "none", "worker container resources"),
        new("connect[].connectors[]", Maps, None, "the group's connectors"),
        new("connect[].connectors[].name", Str, Required, "connector name, unique across groups"),
        new("connect[].connectors[].class", Str, Required, "connector class"),
        new("connect[].connectors[].kind", Str, "`sink` when the class name contains \"Sink\", else `source`", "what the connector does", ["sink", "source"]),
        new("connect[].connectors[].topics", Strings, "required for sinks", "topics it reads or writes (names in `topics`)"),
        new("connect[].connectors[].tasksMax", Int, "partitions of its topics", "most tasks", Range: new(1, 10_000)),
        new("connect[].connectors[].config", Pairs, None, "connector config (not `name`, `connector.class`, `tasks.max`)"),
        new("connect[].awsRoleArn", Str, "a role is created", "MSK: the service execution role (must trust kafkaconnect.amazonaws.com)"),
        new("connect[].policyStatements[]", Maps, None, "MSK: extra Allow statements of the Connect group's execution role (e.g. S3 access for an S3 sink)"),
        new("connect[].policyStatements[].sid", Str, "`Extra<i>`", "statement id (letters and digits)"),
        new("connect[].policyStatements[].actions", Strings, Required, "IAM actions, e.g. `s3:PutObject`"),
        new("connect[].policyStatements[].resources", Strings, Required, "ARNs (or `*`) the actions apply to"),
        new("connect[].workerConfig", Pairs, None, "MSK: worker properties added to (or replacing) kafka-infra's, e.g. `value.converter.schemas.enable: \"true\"`"),
        new("connect[].plugin", Map, "required on MSK", "the MSK Connect custom plugin"),
        new("connect[].plugin.s3BucketArn", Str, Required, "bucket of the plugin archive"),
        new("connect[].plugin.s3FileKey", Str, Required, "object key of the plugin archive"),
        new("connect[].plugin.contentType", Str, Code(Defaults.MskConnectPluginContentType), "archive format", ["ZIP", "JAR"]),
        new(ConfigKeys.KsqlDb + "[]", Maps, None, "ksqlDB server groups"),
        new("ksqldb[].name", Str, Required, "Kubernetes-style name of the group"),
        new("ksqldb[].replicas", Int, Plain(Defaults.WorkerReplicas), "servers", Range: new(1, 1000)),
        new("ksqldb[].serviceId", Str, "the group's name + `_`", "ksqlDB service id (prefixes its internal topics, ACLs and IAM resources; end it with `_` or `-` so it is no prefix of another id)"),
        new("ksqldb[].topics", Strings, None, "topics it may read and write (names in `topics`)"),
        new("ksqldb[].image", Str, Code(Defaults.KsqlDbImage), "server container image (required on MSK IAM stacks: the default lacks aws-msk-iam-auth)"),
        new("ksqldb[].headless", Bool, Code(false), "runs the queries of Secret `ksqldb-<name>-queries` (key `queries.sql`)"),
        new("ksqldb[].resources", Resources, "none", "server container resources"),
        new("ksqldb[].awsRoleArn", Str, "a role is created", "MSK (IAM auth): the IAM role its least-privilege policy is attached to"),
        new(ConfigKeys.Tags, Pairs, None, "MSK stacks: tags added to every AWS resource that takes tags (keys up to 128 characters, values up to 256, no `aws:` prefix; `kafka-infra`, `cluster` and `environment` are set by kafka-infra)"),
    ];

    /// <summary>The top-level keys (<c>kafka-infra:&lt;key&gt;</c>), in table order.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = All.Where(k => k.Parent.Length == 0).Select(k => k.Name).ToArray();

    /// <summary>Top-level keys whose values are mappings or lists (JSON text in raw form).</summary>
    public static IReadOnlySet<string> Structured { get; } = All.Where(k => k.Parent.Length == 0 && k.Type != Str).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ChildrenByParent = All
        .GroupBy(k => k.Parent, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(k => k.Name).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, ConfigKeyInfo> ByPath = All.ToDictionary(k => k.Path, StringComparer.Ordinal);

    /// <summary>True when the top-level key <paramref name="name"/> holds a list (its table path ends in <c>[]</c>).</summary>
    public static bool IsList(string name) => ByPath.ContainsKey(name + "[]");

    /// <summary>The entry of a key path (<c>cluster.brokers</c>, <c>topics[].partitions</c>).</summary>
    public static ConfigKeyInfo Find(string path) =>
        ByPath.TryGetValue(path, out var key) ? key : throw new ArgumentException($"no config key {path} in the key table", nameof(path));

    /// <summary>The keys a mapping accepts, by the table path of the mapping (<c>cluster.msk</c>, <c>topics[]</c>).</summary>
    public static string[] KeysOf(string parent) =>
        ChildrenByParent.TryGetValue(parent, out var keys) ? keys : throw new ArgumentException($"no config mapping {parent} in the key table", nameof(parent));

    private static string Code(string value) => $"`{value}`";

    private static string Code(bool value) => value ? "`true`" : "`false`";

    private static string Plain(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plain(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
