using System.Globalization;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>One planning run: applies every rule in order and collects errors, warnings and advice.</summary>
internal sealed class PlanContext(StackConfig config, DeployedState deployed)
{
    private static readonly string ClusterPath = ConfigKeys.Qualified(ConfigKeys.Cluster);
    private static readonly string TopicDefaultsPath = ConfigKeys.Qualified(ConfigKeys.TopicDefaults);

    public List<Diagnostic> Errors { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public List<Diagnostic> Advice { get; } = [];

    public List<TopicPlan> Topics { get; } = [];

    public List<ConsumerPlan> Consumers { get; } = [];

    public List<ConnectGroupPlan> Connect { get; } = [];

    public List<KsqlDbGroupPlan> KsqlDb { get; } = [];

    public ClusterPlan? Cluster { get; private set; }

    private Platform Platform => config.Cluster.Msk switch
    {
        null => Platform.Strimzi,
        { Serverless: true } => Platform.MskServerless,
        { IsExpress: true } => Platform.MskExpress,
        _ => Platform.MskProvisioned,
    };

    private bool HasBrokers => Platform != Platform.MskServerless;

    public void Run()
    {
        CheckPlatform();
        PlanTopics();
        PlanConsumers();
        PlanConnect();
        PlanKsqlDb();
        PlanCluster();
    }

    private void Error(string path, string message) => Errors.Add(new Diagnostic(path, message));

    private void Warn(string path, string message) => Warnings.Add(new Diagnostic(path, message));

    /// <summary>An error in prod, a warning in dev.</summary>
    private void ProdError(string path, string message)
    {
        if (config.IsProd)
        {
            Error(path, message + " (required in prod)");
        }
        else
        {
            Warn(path, message + " (an error in prod)");
        }
    }

    private void CheckPlatform()
    {
        var c = config.Cluster;
        if (c.Strimzi is { } s)
        {
            if (s.PlainListener && config.IsProd)
            {
                Error($"{ClusterPath}.strimzi.plainListener", "must be false in prod: a plain listener sends data and credentials unencrypted and unauthenticated; got true");
            }
            else if (s.PlainListener)
            {
                Warn($"{ClusterPath}.strimzi.plainListener", "adds an unencrypted, unauthenticated listener on port 9092 (allowed in dev only)");
            }

            if (s.Controllers % 2 == 0)
            {
                Warn($"{ClusterPath}.strimzi.controllers", $"{s.Controllers} KRaft controllers tolerate no more failures than {s.Controllers - 1}; use an odd number");
            }

            if (config.IsProd && s.Controllers < 3)
            {
                Error($"{ClusterPath}.strimzi.controllers", $"must be >= 3 in prod so the KRaft quorum survives losing a controller; got {s.Controllers}");
            }
        }

        if (c.Msk is { } mskConnect)
        {
            CheckMskConnect(mskConnect);
        }
        else
        {
            WarnMskOnlySettings();
        }

        if (c.Msk is { Serverless: false, IsExpress: false, StorageAutoscaling: not null } && deployed.StorageGiB is { } floor && c.StorageGiB > floor)
        {
            Warn($"{ClusterPath}.storageGiB", $"grows from {floor} to {c.StorageGiB} GiB with storage auto scaling on: this run applies {c.StorageGiB} GiB to every broker (the volume size is not ignored for this one run) and raises the auto-scaling minimum. If auto scaling has already grown the volumes beyond {c.StorageGiB} GiB, MSK refuses the smaller size: check the current size first (`pulumi preview --refresh` shows it) and set storageGiB at or above it");
        }

        if (HasBrokers && deployed.Brokers is { } oldBrokers && c.Brokers < oldBrokers)
        {
            if (c.Msk is { } msk && !msk.BrokersDrained)
            {
                Error($"{ClusterPath}.brokers", $"decreases from {oldBrokers} to {c.Brokers}: MSK removes brokers only once no partition replica is left on them. Move the replicas off the brokers being removed first (`kafka-infra rebalance --remove ...` writes the reassignment), then set cluster.msk.brokersDrained: true to acknowledge it");
            }
            else if (c.Strimzi is not null)
            {
                Warn($"{ClusterPath}.brokers", $"decreases from {oldBrokers} to {c.Brokers}: Cruise Control's remove-brokers auto-rebalance moves every replica off the removed brokers before Strimzi deletes them; this takes time and network bandwidth");
            }
        }

        if (HasBrokers && c.Msk is not { IsExpress: true } && deployed.StorageGiB is { } oldStorage && c.StorageGiB < oldStorage)
        {
            Error($"{ClusterPath}.storageGiB", $"decreases from {oldStorage} to {c.StorageGiB} GiB: broker storage can only grow (neither Kafka volumes on Kubernetes nor MSK EBS volumes can shrink)");
        }
    }

    /// <summary>MSK Connect runs each connector as its own worker cluster from a custom plugin, authenticated with IAM.</summary>
    private void CheckMskConnect(MskConfig msk)
    {
        if (config.Connect.Count > 0 && msk.Authentication != MskAuthentication.Iam)
        {
            Error($"{ClusterPath}.msk.authentication", $"must be iam when kafka-infra:connect lists worker groups: MSK Connect reaches MSK only with IAM or unauthenticated, and kafka-infra never allows unauthenticated access; got {Describe.Quote(msk.Authentication.ToString().ToLowerInvariant())}");
        }

        foreach (var g in config.Connect)
        {
            if (g.Plugin is null)
            {
                Error($"{g.Path}.plugin", "is required on msk: stacks: MSK Connect runs connectors from a plugin archive in S3; set plugin: { s3BucketArn: arn:aws:s3:::<bucket>, s3FileKey: <key of the .zip or .jar>, contentType: ZIP | JAR }");
            }

            if (g.Replicas > MskConnectMaxWorkers)
            {
                Error($"{g.Path}.replicas", $"must be <= {MskConnectMaxWorkers} on msk: stacks (MSK Connect runs 1-{MskConnectMaxWorkers} workers per connector); got {g.Replicas}");
            }

            if (g.MaxReplicas is { } max && max > MskConnectMaxWorkers)
            {
                Error($"{g.Path}.maxReplicas", $"must be <= {MskConnectMaxWorkers} on msk: stacks (MSK Connect auto scaling runs 1-{MskConnectMaxWorkers} workers per connector); got {max}");
            }
        }
    }

    /// <summary>Settings that only an msk: stack uses are ignored elsewhere; say so rather than drop them silently.</summary>
    private void WarnMskOnlySettings()
    {
        foreach (var c in config.Consumers.Where(c => c.AwsRoleArn is not null))
        {
            Warn($"{c.Path}.awsRoleArn", "applies to msk: stacks only (IAM access to MSK); ignored on Strimzi");
        }

        foreach (var g in config.Connect)
        {
            if (g.AwsRoleArn is not null)
            {
                Warn($"{g.Path}.awsRoleArn", "applies to msk: stacks only (the MSK Connect service execution role); ignored on Strimzi");
            }

            if (g.Plugin is not null)
            {
                Warn($"{g.Path}.plugin", "applies to msk: stacks only (the MSK Connect custom plugin); on Strimzi connectors come from the Connect image; ignored");
            }
        }

        foreach (var g in config.KsqlDb.Where(g => g.AwsRoleArn is not null))
        {
            Warn($"{g.Path}.awsRoleArn", "applies to msk: stacks only (IAM access to MSK); ignored on Strimzi");
        }
    }

    /// <summary>MSK Connect's worker-count limit per connector (provisioned and auto-scaled capacity alike).</summary>
    internal const int MskConnectMaxWorkers = 10;

    private void PlanTopics()
    {
        var maxConsumersByTopic = new Dictionary<string, (int Max, string Source)>(StringComparer.Ordinal);
        foreach (var c in config.Consumers)
        {
            if (!maxConsumersByTopic.TryGetValue(c.Topic, out var current) || c.MaxReplicas > current.Max)
            {
                maxConsumersByTopic[c.Topic] = (c.MaxReplicas, $"from {c.Path}.maxReplicas");
            }
        }

        var d = config.TopicDefaults;
        foreach (var t in config.Topics)
        {
            var (maxConsumers, source) = t.MaxConsumers is { } explicitMax
                ? (explicitMax, $"from {t.Path}.maxConsumers")
                : maxConsumersByTopic.TryGetValue(t.Name, out var fromConsumers) ? fromConsumers : (1, "(no consumer group reads it)");
            var (computed, derivation) = CapacityPlanner.ComputePartitions(t.MessagesPerSecond, t.MessagesPerSecondPerConsumer, maxConsumers, source, t.MessagesPerSecondPerPartition);
            var partitions = computed;
            if (t.Partitions is { } explicitPartitions)
            {
                partitions = explicitPartitions;
                if (explicitPartitions < computed)
                {
                    Warn($"{t.Path}.partitions", $"explicit {Fmt.N(explicitPartitions)} is below the computed {Fmt.N(computed)} ({derivation.Explanation}): consumers beyond {Fmt.N(explicitPartitions)} would idle and the throughput target may not be met");
                }

                derivation = new Derivation("explicit partitions", $"{Fmt.N(explicitPartitions)} (explicit; the computed count is {derivation.Explanation})");
            }

            int? deployedPartitions = deployed.TopicPartitions.TryGetValue(t.Name, out var old) ? old : null;
            if (deployedPartitions is { } dp)
            {
                if (partitions < dp && t.Partitions is not null)
                {
                    Error($"{t.Path}.partitions", $"would decrease {Describe.Quote(t.Name)} from {Fmt.N(dp)} (deployed) to {Fmt.N(partitions)}: Kafka cannot remove partitions, Pulumi.Kafka would delete and recreate the topic (losing its data) and Strimzi refuses it (NotSupported). Set partitions to {Fmt.N(dp)} or more");
                }
                else if (partitions < dp)
                {
                    Warn($"{t.Path}.partitions", $"computed {Fmt.N(partitions)} is below the deployed {Fmt.N(dp)}; keeping {Fmt.N(dp)} because partitions never decrease");
                    derivation = new Derivation("max(computed, deployed)", $"{Fmt.N(dp)} (deployed; partitions never decrease; computed {derivation.Explanation})");
                    partitions = dp;
                }
                else if (partitions > dp)
                {
                    Warn($"{t.Path}.partitions", $"grows {Describe.Quote(t.Name)} from {Fmt.N(dp)} to {Fmt.N(partitions)}: keys hash to different partitions from now on (per-key ordering breaks across the change); existing data stays where it is");
                }
            }

            var rf = t.ReplicationFactor ?? d.ReplicationFactor;
            var minIsr = t.MinInsyncReplicas ?? d.MinInsyncReplicas;
            var rfPath = t.ReplicationFactor is null ? $"{TopicDefaultsPath}.replicationFactor" : $"{t.Path}.replicationFactor";
            var isrPath = t.MinInsyncReplicas is null ? $"{TopicDefaultsPath}.minInsyncReplicas" : $"{t.Path}.minInsyncReplicas";
            CheckReplication(t, rf, minIsr, rfPath, isrPath);

            var bytes = t.MessageBytes ?? d.MessageBytes;
            if (bytes > 1_048_576)
            {
                Warn($"{t.Path}.messageBytes", $"{Fmt.N(bytes)} bytes is above Kafka's default max.message.bytes (about 1 MiB); set config max.message.bytes on the topic and the clients' max.request.size / fetch sizes");
            }

            var retention = t.RetentionHours ?? d.RetentionHours;
            var storage = CapacityPlanner.TopicStorageBytes(t.MessagesPerSecond, bytes, retention, rf);
            var storageDerivation = new Derivation(
                "messagesPerSecond × messageBytes × retentionHours × 3600 × replicationFactor",
                $"{Fmt.N(t.MessagesPerSecond)} × {Fmt.N(bytes)} B × {Fmt.N(retention)} h × 3600 × {rf} = {Fmt.GiB(storage)}");

            var kafkaConfig = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in t.Config)
            {
                kafkaConfig[k] = v;
            }

            kafkaConfig["retention.ms"] = (retention * 3_600_000L).ToString(CultureInfo.InvariantCulture);
            kafkaConfig["min.insync.replicas"] = minIsr.ToString(CultureInfo.InvariantCulture);

            Topics.Add(new TopicPlan(t, partitions, computed, deployedPartitions, rf, minIsr, retention, bytes, (double)t.MessagesPerSecond * bytes, storage, kafkaConfig, derivation, storageDerivation));
            AddProducerAdvice(t, partitions, bytes);
        }
    }

