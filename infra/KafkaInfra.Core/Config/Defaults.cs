namespace KafkaInfra.Core.Config;

/// <summary>
/// Every default of the stack config, in one place. The key table (<see cref="ConfigKeyTable"/>) shows each in the
/// config reference it generates for Pulumi.yaml and docs/config.md, and a test (DefaultsTests) pins it.
/// <c>environment</c> has none on purpose: every stack says whether it is dev or prod.
/// </summary>
public static class Defaults
{
    /// <summary><c>cluster.kafkaVersion</c>: Strimzi 1.2's default Kafka version.</summary>
    public const string KafkaVersion = "4.3.1";

    /// <summary><c>cluster.maxPartitionsPerBroker</c> on Strimzi: the general ceiling of leader + follower replicas per broker.</summary>
    public const int MaxPartitionsPerBroker = 4000;

    /// <summary>Fill ceiling for broker disks: planned storage is kept under this share of <c>storageGiB</c>.</summary>
    public const double StorageFillCeiling = 0.70;

    /// <summary><c>cluster.brokerIngressMBps</c>: write throughput (MB/s, incoming plus replication) one broker is assumed to sustain.</summary>
    public const double BrokerIngressMBps = 30.0;

    /// <summary>Partitions of <c>__consumer_offsets</c> (Kafka's <c>offsets.topic.num.partitions</c> default), counted in partitions per broker.</summary>
    public const int ConsumerOffsetsPartitions = 50;

    /// <summary>
    /// Broker <c>num.partitions</c>: partitions of a topic created without a count (auto-creation is off, so only tools
    /// that create topics themselves see it). Fixed, not tied to the broker count, so scaling brokers changes nothing
    /// but the broker pool.
    /// </summary>
    public const int NumPartitions = 3;

    /// <summary><c>cluster.strimzi.namespace</c>.</summary>
    public const string StrimziNamespace = "kafka";

    /// <summary>
    /// <c>cluster.strimzi.createNamespace</c>: off, because the Kafka namespace usually exists already (the operator's)
    /// and pulumi-kubernetes 4.29+ fails with AlreadyExists on an object that exists (platform-facts.md 8.3).
    /// </summary>
    public const bool StrimziCreateNamespace = false;

    /// <summary><c>cluster.strimzi.controllers</c>: KRaft controller quorum size.</summary>
    public const int StrimziControllers = 3;

    /// <summary><c>cluster.strimzi.controllerStorageGiB</c>: metadata volume per controller.</summary>
    public const int StrimziControllerStorageGiB = 20;

    /// <summary><c>cluster.msk.authentication</c>.</summary>
    public const MskAuthentication MskAuthentication = Config.MskAuthentication.Iam;

    /// <summary><c>cluster.msk.logRetentionDays</c>: CloudWatch broker-log retention.</summary>
    public const int MskLogRetentionDays = 30;

    /// <summary><c>cluster.msk.storageAutoscaling.targetUtilizationPercent</c> (AWS recommends 50-60).</summary>
    public const int MskStorageTargetUtilizationPercent = 60;

    /// <summary><c>topicDefaults.replicationFactor</c>.</summary>
    public const int ReplicationFactor = 3;

    /// <summary><c>topicDefaults.minInsyncReplicas</c>.</summary>
    public const int MinInsyncReplicas = 2;

    /// <summary><c>topicDefaults.retentionHours</c> (7 days, Kafka's own default).</summary>
    public const int RetentionHours = 168;

    /// <summary><c>topicDefaults.messageBytes</c>: average message size when a topic does not say.</summary>
    public const int MessageBytes = 1024;

    /// <summary><c>consumers[].namespace</c>.</summary>
    public const string ConsumerNamespace = "default";

    /// <summary>
    /// <c>cluster.strimzi.kedaNamespace</c>: KEDA's <c>KEDA_CLUSTER_OBJECT_NAMESPACE</c> default, the namespace whose Secrets a
    /// ClusterTriggerAuthentication reads (platform-facts 8.1); also KEDA's install namespace (its Helm chart and release
    /// manifests install into <c>keda</c>), where its operator's service account is on MSK.
    /// </summary>
    public const string KedaNamespace = "keda";

    /// <summary><c>cluster.external.authentication</c>: SCRAM-SHA-512, the mechanism the Kafka provider, KEDA and Strimzi all speak.</summary>
    public const string ExternalAuthentication = "scram-sha-512";

    /// <summary><c>cluster.external.caSecret.key</c>: the key cert-manager and <c>kubernetes.io/tls</c> Secrets use for the CA.</summary>
    public const string ExternalCaKey = "ca.crt";

    /// <summary><c>users[].authentication</c>.</summary>
    public const string UserAuthentication = "scram-sha-512";

    /// <summary><c>users[].acls[].resource.patternType</c> (the KafkaUser CRD's default).</summary>
    public const string AclPatternType = "literal";

    /// <summary><c>users[].acls[].host</c> (the KafkaUser CRD's default: any host).</summary>
    public const string AclHost = "*";

