using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>The outcome of loading a stack config: the model when valid, else every error.</summary>
public sealed record LoadResult(StackConfig? Config, IReadOnlyList<Diagnostic> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;

    /// <summary>The config, or a <see cref="StackConfigException"/> with every error.</summary>
    public StackConfig GetOrThrow() => IsValid ? Config! : throw new StackConfigException(Errors);
}

/// <summary>
/// The one loading path for a stack config, used by the Pulumi program and the CLI alike. It takes the
/// raw Pulumi config values (fully qualified key → string, structured values as JSON text, exactly what
/// <c>Pulumi.Config.Get</c> returns) and builds a validated <see cref="StackConfig"/>, collecting every error.
/// </summary>
public static partial class StackConfigLoader
{
    private static readonly string[] ClusterKeys = ["name", "kafkaVersion", "brokers", "storageGiB", "brokerIngressMBps", "maxPartitionsPerBroker", "strimzi", "msk"];
    private static readonly string[] StrimziKeys = ["namespace", "controllers", "controllerStorageGiB", "storageClass", "plainListener", "rackTopologyKey", "brokerResources"];
    private static readonly string[] MskKeys = ["instanceType", "clientSubnets", "securityGroups", "authentication", "storageAutoscaling", "serverless", "provisionedThroughputMiBps", "kmsKeyArn", "logRetentionDays", "region", "brokersDrained", "certificateAuthorityArns", "kedaRoleArn"];
    private static readonly string[] AutoscalingKeys = ["maxGiB", "targetUtilizationPercent"];
    private static readonly string[] TopicDefaultKeys = ["replicationFactor", "minInsyncReplicas", "retentionHours", "messageBytes"];
    private static readonly string[] TopicKeys = ["name", "messagesPerSecond", "messagesPerSecondPerConsumer", "messagesPerSecondPerPartition", "maxConsumers", "messageBytes", "partitions", "retentionHours", "replicationFactor", "minInsyncReplicas", "config"];
    private static readonly string[] ConsumerKeys = ["name", "namespace", "topic", "consumerGroup", "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "minReplicas", "maxReplicas", "kind", "apiVersion", "awsRoleArn"];
    private static readonly string[] ConnectKeys = ["name", "replicas", "maxReplicas", "lagThreshold", "image", "resources", "connectors", "awsRoleArn", "plugin"];
    private static readonly string[] ConnectorKeys = ["name", "class", "kind", "topics", "tasksMax", "config"];
    private static readonly string[] KsqlKeys = ["name", "replicas", "serviceId", "topics", "image", "headless", "resources", "awsRoleArn"];
    private static readonly string[] PluginKeys = ["s3BucketArn", "s3FileKey", "contentType"];
    private static readonly string[] ResourcesKeys = ["requests", "limits"];
    private static readonly string[] QuantityKeys = ["cpu", "memory"];

    /// <summary>Kafka versions Strimzi 1.2 runs.</summary>
    public static IReadOnlyList<string> StrimziKafkaVersions { get; } = ["4.2.0", "4.2.1", "4.3.0", "4.3.1"];

    /// <summary>Retention values CloudWatch Logs accepts (days).</summary>
    public static IReadOnlyList<int> CloudWatchRetentionDays { get; } = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>Connector config keys Strimzi's KafkaConnector forbids in <c>spec.config</c> (they are fields of their own).</summary>
    public static IReadOnlyList<string> ForbiddenConnectorConfigKeys { get; } = ["name", "connector.class", "tasks.max", "connector.plugin.version"];

    private static readonly Dictionary<string, DeploymentEnvironment> Environments = new(StringComparer.Ordinal)
    {
        ["dev"] = DeploymentEnvironment.Dev,
        ["prod"] = DeploymentEnvironment.Prod,
    };

    private static readonly Dictionary<string, MskAuthentication> Authentications = new(StringComparer.Ordinal)
    {
        ["iam"] = MskAuthentication.Iam,
        ["scram"] = MskAuthentication.Scram,
        ["tls"] = MskAuthentication.Tls,
    };

    private static readonly Dictionary<string, ConnectorKind> ConnectorKinds = new(StringComparer.Ordinal)
    {
        ["sink"] = ConnectorKind.Sink,
        ["source"] = ConnectorKind.Source,
    };

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+|\.x)?(\.kraft)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MskKafkaVersionPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/.+$", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateCaArnPattern();

