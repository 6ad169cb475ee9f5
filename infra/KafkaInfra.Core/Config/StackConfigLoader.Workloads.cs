using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>The readers of the workloads: <c>kafka-infra:consumers</c>, <c>kafka-infra:connect</c> and <c>kafka-infra:ksqldb</c>, with the shapes they share (role ARNs, resources).</summary>
public static partial class StackConfigLoader
{
    private static ConsumerConfig? ReadConsumer(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("consumers[]"));
        var name = r.String("name", required: true, expected: "the name of the workload KEDA scales");
        CheckKubernetesName(r, "name", name);
        var ns = r.String("namespace", expected: "a Kubernetes namespace") ?? Defaults.ConsumerNamespace;
        if (Names.KubernetesNameProblem(ns) is { } nsProblem)
        {
            // Also when empty: "" would render the workload's objects without a namespace (into whatever namespace
            // the deploying context defaults to), not into the default one.
            errors.Add(r.Child("namespace"), ns.Length == 0 ? "must not be empty; leave namespace out for the default, " + Describe.Quote(Defaults.ConsumerNamespace) : nsProblem);
        }
        var topics = ReadConsumerTopics(r);
        var topic = topics.Count > 0 ? topics[0] : null;
        var group = r.String("consumerGroup", expected: "a Kafka consumer group id") ?? name;
        var lag = r.Long(Key("consumers[].lagThreshold"), @default: Defaults.LagThreshold) ?? Defaults.LagThreshold;
        var activation = r.Long(Key("consumers[].activationLagThreshold"), @default: Defaults.ActivationLagThreshold) ?? Defaults.ActivationLagThreshold;
        var reset = r.String("offsetResetPolicy", expected: "latest or earliest") ?? Defaults.OffsetResetPolicy;
        if (reset is not ("latest" or "earliest"))
        {
            errors.Add(r.Child("offsetResetPolicy"), $"must be one of latest, earliest; got {Describe.Quote(reset)}");
        }

        var min = r.Int(Key("consumers[].minReplicas"), @default: Defaults.ConsumerMinReplicas) ?? Defaults.ConsumerMinReplicas;
        var max = r.Int(Key("consumers[].maxReplicas"), required: true);
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
        var serviceAccount = r.String("serviceAccount", expected: "the workload's Kubernetes service account");
        if (serviceAccount is not null && Names.KubernetesNameProblem(serviceAccount) is { } saProblem)
        {
            errors.Add(r.Child("serviceAccount"), saProblem);
        }