    /// <summary><c>consumers[].minReplicas</c>.</summary>
    public const int ConsumerMinReplicas = 1;

    /// <summary><c>consumers[].lagThreshold</c> (KEDA's own default): target average lag per replica.</summary>
    public const long LagThreshold = 10;

    /// <summary><c>consumers[].activationLagThreshold</c> (KEDA's own default).</summary>
    public const long ActivationLagThreshold = 0;

    /// <summary><c>consumers[].offsetResetPolicy</c> (KEDA's own default).</summary>
    public const string OffsetResetPolicy = "latest";

    /// <summary><c>consumers[].kind</c>: what KEDA scales.</summary>
    public const string ScaleTargetKind = "Deployment";

    /// <summary><c>consumers[].apiVersion</c> of the scale target.</summary>
    public const string ScaleTargetApiVersion = "apps/v1";

    /// <summary>
    /// <c>ksqldb[].image</c>: Confluent Platform's ksqlDB server (8.0.0, built on Apache Kafka 4.0 clients). MSK IAM
    /// additionally needs the aws-msk-iam-auth library on the classpath, which this image does not ship.
    /// </summary>
    public const string KsqlDbImage = "confluentinc/cp-ksqldb-server:8.0.0";

    /// <summary>Namespace of the ksqlDB servers of an MSK stack (on Strimzi they run in the Kafka namespace, beside their KafkaUser Secret and the cluster CA).</summary>
    public const string MskWorkloadNamespace = "kafka";

    /// <summary><c>connect[].replicas</c> and <c>ksqldb[].replicas</c>.</summary>
    public const int WorkerReplicas = 1;

    /// <summary><c>connect[].lagThreshold</c>: target average lag per Connect worker when KEDA scales the group.</summary>
    public const long ConnectLagThreshold = 1000;

    /// <summary><c>connect[].build.output.type</c>: push the built Connect image to a Docker-compatible registry.</summary>
    public const string ConnectBuildOutputType = "docker";

    /// <summary>
    /// <c>scheduled.rebalance.max.delay.ms</c> of an autoscaled Connect group: how long the tasks of a worker that left stay
    /// unassigned (Kafka's default is 300000 ms, platform-facts 8.2). KEDA removes workers on purpose, so 45 s keeps a
    /// scale-down from stopping those tasks for five minutes while still riding out a pod restart.
    /// </summary>
    public const int AutoscaledConnectRebalanceDelayMs = 45_000;

    /// <summary>
    /// HPA <c>behavior.scaleDown.stabilizationWindowSeconds</c> of an autoscaled Connect group: every change of the
    /// worker count rebalances all tasks, so the group shrinks only after lag has stayed low for this long.
    /// </summary>
    public const int AutoscaledConnectScaleDownWindowSeconds = 600;

    /// <summary><c>connect[].plugin.contentType</c> on MSK: the plugin archive format.</summary>
    public const string MskConnectPluginContentType = "ZIP";

    /// <summary>MSK Connect <c>kafkaconnectVersion</c> of every connector.</summary>
    public const string MskConnectVersion = "3.7.x";

    /// <summary>MSK Connect capacity units (1 vCPU and 4 GiB each) per worker.</summary>
    public const int MskConnectMcuCount = 1;

    /// <summary>MSK Connect auto scaling removes a worker when average CPU falls below this percentage.</summary>
    public const int MskConnectScaleInCpuPercent = 20;

    /// <summary>MSK Connect auto scaling adds a worker when average CPU rises above this percentage.</summary>
    public const int MskConnectScaleOutCpuPercent = 80;

    /// <summary>MSK Connect worker <c>key.converter</c> (connectors may override it in their config).</summary>
    public const string MskConnectKeyConverter = "org.apache.kafka.connect.storage.StringConverter";

    /// <summary>MSK Connect worker <c>value.converter</c> (connectors may override it in their config).</summary>
    public const string MskConnectValueConverter = "org.apache.kafka.connect.json.JsonConverter";

    /// <summary>
    /// Replication throttle (MB/s) that <c>kafka-infra diff</c> assumes when it estimates how long a broker-count
    /// or replication-factor change takes to move data: hours = bytes ÷ (throttle × 10⁶) ÷ 3600. Not a config key.
    /// </summary>
    public const double ReassignmentThrottleMBps = 50.0;

    /// <summary>
    /// Size budget of <c>kafka-infra diff --output markdown</c>, in characters: GitHub rejects pull-request comments over
    /// 65,536 characters, so longer change lists are cut with a note pointing to the full text or JSON output.
    /// </summary>
    public const int DiffMarkdownMaxCharacters = 60_000;

    /// <summary>Topics drawn one by one in the diff's Mermaid chart; the rest are folded into one node (Mermaid limits a chart's size and edges).</summary>
    public const int DiffMermaidMaxTopics = 40;


    /// <summary>The KEDA operator's service account in the KEDA Helm chart (<c>serviceAccount.operator.name</c>).</summary>
    public const string KedaOperatorServiceAccount = "keda-operator";
}