    private void CheckReplication(TopicConfig t, int rf, int minIsr, string rfPath, string isrPath)
    {
        var c = config.Cluster;
        if (Platform == Platform.MskExpress)
        {
            if (rf != 3)
            {
                Error(rfPath, $"must be 3 for topic {Describe.Quote(t.Name)} on Express brokers (MSK Express always replicates 3 times); got {rf}");
            }

            if (minIsr != 2)
            {
                Error(isrPath, $"must be 2 for topic {Describe.Quote(t.Name)} on Express brokers (MSK Express fixes min.insync.replicas at 2); got {minIsr}");
            }

            return;
        }

        if (HasBrokers && rf > c.Brokers)
        {
            Error(rfPath, $"replication factor {rf} of topic {Describe.Quote(t.Name)} is greater than the {c.Brokers} brokers; each replica needs its own broker");
        }

        if (minIsr > rf)
        {
            Error(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} is greater than its replication factor {rf}: no acks=all write could ever succeed");
        }
        else if (minIsr == rf && rf > 1)
        {
            // With RF 1 there is no choice (and the RF rule below already speaks); above that, equal values trade availability away.
            ProdError(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} should be less than its replication factor {rf}, or a single broker outage blocks every acks=all producer");
        }

        if (rf < 3)
        {
            ProdError(rfPath, $"replication factor {rf} of topic {Describe.Quote(t.Name)} is below 3: losing one broker can lose data or availability");
        }

        if (minIsr < 2)
        {
            ProdError(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} is below 2: an acknowledged write can live on a single broker");
        }
    }