    /// <summary>Loads and validates; never throws for bad input.</summary>
    /// <param name="raw">Fully qualified config keys (<c>kafka-infra:topics</c>) to raw values. Keys of other namespaces are ignored.</param>
    public static LoadResult Load(IReadOnlyDictionary<string, string?> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var errors = new ErrorBag();
        var prefix = ConfigKeys.Namespace + ":";
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var documents = new List<JsonDocument>();
        var unparsable = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var (key, value) in raw.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = key[prefix.Length..];
                if (!ConfigKeys.All.Contains(name))
                {
                    errors.Add(key, ObjectReader.UnknownKeyMessage(name, ConfigKeys.All));
                    continue;
                }

                if (value is null)
                {
                    continue;
                }

                if (InputLimits.CheckRawValue(value, ConfigKeys.Structured.Contains(name)) is { } beyondLimits)
                {
                    unparsable.Add(name);
                    errors.Add(key, beyondLimits);
                    continue;
                }

                if (!ConfigKeys.Structured.Contains(name))
                {
                    values[name] = JsonSerializer.SerializeToElement(value);
                    continue;
                }

                try
                {
                    var doc = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = InputLimits.MaxValueDepth + 1 });
                    documents.Add(doc);
                    values[name] = doc.RootElement;
                }
                catch (JsonException)
                {
                    unparsable.Add(name);
                    var expected = name is ConfigKeys.Cluster or ConfigKeys.TopicDefaults ? "a mapping" : "a list";
                    errors.Add(key, $"must be {expected} (structured config: write it as YAML in Pulumi.<stack>.yaml or set it with `pulumi config set --path`), got {Describe.Quote(value)}");
                }
            }

            raw.TryGetValue("aws:region", out var awsRegion);
            var config = Build(values, errors, unparsable, awsRegion);
            return new LoadResult(errors.Count == 0 ? config : null, errors.Errors);
        }
        finally
        {
            foreach (var doc in documents)
            {
                doc.Dispose();
            }
        }
    }

    private static StackConfig? Build(Dictionary<string, JsonElement> values, ErrorBag errors, HashSet<string> unparsable, string? awsRegion)
    {
        var environment = ReadEnvironment(values, errors);
        var cluster = unparsable.Contains(ConfigKeys.Cluster) ? null : ReadCluster(values, errors, awsRegion);
        var defaults = ReadTopicDefaults(values, errors);
        var topics = ReadList(values, ConfigKeys.Topics, errors, ReadTopic);
        var consumers = ReadList(values, ConfigKeys.Consumers, errors, ReadConsumer);
        var connect = ReadList(values, ConfigKeys.Connect, errors, ReadConnectGroup);
        var ksql = ReadList(values, ConfigKeys.KsqlDb, errors, ReadKsqlGroup);

        CheckTopics(topics, errors);
        CheckConsumers(consumers, topics, errors);
        CheckConnect(connect, topics, errors);
        CheckKsql(ksql, topics, errors);

        return cluster is null ? null : new StackConfig(environment, cluster, defaults, topics, consumers, connect, ksql);
    }

    private static DeploymentEnvironment ReadEnvironment(Dictionary<string, JsonElement> values, ErrorBag errors)
    {
        if (!values.TryGetValue(ConfigKeys.Environment, out var e))
        {
            return Defaults.Environment;
        }

        var s = e.GetString() ?? "";
        if (Environments.TryGetValue(s, out var env))
        {
            return env;
        }

        errors.Add(ConfigKeys.Qualified(ConfigKeys.Environment), $"must be one of {string.Join(", ", Environments.Keys)}; got {Describe.Quote(s)}");
        return Defaults.Environment;
    }

    private static List<T> ReadList<T>(Dictionary<string, JsonElement> values, string key, ErrorBag errors, Func<JsonElement, string, int, ErrorBag, T?> read)
        where T : class
    {
        var result = new List<T>();
        if (!values.TryGetValue(key, out var list))
        {
            return result;
        }

        var index = 0;
        foreach (var (element, path) in ObjectReader.ListOf(list, ConfigKeys.Qualified(key), errors))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            }
            else if (read(element, path, index, errors) is { } item)
            {
                result.Add(item);
            }

            index++;
        }

        return result;
    }

    private static ClusterConfig? ReadCluster(Dictionary<string, JsonElement> values, ErrorBag errors, string? awsRegion)
    {
        var path = ConfigKeys.Qualified(ConfigKeys.Cluster);
        if (!values.TryGetValue(ConfigKeys.Cluster, out var element))
        {
            errors.Add(path, "is required; expected a mapping with name, brokers, storageGiB and one of strimzi: or msk:");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            return null;
        }

        var r = new ObjectReader(element, path, errors, ClusterKeys);
        var name = r.String("name", required: true, expected: "a Kubernetes-style name such as 'events'");
        if (name is { Length: > 0 } && Names.KubernetesNameProblem(name) is { } nameProblem)
        {
            errors.Add(r.Child("name"), nameProblem);
        }

        var hasStrimzi = r.HasKey("strimzi");
        var hasMsk = r.HasKey("msk");
        if (hasStrimzi == hasMsk)
        {
            errors.Add(path, hasStrimzi
                ? "must set exactly one of 'strimzi' or 'msk', got both"
                : "must set exactly one of 'strimzi' (Kafka on Kubernetes) or 'msk' (Amazon MSK), got neither");
        }

        var strimzi = hasStrimzi ? ReadStrimzi(r) : null;
        var msk = hasMsk ? ReadMsk(r, awsRegion) : null;
        var serverless = msk?.Serverless == true;

        var version = r.String("kafkaVersion", expected: "a Kafka version such as 4.3.1") ?? Defaults.KafkaVersion;
        if (hasStrimzi && !hasMsk && !StrimziKafkaVersions.Contains(version))
        {
            errors.Add(r.Child("kafkaVersion"), $"must be a Kafka version Strimzi 1.2 runs ({string.Join(", ", StrimziKafkaVersions)}); got {Describe.Quote(version)}");
        }
        else if (hasMsk && !hasStrimzi && !MskKafkaVersionPattern().IsMatch(version))
        {
            errors.Add(r.Child("kafkaVersion"), $"must be an MSK Kafka version such as 3.9.x or 4.1.x.kraft; got {Describe.Quote(version)}");
        }

        int brokers = 0, storage = 0;
        if (serverless)
        {
            foreach (var key in new[] { "brokers", "storageGiB", "brokerIngressMBps", "maxPartitionsPerBroker" })
            {
                if (r.Has(key))
                {
                    errors.Add(r.Child(key), "must not be set for MSK Serverless: AWS manages brokers, storage and partitions-per-broker itself");
                }
            }
        }
        else
        {
            brokers = r.Int("brokers", 1, 1000, required: true) ?? 0;
            var isExpress = msk?.IsExpress == true;
            if (isExpress)
            {
                if (r.Has("storageGiB"))
                {
                    errors.Add(r.Child("storageGiB"), "must not be set for Express brokers: MSK Express storage is pay-as-you-go and managed by AWS");
                }
            }
            else
            {
                storage = r.Int("storageGiB", 1, 16384, required: true) ?? 0;
            }
        }

        var ingress = serverless ? null : r.Double("brokerIngressMBps", 0, 100_000);
        var maxPerBroker = serverless ? null : r.Int("maxPartitionsPerBroker", 1, 1_000_000);
        if (maxPerBroker is not null && hasMsk)
        {
            errors.Add(r.Child("maxPartitionsPerBroker"), "applies to Strimzi only; MSK's limit comes from the instance type");
        }

        // Cross-field rules of the cluster block are checked with the rest of the config, so they are reported together.
        if (msk is { Serverless: false } m && brokers > 0)
        {
            if (m.ClientSubnets.Count > 0 && brokers % m.ClientSubnets.Count != 0)
            {
                errors.Add(r.Child("brokers"), $"must be a multiple of the {m.ClientSubnets.Count} client subnets (MSK puts the same number of brokers in each Availability Zone); got {brokers}. Use {NearestMultiples(brokers, m.ClientSubnets.Count)}");
            }

            if (m.StorageAutoscaling is { } a && !m.IsExpress && storage > 0 && a.MaxGiB <= storage)
            {
                errors.Add(r.Child("msk.storageAutoscaling.maxGiB"), $"must be greater than storageGiB ({storage}) so auto-scaling has room to grow; got {a.MaxGiB}");
            }
        }

        return name is null || ClusterPlatform.Of(strimzi, msk) is not { } platform ? null : new ClusterConfig(name, version, brokers, storage, ingress, maxPerBroker, platform);
    }

    private static string NearestMultiples(int brokers, int subnets)
    {
        var lower = brokers / subnets * subnets;
        var upper = lower + subnets;
        return lower >= subnets
            ? string.Create(CultureInfo.InvariantCulture, $"{lower} or {upper}")
            : upper.ToString(CultureInfo.InvariantCulture);
    }

    private static StrimziConfig? ReadStrimzi(ObjectReader cluster)
    {
        // `strimzi:` with nothing under it means "Strimzi with every default".
        if (cluster.ObjectOrEmpty("strimzi", StrimziKeys) is not { } r)
        {
            return null;
        }

        var ns = r.String("namespace", expected: "a Kubernetes namespace") ?? Defaults.StrimziNamespace;
        if (Names.KubernetesNameProblem(ns) is { } problem)
        {
            r.Errors.Add(r.Child("namespace"), problem);
        }

        var controllers = r.Int("controllers", 1, 9, @default: Defaults.StrimziControllers) ?? Defaults.StrimziControllers;
        var controllerStorage = r.Int("controllerStorageGiB", 1, 16384, @default: Defaults.StrimziControllerStorageGiB) ?? Defaults.StrimziControllerStorageGiB;
        var storageClass = r.String("storageClass", expected: "a StorageClass name");
        var plain = r.Bool("plainListener", false);
        var rack = r.String("rackTopologyKey", expected: "a node label such as topology.kubernetes.io/zone");
        var resources = ReadResources(r, "brokerResources");
        return new StrimziConfig(ns, controllers, controllerStorage, storageClass, plain, rack, resources);
    }

    private static MskConfig? ReadMsk(ObjectReader cluster, string? awsRegion)
    {
        if (cluster.ObjectOrEmpty("msk", MskKeys) is not { } r)
        {
            return null;
        }

        var serverless = r.Bool("serverless", false);
        var instanceType = r.String("instanceType", required: !serverless, expected: "an MSK broker type such as kafka.m7g.large or express.m7g.large");
        if (serverless)
        {
            foreach (var key in new[] { "instanceType", "storageAutoscaling", "provisionedThroughputMiBps", "brokersDrained" })
            {
                if (r.Has(key))
                {
                    r.Errors.Add(r.Child(key), "must not be set for MSK Serverless: AWS manages brokers and storage itself");
                }
            }

            instanceType = null;
        }
        else if (instanceType is { Length: > 0 } && !MskInstanceTypes.IsKnown(instanceType))
        {
            var suggestion = Suggest.Closest(instanceType, MskInstanceTypes.All);
            r.Errors.Add(r.Child("instanceType"), $"must be an MSK broker type ({(suggestion is null ? "kafka.m7g.large, express.m7g.large, ..." : $"did you mean '{suggestion}'?")}); got {Describe.Quote(instanceType)}");
        }

        var subnets = r.StringList("clientSubnets", required: true);
        var minSubnets = serverless ? 2 : 2;
        if (r.Has("clientSubnets") && subnets.Count is > 0 && (subnets.Count < minSubnets || subnets.Count > 3))
        {
            r.Errors.Add(r.Child("clientSubnets"), string.Create(CultureInfo.InvariantCulture, $"must list 2 or 3 subnets in different Availability Zones, got {subnets.Count}"));
        }

        if (subnets.Distinct(StringComparer.Ordinal).Count() != subnets.Count)
        {
            r.Errors.Add(r.Child("clientSubnets"), $"must not repeat a subnet, got [{string.Join(", ", subnets)}]");
        }

        var groups = r.StringList("securityGroups", required: true);
        var auth = r.Enum("authentication", Defaults.MskAuthentication, Authentications) ?? Defaults.MskAuthentication;
        if (serverless && r.Has("authentication") && auth != MskAuthentication.Iam)
        {
            r.Errors.Add(r.Child("authentication"), $"must be iam for MSK Serverless (the only mechanism it supports); got {Describe.Quote(auth.ToString().ToLowerInvariant())}");
        }

        MskStorageAutoscalingConfig? autoscaling = null;
        if (!serverless && r.Object("storageAutoscaling", required: false, AutoscalingKeys) is { } a)
        {
            var max = a.Int("maxGiB", 1, 16384, required: true);
            var target = a.Int("targetUtilizationPercent", 10, 80, @default: Defaults.MskStorageTargetUtilizationPercent);
            if (max is not null && target is not null)
            {
                autoscaling = new MskStorageAutoscalingConfig(max.Value, target.Value);
            }
        }

        var throughput = r.Int("provisionedThroughputMiBps", 250, 1000);
        var kms = r.String("kmsKeyArn", expected: "a KMS key ARN");
        if (kms is not null && !kms.StartsWith("arn:", StringComparison.Ordinal))
        {
            r.Errors.Add(r.Child("kmsKeyArn"), $"must be a KMS key ARN (arn:aws:kms:...), got {Describe.Quote(kms)}");
        }

        var retention = r.Int("logRetentionDays", 1, 3653, @default: Defaults.MskLogRetentionDays) ?? Defaults.MskLogRetentionDays;
        if (!CloudWatchRetentionDays.Contains(retention))
        {
            r.Errors.Add(r.Child("logRetentionDays"), string.Create(CultureInfo.InvariantCulture, $"must be a value CloudWatch Logs accepts ({string.Join(", ", CloudWatchRetentionDays)}); got {retention}"));
        }

        // The stack's aws:region (what the AWS provider deploys into) unless the cluster names its own.
        var region = r.String("region", expected: "an AWS region such as eu-west-1") ?? (string.IsNullOrEmpty(awsRegion) ? null : awsRegion);
        var drained = r.Bool("brokersDrained", false);
        var caArns = r.StringList("certificateAuthorityArns");
        for (var i = 0; i < caArns.Count; i++)
        {
            if (!PrivateCaArnPattern().IsMatch(caArns[i]))
            {
                r.Errors.Add($"{r.Child("certificateAuthorityArns")}[{i}]", $"must be an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>), got {Describe.Quote(caArns[i])}");
            }
        }

        if (auth == MskAuthentication.Tls && !serverless && !r.Has("certificateAuthorityArns"))
        {
            r.Errors.Add(r.Child("certificateAuthorityArns"), "is required when authentication is tls: MSK trusts client certificates issued by these AWS Private CAs; expected a list of certificate-authority ARNs");
        }
        else if (auth != MskAuthentication.Tls && r.Has("certificateAuthorityArns"))
        {
            r.Errors.Add(r.Child("certificateAuthorityArns"), $"applies only when authentication is tls (mutual TLS); authentication is {Describe.Quote(auth.ToString().ToLowerInvariant())}");
        }

        var kedaRole = r.String("kedaRoleArn", expected: "the IAM role ARN of the KEDA operator");
        if (kedaRole is not null && !RoleArnPattern().IsMatch(kedaRole))
        {
            r.Errors.Add(r.Child("kedaRoleArn"), $"must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>), got {Describe.Quote(kedaRole)}");
        }

        var config = new MskConfig(instanceType, subnets, groups, auth, autoscaling, serverless, throughput, kms, retention, region, drained, caArns, kedaRole);
        if (config.IsExpress)
        {
            if (autoscaling is not null)
            {
                r.Errors.Add(r.Child("storageAutoscaling"), "must not be set for Express brokers: their storage scales automatically");
            }

            if (throughput is not null)
            {
                r.Errors.Add(r.Child("provisionedThroughputMiBps"), "must not be set for Express brokers: they have no EBS volumes");
            }
        }

        return config;
    }

    private static TopicDefaultsConfig ReadTopicDefaults(Dictionary<string, JsonElement> values, ErrorBag errors)
    {
        var fallback = new TopicDefaultsConfig(Defaults.ReplicationFactor, Defaults.MinInsyncReplicas, Defaults.RetentionHours, Defaults.MessageBytes);
        if (!values.TryGetValue(ConfigKeys.TopicDefaults, out var element))
        {
            return fallback;
        }

        var path = ConfigKeys.Qualified(ConfigKeys.TopicDefaults);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            return fallback;
        }

        var r = new ObjectReader(element, path, errors, TopicDefaultKeys);
        return new TopicDefaultsConfig(
            r.Int("replicationFactor", 1, 32767, @default: Defaults.ReplicationFactor) ?? Defaults.ReplicationFactor,
            r.Int("minInsyncReplicas", 1, 32767, @default: Defaults.MinInsyncReplicas) ?? Defaults.MinInsyncReplicas,
            r.Int("retentionHours", 1, 876_000, @default: Defaults.RetentionHours) ?? Defaults.RetentionHours,
            r.Int("messageBytes", 1, 100_000_000, @default: Defaults.MessageBytes) ?? Defaults.MessageBytes);
    }

    private static TopicConfig? ReadTopic(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, TopicKeys);
        var name = r.String("name", required: true, expected: "a Kafka topic name");
        if (name is { Length: > 0 } && Names.TopicNameProblem(name) is { } problem)
        {
            errors.Add(r.Child("name"), problem);
        }

        var partitions = r.Int("partitions", 1, 100_000);
        var rate = r.Long("messagesPerSecond", 0, 1_000_000_000, required: true, exclusiveMinimum: true);
        var perConsumer = r.Long("messagesPerSecondPerConsumer", 0, 1_000_000_000, required: !r.Has("partitions"), exclusiveMinimum: true);
        var perPartition = r.Long("messagesPerSecondPerPartition", 0, 1_000_000_000, exclusiveMinimum: true);
        var maxConsumers = r.Int("maxConsumers", 1, 100_000);
        var bytes = r.Int("messageBytes", 1, 100_000_000);
        var retention = r.Int("retentionHours", 1, 876_000);
        var rf = r.Int("replicationFactor", 1, 32767);
        var minIsr = r.Int("minInsyncReplicas", 1, 32767);
        var config = r.StringMap("config");
        foreach (var (key, field) in new[] { ("retention.ms", "retentionHours"), ("min.insync.replicas", "minInsyncReplicas"), ("retention.hours", "retentionHours") })
        {
            if (config.ContainsKey(key))
            {
                errors.Add($"{r.Child("config")}.{key}", $"is set from the topic's '{field}' field; set {field} instead");
            }
        }

        return name is null || rate is null
            ? null
            : new TopicConfig(index, name, rate.Value, perConsumer, perPartition, maxConsumers, bytes, partitions, retention, rf, minIsr, config);
    }

    private static ConsumerConfig? ReadConsumer(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, ConsumerKeys);
        var name = r.String("name", required: true, expected: "the name of the workload KEDA scales");
        CheckKubernetesName(r, "name", name);
        var ns = r.String("namespace", expected: "a Kubernetes namespace") ?? Defaults.ConsumerNamespace;
        CheckKubernetesName(r, "namespace", ns);
        var topic = r.String("topic", required: true, expected: "the name of a topic in kafka-infra:topics");
        var group = r.String("consumerGroup", expected: "a Kafka consumer group id") ?? name;
        var lag = r.Long("lagThreshold", 0, 1_000_000_000_000, exclusiveMinimum: true, @default: Defaults.LagThreshold) ?? Defaults.LagThreshold;
        var activation = r.Long("activationLagThreshold", 0, 1_000_000_000_000, @default: Defaults.ActivationLagThreshold) ?? Defaults.ActivationLagThreshold;
        var reset = r.String("offsetResetPolicy", expected: "latest or earliest") ?? Defaults.OffsetResetPolicy;
        if (reset is not ("latest" or "earliest"))
        {
            errors.Add(r.Child("offsetResetPolicy"), $"must be one of latest, earliest; got {Describe.Quote(reset)}");
        }

        var min = r.Int("minReplicas", 0, 10_000, @default: Defaults.ConsumerMinReplicas) ?? Defaults.ConsumerMinReplicas;
        var max = r.Int("maxReplicas", 1, 10_000, required: true);
        if (max is not null && min > max)
        {
            errors.Add(r.Child("minReplicas"), string.Create(CultureInfo.InvariantCulture, $"must be <= maxReplicas ({max}), got {min}"));
        }

        var kind = r.String("kind", expected: "a workload kind with a scale subresource") ?? Defaults.ScaleTargetKind;
        var apiVersion = r.String("apiVersion", expected: "the scale target's apiVersion") ?? Defaults.ScaleTargetApiVersion;
        if (kind == "KafkaConnector")
        {
            errors.Add(r.Child("kind"), "must not be KafkaConnector: its scale subresource has no label selector, so KEDA and the HPA cannot scale it; scale the KafkaConnect workers instead (kafka-infra:connect[].maxReplicas)");
        }

        var roleArn = ReadRoleArn(r);
        return name is null || topic is null || max is null || group is null
            ? null
            : new ConsumerConfig(index, name, ns, topic, group, lag, activation, reset, min, max.Value, kind, apiVersion, roleArn);
    }

    private static ConnectGroupConfig? ReadConnectGroup(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, ConnectKeys);
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var replicas = r.Int("replicas", 1, 1000, @default: Defaults.WorkerReplicas) ?? Defaults.WorkerReplicas;
        var max = r.Int("maxReplicas", 1, 1000);
        if (max is not null && replicas > max)
        {
            errors.Add(r.Child("replicas"), string.Create(CultureInfo.InvariantCulture, $"must be <= maxReplicas ({max}), got {replicas}"));
        }

        var lag = r.Long("lagThreshold", 0, 1_000_000_000_000, exclusiveMinimum: true, @default: Defaults.ConnectLagThreshold) ?? Defaults.ConnectLagThreshold;
        var image = r.String("image", expected: "a container image");
        var resources = ReadResources(r, "resources");
        var connectors = new List<ConnectorConfig>();
        var i = 0;
        foreach (var (item, itemPath) in r.List("connectors"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, $"must be a mapping, got {Describe.Value(item)}");
            }
            else if (ReadConnector(new ObjectReader(item, itemPath, errors, ConnectorKeys), i) is { } connector)
            {
                connectors.Add(connector);
            }

            i++;
        }

        var roleArn = ReadRoleArn(r);
        var plugin = ReadPlugin(r);
        return name is null ? null : new ConnectGroupConfig(index, name, replicas, max, lag, image, resources, connectors, roleArn, plugin);
    }

    private static ConnectorConfig? ReadConnector(ObjectReader r, int index)
    {
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var cls = r.String("class", required: true, expected: "a connector class such as io.confluent.connect.s3.S3SinkConnector");
        var inferred = cls is not null && cls.Contains("Sink", StringComparison.Ordinal) ? ConnectorKind.Sink : ConnectorKind.Source;
        var kind = r.Enum("kind", inferred, ConnectorKinds) ?? inferred;
        var topics = r.StringList("topics", required: kind == ConnectorKind.Sink);
        var tasksMax = r.Int("tasksMax", 1, 10_000);
        var config = r.StringMap("config");
        foreach (var key in ForbiddenConnectorConfigKeys)
        {
            if (config.ContainsKey(key))
            {
                r.Errors.Add($"{r.Child("config")}.{key}", "must not be set in config: it comes from the connector's own fields (name, class, tasksMax)");
            }
        }

        return name is null || cls is null ? null : new ConnectorConfig(index, name, cls, kind, topics, tasksMax, config);
    }

    private static KsqlDbGroupConfig? ReadKsqlGroup(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KsqlKeys);
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var replicas = r.Int("replicas", 1, 1000, @default: Defaults.WorkerReplicas) ?? Defaults.WorkerReplicas;
        var serviceId = r.String("serviceId", expected: "a ksqlDB service id") ?? name;
        if (serviceId is not null && Names.TopicNameProblem(serviceId) is { } problem)
        {
            errors.Add(r.Child("serviceId"), problem.Replace("Kafka topic name rules", "it prefixes Kafka topic names", StringComparison.Ordinal));
        }

        var topics = r.StringList("topics");
        var image = r.String("image", expected: "a container image");
        var headless = r.Bool("headless", false);
        var resources = ReadResources(r, "resources");
        var roleArn = ReadRoleArn(r);
        return name is null || serviceId is null ? null : new KsqlDbGroupConfig(index, name, replicas, serviceId, topics, image, headless, resources, roleArn);
    }

    /// <summary>Optional <c>awsRoleArn</c> of a consumer, Connect group or ksqlDB group (MSK: the IAM role its policy is attached to).</summary>
    private static string? ReadRoleArn(ObjectReader r)
    {
        var arn = r.String("awsRoleArn", expected: "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
        if (arn is not null && !RoleArnPattern().IsMatch(arn))
        {
            r.Errors.Add(r.Child("awsRoleArn"), $"must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>), got {Describe.Quote(arn)}");
            return null;
        }

        return arn;
    }

    /// <summary>Optional <c>plugin</c> of a Connect group: the archive MSK Connect runs.</summary>
    private static ConnectPluginConfig? ReadPlugin(ObjectReader group)
    {
        if (group.Object("plugin", required: false, PluginKeys) is not { } r)
        {
            return null;
        }

        var bucket = r.String("s3BucketArn", required: true, expected: "an S3 bucket ARN such as arn:aws:s3:::my-plugins");
        if (bucket is { Length: > 0 } && !BucketArnPattern().IsMatch(bucket))
        {
            r.Errors.Add(r.Child("s3BucketArn"), $"must be an S3 bucket ARN (arn:aws:s3:::<bucket>), got {Describe.Quote(bucket)}");
        }

        var key = r.String("s3FileKey", required: true, expected: "the object key of the plugin archive in the bucket");
        var contentType = r.String("contentType", expected: "ZIP or JAR") ?? Defaults.MskConnectPluginContentType;
        if (contentType is not ("ZIP" or "JAR"))
        {
            r.Errors.Add(r.Child("contentType"), $"must be one of ZIP, JAR; got {Describe.Quote(contentType)}");
        }

        return bucket is null || key is null ? null : new ConnectPluginConfig(bucket, key, contentType);
    }

    private static ResourcesConfig? ReadResources(ObjectReader parent, string key)
    {
        if (parent.Object(key, required: false, ResourcesKeys) is not { } r)
        {
            return null;
        }

        var requests = r.Object("requests", required: false, QuantityKeys);
        var limits = r.Object("limits", required: false, QuantityKeys);
        return new ResourcesConfig(Quantity(requests, "cpu"), Quantity(requests, "memory"), Quantity(limits, "cpu"), Quantity(limits, "memory"));
    }

    private static string? Quantity(ObjectReader? r, string key)
    {
        var q = r?.String(key, expected: "a Kubernetes quantity such as 500m or 2Gi");
        if (q is not null && !QuantityPattern().IsMatch(q))
        {
            r!.Errors.Add(r.Child(key), $"must be a Kubernetes quantity such as 500m, 2 or 4Gi; got {Describe.Quote(q)}");
        }

        return q;
    }

    private static void CheckKubernetesName(ObjectReader r, string key, string? value)
    {
        if (value is { Length: > 0 } && Names.KubernetesNameProblem(value) is { } problem)
        {
            r.Errors.Add(r.Child(key), problem);
        }
    }

    private static void CheckTopics(List<TopicConfig> topics, ErrorBag errors)
    {
        var byName = new Dictionary<string, TopicConfig>(StringComparer.Ordinal);
        var byCollision = new Dictionary<string, TopicConfig>(StringComparer.Ordinal);
        foreach (var t in topics)
        {
            if (byName.TryGetValue(t.Name, out var first))
            {
                errors.Add($"{t.Path}.name", $"duplicates {first.Path}.name {Describe.Quote(t.Name)}; topic names must be unique");
                continue;
            }

            byName[t.Name] = t;
            var key = Names.CollisionKey(t.Name);
            if (byCollision.TryGetValue(key, out var other))
            {
                errors.Add($"{t.Path}.name", $"collides with {other.Path}.name {Describe.Quote(other.Name)}: Kafka treats '.' and '_' alike in metric names and refuses to create both");
            }
            else
            {
                byCollision[key] = t;
            }
        }
    }

    private static void CheckConsumers(List<ConsumerConfig> consumers, List<TopicConfig> topics, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<(string, string), ConsumerConfig>();
        var groups = new Dictionary<string, ConsumerConfig>(StringComparer.Ordinal);
        foreach (var c in consumers)
        {
            CheckTopicReference($"{c.Path}.topic", c.Topic, topicNames, errors);
            if (!names.TryAdd((c.Namespace, c.Name), c))
            {
                errors.Add($"{c.Path}.name", $"duplicates {names[(c.Namespace, c.Name)].Path}.name {Describe.Quote(c.Name)} in namespace {Describe.Quote(c.Namespace)}; each workload gets one ScaledObject");
            }

            if (!groups.TryAdd(c.ConsumerGroup, c))
            {
                errors.Add($"{c.Path}.consumerGroup", $"is already used by {groups[c.ConsumerGroup].Path} ({Describe.Quote(c.ConsumerGroup)}); two workloads in one group would each scale on the whole group's lag");
            }
        }
    }

    private static void CheckConnect(List<ConnectGroupConfig> groups, List<TopicConfig> topics, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, ConnectGroupConfig>(StringComparer.Ordinal);
        var connectorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!names.TryAdd(g.Name, g))
            {
                errors.Add($"{g.Path}.name", $"duplicates {names[g.Name].Path}.name {Describe.Quote(g.Name)}");
            }

            if (g.MaxReplicas is not null && !g.Connectors.Any(c => c.Kind == ConnectorKind.Sink))
            {
                errors.Add($"{g.Path}.maxReplicas", "needs at least one sink connector in the group: KEDA scales Connect workers on the lag of their sink connectors' consumer groups");
            }

            foreach (var c in g.Connectors)
            {
                var cPath = $"{g.Path}.connectors[{c.Index}]";
                if (!connectorNames.TryAdd(c.Name, cPath))
                {
                    errors.Add($"{cPath}.name", $"duplicates {connectorNames[c.Name]}.name {Describe.Quote(c.Name)}; connector names are unique across Connect groups (their consumer groups are connect-<name>)");
                }

                for (var i = 0; i < c.Topics.Count; i++)
                {
                    CheckTopicReference($"{cPath}.topics[{i}]", c.Topics[i], topicNames, errors);
                }
            }
        }
    }

    private static void CheckKsql(List<KsqlDbGroupConfig> groups, List<TopicConfig> topics, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, KsqlDbGroupConfig>(StringComparer.Ordinal);
        var ids = new Dictionary<string, KsqlDbGroupConfig>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!names.TryAdd(g.Name, g))
            {
                errors.Add($"{g.Path}.name", $"duplicates {names[g.Name].Path}.name {Describe.Quote(g.Name)}");
            }
            else if (!ids.TryAdd(g.ServiceId, g))
            {
                errors.Add($"{g.Path}.serviceId", $"is already used by {ids[g.ServiceId].Path} ({Describe.Quote(g.ServiceId)}); groups sharing a service id would form one ksqlDB cluster");
            }

            for (var i = 0; i < g.Topics.Count; i++)
            {
                CheckTopicReference($"{g.Path}.topics[{i}]", g.Topics[i], topicNames, errors);
            }
        }
    }

    private static void CheckTopicReference(string path, string topic, HashSet<string> topicNames, ErrorBag errors)
    {
        if (topicNames.Contains(topic))
        {
            return;
        }

        var suggestion = Suggest.Closest(topic, topicNames.Order(StringComparer.Ordinal));
        errors.Add(path, suggestion is not null
            ? $"names topic {Describe.Quote(topic)}, which is not in kafka-infra:topics; did you mean {Describe.Quote(suggestion)}?"
            : $"names topic {Describe.Quote(topic)}, which is not in kafka-infra:topics");
    }
}
