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
        : Min < 0 ? string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}") : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}

/// <summary>
/// The one table of stack config keys. The loader takes the keys each mapping accepts from it, and the config
/// reference in docs/config.md and Pulumi.yaml is generated from it (<see cref="ConfigReference"/>; a test fails when
/// they drift). Defaults come from <see cref="Defaults"/>, so each default still lives in one place.
/// </summary>
public static partial class ConfigKeyTable
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

    /// <summary>Byte-rate quotas: positive (0 would stop the client), up to the largest 32-bit integer (about 2 GB/s per broker).</summary>
    private static readonly ValueRange QuotaBytes = new(0, int.MaxValue, ExclusiveMin: true);

    /// <summary>Request quotas: Kafka counts 100 per network or I/O thread, so values above 100 are valid.</summary>
    private static readonly ValueRange QuotaPercent = new(1, 100_000);

    /// <summary>ACL operations the KafkaUser CRD accepts (<c>044-Crd-kafkauser.yaml</c>, <c>acls[].operations</c>).</summary>
    internal static readonly string[] AclOperations = ["Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"];

    /// <summary>Every key, in the order the reference documents them.</summary>
    public static IReadOnlyList<ConfigKeyInfo> All { get; } =
    [
        new(ConfigKeys.Environment, Str, Required, "the stack's environment; `dev` and `prod` name their rules (prod turns unsafe settings and capacity shortfalls into errors), any other name (`staging`) takes the rules `environmentRules` declares. There is no default: every stack says which it is"),
        new(ConfigKeys.EnvironmentRules, Str, "required unless dev or prod", "which rules an environment such as `staging` follows", ["dev", "prod"]),
        new(ConfigKeys.Cluster, Map, Required, "the Kafka cluster; exactly one of `strimzi`, `msk` or `external`"),
        new("cluster.name", Str, Required, "Kubernetes-style name, prefix of every resource"),
        new("cluster.kafkaVersion", Str, Code(Defaults.KafkaVersion), $"Strimzi 1.2: {string.Join(", ", ConfigCatalogue.StrimziKafkaVersions)}; MSK: e.g. `3.9.x`"),
        new("cluster.brokers", Int, "required (Strimzi: unless `strimzi.nodePools`)", "broker count (Strimzi broker pool replicas / MSK `NumberOfBrokerNodes`); not for serverless", Range: new(1, 1000)),
        new("cluster.storageGiB", Int, "required (Strimzi: unless `strimzi.nodePools`)", "disk per broker; only grows; not for Express or serverless", Range: new(1, 16384)),
        new("cluster.brokerIngressMBps", Num, $"{Plain(Defaults.BrokerIngressMBps)} (Express: by size, 15 MB/s for `large`)", "write MB/s (produce + replication) one broker is assumed to sustain", Range: new(0, 100_000, ExclusiveMin: true)),
        new("cluster.maxPartitionsPerBroker", Int, Plain(Defaults.MaxPartitionsPerBroker), "Strimzi only: ceiling of leader + follower replicas per broker", Range: new(1, 1_000_000)),
        new("cluster.strimzi", Map, None, "Kafka on Kubernetes with Strimzi (`strimzi: {}` takes every default)"),
        new("cluster.strimzi.namespace", Str, Code(Defaults.StrimziNamespace), "namespace of the Kafka cluster"),
        new("cluster.strimzi.controllers", Int, Plain(Defaults.StrimziControllers), "KRaft controller pool size (≥ 3 in prod; odd recommended)", Range: new(1, 9)),
        new("cluster.strimzi.controllerStorageGiB", Int, Plain(Defaults.StrimziControllerStorageGiB), "metadata volume per controller", Range: new(1, 16384)),
        new("cluster.strimzi.storageClass", Str, "cluster default", "StorageClass of broker and controller volumes"),
        new("cluster.strimzi.plainListener", Bool, Code(false), "adds a plain 9092 listener; refused in prod; replaced by `listeners` (cannot be combined)"),
        new("cluster.strimzi.rackTopologyKey", Str, "off", "node label for rack awareness, e.g. `topology.kubernetes.io/zone`"),
        new("cluster.strimzi.brokerResources", Resources, "none", "broker container resources"),
        new("cluster.strimzi.kedaNamespace", Str, Code(Defaults.KedaNamespace), "KEDA's cluster-object namespace (`KEDA_CLUSTER_OBJECT_NAMESPACE`): KEDA's describe-only KafkaAccess binding lands there for its ClusterTriggerAuthentication"),
        new("cluster.strimzi.createNamespace", Bool, Code(Defaults.StrimziCreateNamespace), "declares the Kafka namespace (kept when removed from the stack or destroyed; protected in prod); off, the namespace must exist (the operator's usually does)"),
        .. StrimziShapeRows(),
        new("cluster.msk", Map, None, "Amazon MSK (provisioned Standard or Express brokers, or serverless)"),
        new("cluster.msk.instanceType", Str, "required unless serverless", "`kafka.t3.small`, `kafka.m5.*`, `kafka.m7g.*`, `express.m7g.*`"),
        new("cluster.msk.clientSubnets", Strings, Required, "2 or 3 subnets in different AZs; brokers must be a multiple of their count"),
        new("cluster.msk.securityGroups", Strings, Required, "at least one"),
        new("cluster.msk.authentication", "string or list of strings", Code(Lower(Defaults.MskAuthentication)), "the client mechanisms MSK enables (several side by side, e.g. `[iam, scram]`; never unauthenticated). The first is every client's default; each has its own bootstrap output (IAM 9098, SCRAM 9096, TLS 9094). The deployer uses IAM when listed, else SCRAM, else TLS", ["iam", "scram", "tls"]),
        new("cluster.msk.vpcConnectivity", Map, "off", "multi-VPC private connectivity (AWS PrivateLink); provisioned clusters only, not on `kafka.t3.small`; the provider enables it right after creating the cluster"),
        new("cluster.msk.vpcConnectivity.authentication", "string or list of strings", Required, "the mechanisms clients in other VPCs may use; each must be in `cluster.msk.authentication`; `scram`/`tls` need `allow.everyone.if.no.acl.found=false` on the cluster first", ["iam", "scram", "tls"]),
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
        .. ExternalRows(),
        new(ConfigKeys.TopicDefaults, Map, None, "defaults of every topic"),
        new("topicDefaults.replicationFactor", Int, Plain(Defaults.ReplicationFactor), "RF of every topic without its own", Range: new(1, 32767)),
        new("topicDefaults.minInsyncReplicas", Int, Plain(Defaults.MinInsyncReplicas), "`min.insync.replicas` of every topic without its own", Range: new(1, 32767)),
        new("topicDefaults.retentionHours", Int, Plain(Defaults.RetentionHours), "retention of every topic without its own", Range: new(1, 876_000)),
        new("topicDefaults.messageBytes", Int, Plain(Defaults.MessageBytes), "average message size used for sizing", Range: new(1, 100_000_000)),
        new(ConfigKeys.Topics + "[]", Maps, None, "the Kafka topics"),
        new("topics[].name", Str, Required, "Kafka topic name"),
        new("topics[].messagesPerSecond", Int, "required unless `partitions` is set", "target peak produce rate; without it (`partitions` only) the topic is not sized: no throughput, storage or consumer-rate checks", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].messagesPerSecondPerConsumer", Int, "required unless `partitions` is set", "what one consumer instance sustains", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].averageMessagesPerSecond", Int, "`messagesPerSecond`", "average produce rate over the retention period; sizes storage (the peak sizes brokers and partitions); at most `messagesPerSecond`", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].messagesPerSecondPerPartition", Int, "off", "optional produce ceiling per partition", Range: new(0, 1_000_000_000, ExclusiveMin: true)),
        new("topics[].maxConsumers", Int, "largest `maxReplicas` of its consumer groups, else 1", "most consumers that read it in parallel", Range: new(1, 100_000)),
        new("topics[].messageBytes", Int, "`topicDefaults`", "average message size of this topic", Range: new(1, 100_000_000)),
        new("topics[].partitions", Int, "computed", "explicit count; wins, below the computed count is a warning; never decreases", Range: new(1, 100_000)),
        new("topics[].retentionHours", Int, "`topicDefaults`", "retention of this topic in hours (`retention.ms`); not with `retentionMs`, nor with `cleanup.policy: compact`", Range: new(1, 876_000)),
        new("topics[].retentionMs", Int, "`retentionHours`", "retention in milliseconds, for sub-hour values, or `-1` for no time limit (storage then bounded only by `config.retention.bytes`); not with `retentionHours`", Range: new(-1, 3_153_600_000_000)),
        new("topics[].replicationFactor", Int, "`topicDefaults`", "RF of this topic", Range: new(1, 32767)),
        new("topics[].minInsyncReplicas", Int, "`topicDefaults`", "`min.insync.replicas` of this topic", Range: new(1, 32767)),
        new("topics[].config", Pairs, None, "Kafka topic configs (names checked against Kafka's topic-level configs); `retention.ms` and `min.insync.replicas` come from the keys above; `cleanup.policy: compact` makes a compacted topic (no `retention.ms`, not sized by time), `compact,delete` keeps time retention; `retention.bytes` bounds storage"),
        new(ConfigKeys.Consumers + "[]", Maps, None, "consumer workloads, one KEDA ScaledObject each"),
        new("consumers[].name", Str, Required, "the workload KEDA scales"),
        new("consumers[].namespace", Str, Code(Defaults.ConsumerNamespace), "namespace of the workload"),
        new("consumers[].topic", Str, "required unless `topics`", "the topic it reads (a name in `topics`)"),
        new("consumers[].topics", Strings, "`[topic]`", "several topics one group reads (not with `topic`); KEDA then measures all the group's topics and caps replicas at the sum of their partitions"),
        new("consumers[].consumerGroup", Str, "the consumer's name", "its Kafka consumer group"),
        new("consumers[].lagThreshold", Int, Plain(Defaults.LagThreshold), "target **average lag per replica** (KEDA runs ⌈total lag ÷ lagThreshold⌉ replicas)", Range: new(0, 1_000_000_000_000, ExclusiveMin: true)),
        new("consumers[].activationLagThreshold", Int, Plain(Defaults.ActivationLagThreshold), "lag at which KEDA activates the workload from zero", Range: new(0, 1_000_000_000_000)),
        new("consumers[].offsetResetPolicy", Str, Code(Defaults.OffsetResetPolicy), "KEDA trigger setting", ["latest", "earliest"]),
        new("consumers[].minReplicas", Int, Plain(Defaults.ConsumerMinReplicas), "KEDA minimum; 0 lets KEDA stop the workload while there is no lag", Range: new(0, 10_000)),
        new("consumers[].maxReplicas", Int, Required, "KEDA maximum; capped at the topic's partitions", Range: new(1, 10_000)),
        new("consumers[].kind", Str, Code(Defaults.ScaleTargetKind), "scale target (any kind with a scale subresource; never `KafkaConnector`)"),
        new("consumers[].apiVersion", Str, Code(Defaults.ScaleTargetApiVersion), "apiVersion of the scale target"),
        new("consumers[].pollingIntervalSeconds", Int, "KEDA's 30", "how often KEDA reads the lag (ScaledObject `pollingInterval`)", Range: new(1, 86_400)),
        new("consumers[].cooldownPeriodSeconds", Int, "KEDA's 300", "wait before the last step from 1 to 0 replicas (ScaledObject `cooldownPeriod`; only with `minReplicas: 0`)", Range: new(0, 86_400)),
        new("consumers[].behavior", Map, "the HPA's defaults", "HPA scaling behaviour (`advanced.horizontalPodAutoscalerConfig.behavior`)"),
        new("consumers[].behavior.scaleUp", Map, "the HPA's defaults", "HPAScalingRules for adding replicas"),
        new("consumers[].behavior.scaleUp.stabilizationWindowSeconds", Int, "0 (the HPA's)", "the HPA acts on the lowest recommendation of this window", Range: new(0, 3600)),
        new("consumers[].behavior.scaleUp.selectPolicy", Str, "`Max`", "which policy wins; `Disabled` turns scaleUp off", ["Max", "Min", "Disabled"]),
        new("consumers[].behavior.scaleUp.policies[]", Maps, "the HPA's", "how fast replicas change"),
        new("consumers[].behavior.scaleUp.policies[].type", Str, Required, "change by pods or by percent", ["Pods", "Percent"]),
        new("consumers[].behavior.scaleUp.policies[].value", Int, Required, "pods or percent per period", Range: new(0, 100_000, ExclusiveMin: true)),
        new("consumers[].behavior.scaleUp.policies[].periodSeconds", Int, Required, "the period", Range: new(1, 1800)),
        new("consumers[].behavior.scaleDown", Map, "the HPA's defaults", "HPAScalingRules for removing replicas"),
        new("consumers[].behavior.scaleDown.stabilizationWindowSeconds", Int, "300 (the HPA's)", "the HPA acts on the highest recommendation of this window", Range: new(0, 3600)),
        new("consumers[].behavior.scaleDown.selectPolicy", Str, "`Max`", "which policy wins; `Disabled` turns scaleDown off", ["Max", "Min", "Disabled"]),
        new("consumers[].behavior.scaleDown.policies[]", Maps, "the HPA's", "how fast replicas change"),
        new("consumers[].behavior.scaleDown.policies[].type", Str, Required, "change by pods or by percent", ["Pods", "Percent"]),
        new("consumers[].behavior.scaleDown.policies[].value", Int, Required, "pods or percent per period", Range: new(0, 100_000, ExclusiveMin: true)),
        new("consumers[].behavior.scaleDown.policies[].periodSeconds", Int, Required, "the period", Range: new(1, 1800)),
        new("consumers[].limitToPartitionsWithLag", Bool, Code(false), "KEDA caps replicas at the partitions that have lag (one topic only)"),
        new("consumers[].excludePersistentLag", Bool, Code(false), "a partition whose offset has not moved since the last poll does not count (a stuck message does not scale out)"),
        new("consumers[].scaleToZeroOnInvalidOffset", Bool, Code(false), "with no committed offset and `offsetResetPolicy: latest`, count lag 0 instead of 1 so `minReplicas: 0` can reach zero"),
        new("consumers[].listener", Str, "the first internal TLS listener with SCRAM", "Strimzi: the listener it connects through (its bootstrap address, its KafkaUser's login — SCRAM-SHA-512, or a client certificate on an `authentication: tls` listener — and its KEDA trigger follow it; `authentication: none` is refused)"),
        new("consumers[].awsRoleArn", Str, "a role is created", "MSK (IAM auth): the IAM role its least-privilege policy is attached to"),
        new("consumers[].authentication", Str, "the first of `cluster.msk.authentication`", "MSK: the mechanism it (and its KEDA trigger) logs in with; one the cluster enables", ["iam", "scram", "tls"]),
        new("consumers[].serviceAccount", Str, "the consumer's name", "MSK with `cluster.msk.eksClusterName`: the workload's service account, associated with its created role (EKS Pod Identity)"),
        new("consumers[].quotas", Map, "none", "broker quotas of its user: its KafkaUser (Strimzi), a `kafka:index/quota:Quota` on its SCRAM user (MSK SCRAM); not applied on MSK IAM"),
        new("consumers[].quotas.consumerByteRate", Int, "none", "fetch bytes per second per broker before throttling", Range: QuotaBytes),
        new("consumers[].quotas.requestPercentage", Int, "none", "share of broker network and I/O thread time (100 = one thread)", Range: QuotaPercent),
        new(ConfigKeys.Connect + "[]", Maps, None, "Kafka Connect worker groups"),
        new("connect[].name", Str, Required, "Kubernetes-style name of the group"),
        new("connect[].replicas", Int, Plain(Defaults.WorkerReplicas), "workers", Range: new(1, 1000)),
        new("connect[].maxReplicas", Int, "off", "turns on KEDA scaling on its sink connectors' lag", Range: new(1, 1000)),
        new("connect[].lagThreshold", Int, Plain(Defaults.ConnectLagThreshold), "target average lag per worker when KEDA scales the group", Range: new(0, 1_000_000_000_000, ExclusiveMin: true)),
        new("connect[].image", Str, "Strimzi's image for the Kafka version", "worker container image with the connector plugins (Strimzi's own has only Kafka's connectors); not with `build`"),
        new("connect[].resources", Resources, "none", "worker container resources"),
        new("connect[].connectors[]", Maps, None, "the group's connectors"),
        new("connect[].connectors[].name", Str, Required, "connector name, unique across groups"),
        new("connect[].connectors[].class", Str, Required, "connector class"),
        new("connect[].connectors[].kind", Str, "`sink` when the class name contains \"Sink\", else `source`", "what the connector does", ["sink", "source"]),
        new("connect[].connectors[].topics", Strings, "required for sinks", "topics it reads or writes (names in `topics`)"),
        new("connect[].connectors[].tasksMax", Int, "partitions of its topics", "most tasks", Range: new(1, 10_000)),
        new("connect[].connectors[].config", Pairs, None, "connector config (not `name`, `connector.class`, `tasks.max`)"),
        new("connect[].listener", Str, "the first internal TLS listener with SCRAM", "Strimzi: the listener the workers connect through (SCRAM-SHA-512, or `certificateAndKey` on an `authentication: tls` listener)"),
        new("connect[].awsRoleArn", Str, "a role is created", "MSK: the service execution role (must trust kafkaconnect.amazonaws.com)"),
        new("connect[].policyStatements[]", Maps, None, "MSK: extra Allow statements of the Connect group's execution role (e.g. S3 access for an S3 sink)"),
        new("connect[].policyStatements[].sid", Str, "`Extra<i>`", "statement id (letters and digits)"),
        new("connect[].policyStatements[].actions", Strings, Required, "IAM actions, e.g. `s3:PutObject`"),
        new("connect[].policyStatements[].resources", Strings, Required, "ARNs (or `*`) the actions apply to"),
        new("connect[].workerConfig", Pairs, None, "worker properties. Strimzi: KafkaConnect `spec.config` after the planner's keys; keys Strimzi forbids (group.id, ssl., sasl., rest., ...) or the planner sets are refused. MSK: added to (or replacing) kafka-infra's, e.g. `value.converter.schemas.enable: \"true\"`"),
        new("connect[].plugin", Map, "required on MSK", "the MSK Connect custom plugin"),
        new("connect[].plugin.s3BucketArn", Str, Required, "bucket of the plugin archive"),
        new("connect[].plugin.s3FileKey", Str, Required, "object key of the plugin archive"),
        new("connect[].plugin.contentType", Str, Code(Defaults.MskConnectPluginContentType), "archive format", ["ZIP", "JAR"]),
        new("connect[].build", Map, "off", "Strimzi only: Strimzi builds a worker image with these plugins and runs it (KafkaConnect `spec.build`); a connector class Kafka does not ship needs this or `image`"),
        new("connect[].build.output", Map, Required, "where the built image goes"),
        new("connect[].build.output.type", Str, Code(Defaults.ConnectBuildOutputType), "`docker` for any registry, `imagestream` on OpenShift", ["docker", "imagestream"]),
        new("connect[].build.output.image", Str, Required, "the image Strimzi builds and pushes, e.g. `registry.example.com/kafka/connect-s3:1`"),
        new("connect[].build.output.pushSecret", Str, "none", "Secret in the Kafka namespace with the registry credentials (`kubernetes.io/dockerconfigjson`)"),
        new("connect[].build.plugins[]", Maps, Required, "plugins added to the image, at least one"),
        new("connect[].build.plugins[].name", Str, Required, "plugin folder name, unique in the group (lower-case letters, digits, `-`, `_`)"),
        new("connect[].build.plugins[].artifacts[]", Maps, Required, "the plugin's files, at least one"),
        new("connect[].build.plugins[].artifacts[].type", Str, Required, "what is downloaded", ["jar", "tgz", "zip", "maven", "other"]),
        new("connect[].build.plugins[].artifacts[].url", Str, "required unless `maven`", "http(s) or ftp URL of the file"),
        new("connect[].build.plugins[].artifacts[].sha512sum", Str, "required in prod unless `maven`", "SHA-512 of the file (128 hex digits); Strimzi refuses a download that does not match"),
        new("connect[].build.plugins[].artifacts[].fileName", Str, "the URL's file name", "name the file is stored under (not for `maven`)"),
        new("connect[].build.plugins[].artifacts[].group", Str, "required for `maven`", "Maven group id"),
        new("connect[].build.plugins[].artifacts[].artifact", Str, "required for `maven`", "Maven artifact id"),
        new("connect[].build.plugins[].artifacts[].version", Str, "required for `maven`", "Maven version"),
        new("connect[].build.plugins[].artifacts[].repository", Str, "Maven Central", "Maven repository URL"),
        new(ConfigKeys.KsqlDb + "[]", Maps, None, "ksqlDB server groups"),
        new("ksqldb[].name", Str, Required, "Kubernetes-style name of the group"),
        new("ksqldb[].replicas", Int, Plain(Defaults.WorkerReplicas), "servers", Range: new(1, 1000)),
        new("ksqldb[].serviceId", Str, "the group's name + `_`", "ksqlDB service id (prefixes its internal topics, ACLs and IAM resources; end it with `_` or `-` so it is no prefix of another id)"),
        new("ksqldb[].topics", Strings, None, "topics it may read and write (names in `topics`)"),
        new("ksqldb[].image", Str, Code(Defaults.KsqlDbImage), "server container image (required on MSK IAM stacks: the default lacks aws-msk-iam-auth)"),
        new("ksqldb[].headless", Bool, Code(false), "runs the queries of Secret `ksqldb-<name>-queries` (key `queries.sql`)"),
        new("ksqldb[].resources", Resources, "none", "server container resources"),
        new("ksqldb[].listener", Str, "the first internal TLS listener with SCRAM", "Strimzi: the listener the servers connect through (SCRAM-SHA-512, or a PKCS12 keystore on an `authentication: tls` listener)"),
        new("ksqldb[].awsRoleArn", Str, "a role is created", "MSK (IAM auth): the IAM role its least-privilege policy is attached to"),
        new("ksqldb[].authentication", Str, "the first of `cluster.msk.authentication`", "MSK: the mechanism the servers log in with; one the cluster enables", ["iam", "scram", "tls"]),
        new(ConfigKeys.Producers + "[]", Maps, None, "applications that write: Write + Describe on their topics, IdempotentWrite; credentials in their namespace"),
        new("producers[].name", Str, Required, "Kubernetes-style name of the application"),
        new("producers[].namespace", Str, Code(Defaults.ConsumerNamespace), "namespace of the application; its binding Secret `<name>-producer-kafka` lands there (Strimzi)"),
        new("producers[].topics", Strings, Required, "topics it writes (names in `topics`)"),
        new("producers[].transactionalIdPrefix", Str, "off", "grants Write + Describe on transactional ids with this prefix (transactional producers)"),
        new("producers[].quotas", Map, "none", "broker quotas of its user: its KafkaUser (Strimzi), a `kafka:index/quota:Quota` on its principal (MSK SCRAM and mTLS); not applied on MSK IAM"),
        new("producers[].quotas.producerByteRate", Int, "none", "produce bytes per second per broker before throttling; the plan warns when the producers of a topic together get less than the topic's rate", Range: QuotaBytes),
        new("producers[].quotas.requestPercentage", Int, "none", "share of broker network and I/O thread time (100 = one thread)", Range: QuotaPercent),
        new("producers[].listener", Str, "the first internal TLS listener with SCRAM", "Strimzi: the listener its binding names; its KafkaUser logs in the listener's way (SCRAM-SHA-512, or a client certificate on an `authentication: tls` listener)"),
        new("producers[].awsRoleArn", Str, "a role is created", "MSK (IAM auth): the IAM role its least-privilege write policy is attached to"),
        new("producers[].authentication", Str, "the first of `cluster.msk.authentication`", "MSK: the mechanism it logs in with (IAM policy, or SCRAM/TLS with Kafka ACLs); one the cluster enables", ["iam", "scram", "tls"]),
        new("producers[].principal", Str, "required on MSK mTLS", "MSK with `authentication: tls`: the Kafka principal of its client certificate, `User:<distinguished name>` (e.g. `User:CN=order-writer`), which its ACLs and quotas name; refused elsewhere"),
        new(ConfigKeys.Users + "[]", Maps, None, "any other principal (admin tools, external apps) with exactly the ACLs given: a KafkaUser (Strimzi), Kafka ACLs through the Kafka provider (MSK SCRAM and mTLS); refused on MSK IAM"),
        new("users[].name", Str, Required, "the principal's user name: its KafkaUser, whose Secret of the same name is in the Kafka namespace (Strimzi), or its SCRAM user, password from secret config `msk-scram:<name>` (MSK SCRAM)"),
        new("users[].authentication", Str, Code(Defaults.UserAuthentication), "how it logs in", ["scram-sha-512", "tls"]),
        new("users[].principal", Str, "required for `tls` on MSK", "MSK with `authentication: tls`: the Kafka principal of the user's client certificate, `User:<distinguished name>` (e.g. `User:CN=ops-tool,O=Example`); refused elsewhere (Strimzi names tls users `CN=<name>`)"),
        new("users[].acls[]", Maps, Required, "allow rules, at least one"),
        new("users[].acls[].resource", Map, Required, "what the rule is about"),
        new("users[].acls[].resource.type", Str, Required, "resource type", ["topic", "group", "cluster", "transactionalId"]),
        new("users[].acls[].resource.name", Str, "required except for `cluster`", "resource name (`*` for all)"),
        new("users[].acls[].resource.patternType", Str, Code(Defaults.AclPatternType), "how the name matches", ["literal", "prefix"]),
        new("users[].acls[].operations", Strings, Required, "operations allowed: Read, Write, Create, Delete, Alter, Describe, ClusterAction, AlterConfigs, DescribeConfigs, IdempotentWrite, All"),
        new("users[].acls[].host", Str, Code(Defaults.AclHost), "host the rule applies to"),
        new("users[].namespace", Str, "none (the Secret stays in the Kafka namespace)", "Strimzi: a KafkaAccess binds the user's credentials into this namespace as Secret `<name>-user-kafka`"),
        new("users[].listener", Str, "the first in-cluster listener with the user's authentication", "Strimzi, with `namespace`: the listener its binding names (any type, external ones too; its authentication must be the user's)"),
        new("users[].quotas", Map, "none", "broker quotas: its KafkaUser (Strimzi), a `kafka:index/quota:Quota` on its principal (MSK SCRAM and mTLS)"),
        new("users[].quotas.producerByteRate", Int, "none", "produce bytes per second per broker", Range: QuotaBytes),
        new("users[].quotas.consumerByteRate", Int, "none", "fetch bytes per second per broker", Range: QuotaBytes),
        new("users[].quotas.requestPercentage", Int, "none", "share of broker network and I/O thread time (100 = one thread)", Range: QuotaPercent),
        new(ConfigKeys.Tags, Pairs, None, "tags added to every AWS resource that takes tags (keys up to 128 characters, values up to 256, no `aws:` prefix; `kafka-infra`, `cluster` and `environment` are set by kafka-infra), and as labels to every Kubernetes object kafka-infra renders when the pair is a valid label (else a warning); never replacing a label kafka-infra sets"),
        new(ConfigKeys.AllowDeletion, Map, None, "reviewed acknowledgements of changes that delete data; without them `pulumi preview`/`up` fail and `kafka-infra diff` exits 3 on such a change"),
        new("allowDeletion.topics", Strings, None, "topics whose deletion is intended (a removal, or the old name of a rename); lifts their `protect` in prod"),
        new("allowDeletion.clusterReplacement", Bool, Code(false), "a change that creates a new cluster and deletes the old one with its data is intended (MSK `name`, `clientSubnets`, `securityGroups`, `kmsKeyArn`; Strimzi `name`, `namespace`; a platform switch); lifts the cluster's `protect`"),
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