    private void AddProducerAdvice(TopicConfig t, int partitions, int bytes)
    {
        var mbps = (double)t.MessagesPerSecond * bytes / Units.MB;
        string advice;
        if (t.MessagesPerSecond >= 10_000 || mbps >= 10)
        {
            advice = "batch.size=131072 (128 KiB), linger.ms=10-20, compression.type=lz4 (or zstd for smaller payloads on the wire), acks=all, enable.idempotence=true";
        }
        else if (t.MessagesPerSecond >= 1_000 || mbps >= 1)
        {
            advice = "batch.size=65536 (64 KiB), linger.ms=5, compression.type=lz4, acks=all, enable.idempotence=true";
        }
        else
        {
            advice = "the producer defaults fit (batch.size=16384, linger.ms=5 since Kafka 4.0); keep acks=all and enable.idempotence=true";
        }

        var perPartition = (double)t.MessagesPerSecond / partitions;
        Advice.Add(new Diagnostic(t.Path, $"producers of {Describe.Quote(t.Name)} ({Fmt.N(t.MessagesPerSecond)} msg/s, {Fmt.D(mbps, 2)} MB/s, about {Fmt.D(perPartition, 0)} msg/s per partition): {advice}"));
    }

    private void PlanConsumers()
    {
        if (config.Cluster.Msk is { } iam && (iam.Serverless || iam.Authentication == MskAuthentication.Iam) && iam.Region is null && config.Consumers.Count > 0)
        {
            Warn($"{ClusterPath}.msk.region", "is not set, and neither is aws:region: KEDA's kafka scaler signs its MSK IAM token for a region (trigger metadata awsRegion), so the rendered triggers have none; set cluster.msk.region or aws:region");
        }

        foreach (var c in config.Consumers)
        {
            var topic = PlanFor(c.Topic);
            var max = CapacityPlanner.EffectiveMaxReplicas(c.MaxReplicas, topic.Partitions);
            var derivation = new Derivation("min(maxReplicas, topic partitions)", $"min({Fmt.N(c.MaxReplicas)}, {Fmt.N(topic.Partitions)} partitions of {Describe.Quote(topic.Name)}) = {Fmt.N(max)}");
            if (max < c.MaxReplicas)
            {
                Warn($"{c.Path}.maxReplicas", $"{Fmt.N(c.MaxReplicas)} capped at {Fmt.N(max)}, the partitions of {Describe.Quote(topic.Name)}: {Fmt.N(c.MaxReplicas - max)} of {Fmt.N(c.MaxReplicas)} replicas would idle (a consumer group reads each partition with one member). Raise the topic's partitions to scale further");
            }

            var min = Math.Min(c.MinReplicas, max);
            if (min < c.MinReplicas)
            {
                Warn($"{c.Path}.minReplicas", $"{Fmt.N(c.MinReplicas)} lowered to {Fmt.N(min)}, the effective maxReplicas");
            }

            Advice.Add(new Diagnostic($"{c.Path}.lagThreshold", $"KEDA runs ⌈total lag of group {Describe.Quote(c.ConsumerGroup)} ÷ {Fmt.N(c.LagThreshold)}⌉ replicas between {Fmt.N(min)} and {Fmt.N(max)}: lagThreshold is the target average lag per replica, not a trigger level"));
            Consumers.Add(new ConsumerPlan(c, min, max, topic.Partitions, derivation));
        }
    }