        var quotas = ReadQuotas(r, "consumers[]");
        var scaling = ReadConsumerScaling(r, topics);
        return name is null || topic is null || max is null || group is null
            ? null
            : new ConsumerConfig(index, name, ns, topic, group, lag, activation, reset, min, max.Value, kind, apiVersion, roleArn, serviceAccount, scaling) { Quotas = quotas, Listener = ReadListenerChoice(r), Authentication = ReadMskChoice(r) };
    }

    private static ConnectGroupConfig? ReadConnectGroup(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("connect[]"));
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var replicas = r.Int(Key("connect[].replicas"), @default: Defaults.WorkerReplicas) ?? Defaults.WorkerReplicas;
        var max = r.Int(Key("connect[].maxReplicas"));
        if (max is not null && replicas > max)
        {
            errors.Add(r.Child("replicas"), string.Create(CultureInfo.InvariantCulture, $"must be <= maxReplicas ({max}), got {replicas}"));
        }

        var lag = r.Long(Key("connect[].lagThreshold"), @default: Defaults.ConnectLagThreshold) ?? Defaults.ConnectLagThreshold;
        var image = r.String("image", expected: "a container image");
        var resources = ReadResources(r, "resources");
        var connectors = new List<ConnectorConfig>();
        foreach (var (c, i) in r.Objects("connectors", KeysOf("connect[].connectors[]")))
        {
            if (ReadConnector(c, i) is { } connector)
            {
                connectors.Add(connector);
            }
        }

        var roleArn = ReadRoleArn(r);
        var plugin = ReadPlugin(r);
        var statements = ReadPolicyStatements(r);
        // On Strimzi the keys Strimzi forbids or the planner sets are refused in CheckStrimziShape (StackConfigLoader.Listeners.cs).
        var workerConfig = r.StringMap("workerConfig");
        var build = ReadBuild(r);
        if (image is not null && r.Has("build"))
        {
            errors.Add(r.Child("image"), $"must not be set together with build: Strimzi runs the image it builds (build.output.image); got image {Describe.Quote(image)}");
        }

        var listener = ReadListenerChoice(r);
        return name is null ? null : new ConnectGroupConfig(index, name, replicas, max, lag, image, resources, connectors, roleArn, plugin, statements, workerConfig, build) { Listener = listener };
    }

    private static ConnectorConfig? ReadConnector(ObjectReader r, int index)
    {
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var cls = r.String("class", required: true, expected: "a connector class such as io.confluent.connect.s3.S3SinkConnector");
        var inferred = cls is not null && cls.Contains("Sink", StringComparison.Ordinal) ? ConnectorKind.Sink : ConnectorKind.Source;
        var kind = r.Enum("kind", inferred, ConfigCatalogue.ConnectorKinds) ?? inferred;
        var topics = r.StringList("topics", required: kind == ConnectorKind.Sink);
        var tasksMax = r.Int(Key("connect[].connectors[].tasksMax"));
        var config = r.StringMap("config");
        foreach (var key in ConfigCatalogue.ForbiddenConnectorConfigKeys)
        {
            if (config.ContainsKey(key))
            {
                r.Errors.Add($"{r.Child("config")}.{key}", "must not be set in config: it comes from the connector's own fields (name, class, tasksMax)");
            }
        }

        if (kind == ConnectorKind.Sink)
        {
            // The rendered connector's topics come from its topics field, and so do its ACLs, KEDA trigger and tasksMax:
            // config.topics would silently replace them, config.topics.regex would read topics nothing planned for.
            foreach (var key in SinkTopicConfigKeys.Where(config.ContainsKey))
            {
                r.Errors.Add($"{r.Child("config")}.{key}", $"must not be set for a sink connector (got {Describe.Quote(config[key])}): list the topics in {r.Child("topics")}, which the rendered connector, its ACLs and its KEDA trigger all follow");
            }
        }

        return name is null || cls is null ? null : new ConnectorConfig(index, name, cls, kind, topics, tasksMax, config);
    }

    /// <summary>Sink connector config keys that choose its topics (Kafka Connect SinkConnectorConfig: topics, topics.regex).</summary>
    private static readonly string[] SinkTopicConfigKeys = ["topics", "topics.regex"];

    private static KsqlDbGroupConfig? ReadKsqlGroup(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("ksqldb[]"));
        var name = r.String("name", required: true, expected: "a Kubernetes-style name");
        CheckKubernetesName(r, "name", name);
        var replicas = r.Int(Key("ksqldb[].replicas"), @default: Defaults.WorkerReplicas) ?? Defaults.WorkerReplicas;
        var serviceId = r.String("serviceId", expected: "a ksqlDB service id") ?? (name is null ? null : KafkaResources.KsqlDbDefaultServiceId(name));
        if (serviceId is not null && Names.TopicNameProblem(serviceId) is { } problem)
        {
            errors.Add(r.Child("serviceId"), problem.Replace("Kafka topic name rules", "it prefixes Kafka topic names", StringComparison.Ordinal));
        }

        var topics = r.StringList("topics");
        var image = r.String("image", expected: "a container image");
        var headless = r.Bool("headless", false);
        var resources = ReadResources(r, "resources");
        var roleArn = ReadRoleArn(r);
        return name is null || serviceId is null ? null : new KsqlDbGroupConfig(index, name, replicas, serviceId, topics, image, headless, resources, roleArn) { Listener = ReadListenerChoice(r), Authentication = ReadMskChoice(r) };
    }

    /// <summary>Optional <c>awsRoleArn</c> of a consumer, Connect group or ksqlDB group (MSK: the IAM role its policy is attached to).</summary>
    private static string? ReadRoleArn(ObjectReader r)
    {
        var arn = r.String("awsRoleArn", expected: "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
        if (arn is not null && !ConfigCatalogue.RoleArnPattern().IsMatch(arn))
        {
            r.Errors.Add(r.Child("awsRoleArn"), $"must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>), got {Describe.Quote(arn)}");
            return null;
        }

        return arn;
    }

    /// <summary>Optional <c>plugin</c> of a Connect group: the archive MSK Connect runs.</summary>
    private static ConnectPluginConfig? ReadPlugin(ObjectReader group)
    {
        if (group.Object("plugin", required: false, KeysOf("connect[].plugin")) is not { } r)
        {
            return null;
        }

        var bucket = r.String("s3BucketArn", required: true, expected: "an S3 bucket ARN such as arn:aws:s3:::my-plugins");
        if (bucket is { Length: > 0 } && !ConfigCatalogue.BucketArnPattern().IsMatch(bucket))
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
        if (parent.Object(key, required: false, ConfigKeyTable.ResourcesKeys) is not { } r)
        {
            return null;
        }

        var requests = r.Object("requests", required: false, ConfigKeyTable.QuantityKeys);
        var limits = r.Object("limits", required: false, ConfigKeyTable.QuantityKeys);
        return new ResourcesConfig(Quantity(requests, "cpu"), Quantity(requests, "memory"), Quantity(limits, "cpu"), Quantity(limits, "memory"));
    }

    private static string? Quantity(ObjectReader? r, string key)
    {
        var q = r?.String(key, expected: "a Kubernetes quantity such as 500m or 2Gi");
        if (q is not null && !ConfigCatalogue.QuantityPattern().IsMatch(q))
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
}