    private Dictionary<string, TopicPlan>? _planIndex;

    private TopicPlan PlanFor(string name)
    {
        _planIndex ??= Topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        return _planIndex[name];
    }

    private void PlanConnect()
    {
        foreach (var g in config.Connect)
        {
            var connectors = new List<ConnectorPlan>();
            foreach (var c in g.Connectors)
            {
                var partitions = c.Topics.Sum(t => PlanFor(t).Partitions);
                var path = $"{g.Path}.connectors[{c.Index}]";
                int tasks;
                Derivation derivation;
                if (c.TasksMax is { } explicitTasks)
                {
                    tasks = explicitTasks;
                    derivation = new Derivation("explicit tasksMax", $"{Fmt.N(tasks)} (explicit)");
                    if (c.Kind == ConnectorKind.Sink && tasks > partitions)
                    {
                        Warn($"{path}.tasksMax", $"{Fmt.N(tasks)} tasks read {Fmt.N(partitions)} partitions: {Fmt.N(tasks - partitions)} tasks would idle");
                    }
                }
                else if (c.Topics.Count > 0)
                {
                    tasks = Math.Max(1, partitions);
                    derivation = new Derivation("Σ partitions of the connector's topics", $"{string.Join(" + ", c.Topics.Select(t => $"{Fmt.N(PlanFor(t).Partitions)} ({t})"))} = {Fmt.N(tasks)}");
                }
                else
                {
                    tasks = 1;
                    derivation = new Derivation("1 (a source connector with no topics listed)", "1");
                }

                connectors.Add(new ConnectorPlan(c, tasks, partitions, derivation));
            }

            var sinkPartitions = connectors.Where(c => c.Config.Kind == ConnectorKind.Sink).Sum(c => c.TopicPartitions);
            int? max = null;
            Derivation? maxDerivation = null;
            if (g.MaxReplicas is { } requested)
            {
                max = Math.Max(g.Replicas, Math.Min(requested, sinkPartitions));
                maxDerivation = new Derivation("min(maxReplicas, Σ partitions read by sink connectors)", $"min({Fmt.N(requested)}, {Fmt.N(sinkPartitions)}) = {Fmt.N(max.Value)}");
                if (max < requested)
                {
                    Warn($"{g.Path}.maxReplicas", $"{Fmt.N(requested)} capped at {Fmt.N(max.Value)}, the partitions its sink connectors read: {Fmt.N(requested - max.Value)} of {Fmt.N(requested)} workers would have no task to run");
                }
            }

            Connect.Add(new ConnectGroupPlan(g, g.Replicas, max, sinkPartitions, connectors, maxDerivation));
        }
    }

    private void PlanKsqlDb()
    {
        foreach (var g in config.KsqlDb)
        {
            var rf = HasBrokers ? Math.Min(config.TopicDefaults.ReplicationFactor, Math.Max(1, config.Cluster.Brokers)) : 3;
            var derivation = HasBrokers
                ? new Derivation("min(topicDefaults.replicationFactor, brokers)", $"min({config.TopicDefaults.ReplicationFactor}, {config.Cluster.Brokers}) = {rf}")
                : new Derivation("3 (MSK Serverless)", "3");
            KsqlDb.Add(new KsqlDbGroupPlan(g, g.Replicas, rf, derivation));
        }
    }

    private void PlanCluster()
    {
        var c = config.Cluster;
        var instance = MskInstanceTypes.Find(c.Msk?.InstanceType);
        var ingressBytes = Topics.Sum(t => t.IngressBytesPerSecond);
        var writeBytes = Topics.Sum(t => t.IngressBytesPerSecond * t.ReplicationFactor);
        var brokerIngress = c.BrokerIngressMBps ?? instance?.IngressMBps ?? Defaults.BrokerIngressMBps;
        var minBrokers = CapacityPlanner.BrokersForThroughput(writeBytes, brokerIngress);
        var maxRf = Topics.Count == 0 ? 1 : Topics.Max(t => t.ReplicationFactor);
        var throughput = new Derivation(
            "max(⌈Σ(messagesPerSecond × messageBytes × replicationFactor) ÷ brokerIngressMBps⌉, largest replicationFactor)",
            $"max(⌈{Fmt.MBps(writeBytes)} ÷ {Fmt.D(brokerIngress)} MB/s per broker⌉ = {Fmt.N(minBrokers)}, RF {maxRf}) = {Fmt.N(Math.Max(minBrokers, maxRf))}");

        var brokers = HasBrokers ? c.Brokers : 0;
        var totalStorage = Topics.Sum(t => t.StorageBytes);
        var perBroker = brokers > 0 ? totalStorage / brokers : 0;
        var needed = CapacityPlanner.StorageGiBNeeded(perBroker);
        var storageDerivation = new Derivation(
            "Σ(messagesPerSecond × messageBytes × retention × replicationFactor) ÷ brokers ÷ 70%",
            brokers > 0 ? $"{Fmt.GiB(totalStorage)} ÷ {brokers} brokers = {Fmt.GiB(perBroker)} per broker; ÷ 70% = {Fmt.N(needed)} GiB" : "storage is managed by AWS");

        var offsetsRf = Math.Min(config.TopicDefaults.ReplicationFactor, Math.Max(1, brokers));
        var topicReplicas = Topics.Sum(t => (long)t.Partitions * t.ReplicationFactor);
        var connectReplicas = Connect.Count * (1 + 25 + 5) * (long)offsetsRf;
        var totalReplicas = topicReplicas + (Defaults.ConsumerOffsetsPartitions * (long)offsetsRf) + connectReplicas;
        var replicasPerBroker = brokers > 0 ? (int)Math.Min(int.MaxValue, CapacityPlanner.CeilDiv(totalReplicas, brokers)) : 0;
        var replicasDerivation = new Derivation(
            "⌈(Σ partitions × replicationFactor + 50 × RF for __consumer_offsets + 31 × RF per Connect group) ÷ brokers⌉",
            brokers > 0 ? $"⌈({Fmt.N(topicReplicas)} + {Fmt.N(Defaults.ConsumerOffsetsPartitions * offsetsRf)} + {Fmt.N(connectReplicas)}) ÷ {brokers}⌉ = {Fmt.N(replicasPerBroker)}" : "managed by AWS");

        int? recommended = null, max = null;
        if (HasBrokers)
        {
            if (c.Strimzi is not null)
            {
                max = c.MaxPartitionsPerBroker ?? Defaults.MaxPartitionsPerBroker;
                if (replicasPerBroker > max)
                {
                    Error($"{ClusterPath}.brokers", $"{Fmt.N(replicasPerBroker)} partition replicas per broker ({replicasDerivation.Explanation}) exceed the ceiling of {Fmt.N(max.Value)} (cluster.maxPartitionsPerBroker); add brokers or reduce partitions");
                }
            }
            else if (instance is not null)
            {
                recommended = instance.RecommendedPartitions;
                max = instance.MaxPartitions;
                if (replicasPerBroker > max)
                {
                    Error($"{ClusterPath}.msk.instanceType", $"{Fmt.N(replicasPerBroker)} partition replicas per broker exceed {instance.Name}'s maximum of {Fmt.N(max.Value)}, above which MSK blocks configuration updates and broker-size changes; add brokers or choose a larger type");
                }
                else if (replicasPerBroker > recommended)
                {
                    Warn($"{ClusterPath}.msk.instanceType", $"{Fmt.N(replicasPerBroker)} partition replicas per broker are above {instance.Name}'s recommended {Fmt.N(recommended.Value)} (maximum {Fmt.N(max.Value)})");
                }
            }

            if (c.Brokers < minBrokers)
            {
                Warn($"{ClusterPath}.brokers", $"{c.Brokers} brokers are below the {minBrokers} the write load needs ({throughput.Explanation}; set cluster.brokerIngressMBps if your brokers sustain more)");
            }

            if (Platform != Platform.MskExpress && c.StorageGiB < needed && !(c.Msk?.StorageAutoscaling is { } a && a.MaxGiB >= needed))
            {
                Warn($"{ClusterPath}.storageGiB", $"{Fmt.N(c.StorageGiB)} GiB per broker is below the {Fmt.N(needed)} GiB needed to stay under 70% full ({storageDerivation.Explanation})");
            }
        }

        var numPartitions = Defaults.NumPartitions;
        Cluster = new ClusterPlan(Platform, brokers, HasBrokers && Platform != Platform.MskExpress ? c.StorageGiB : 0, deployed.Brokers, numPartitions,
            ingressBytes / Units.MB, writeBytes / Units.MB, brokerIngress, Math.Max(minBrokers, maxRf), perBroker, needed,
            (int)Math.Min(int.MaxValue, totalReplicas), replicasPerBroker, recommended, max, throughput, storageDerivation, replicasDerivation, deployed.StorageGiB);
    }
}
