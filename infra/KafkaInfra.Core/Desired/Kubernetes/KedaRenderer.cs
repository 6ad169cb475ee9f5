using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>
/// KEDA 2.20 objects that scale Kafka consumers on lag with the <c>kafka</c> scaler: a <c>ScaledObject</c> per
/// workload and what its trigger needs to log in (a <c>TriggerAuthentication</c>, plus a <c>ConfigMap</c> holding the
/// SCRAM user name, which KEDA reads only as an authentication parameter). Shared by Strimzi and MSK stacks.
/// </summary>
public static class KedaRenderer
{
    public const string ApiVersion = "keda.sh/v1alpha1";

    /// <summary>
    /// <c>offsetResetPolicy</c> of a Connect sink's trigger: Connect's sink consumers start at the earliest offset
    /// (<c>auto.offset.reset=earliest</c>, platform-facts 8.2), so before the first commit their lag is the whole
    /// topic (KEDA's <c>earliest</c>), not 1 per partition (<c>latest</c>).
    /// </summary>
    public const string ConnectOffsetResetPolicy = "earliest";

    /// <summary>The ScaledObject (and its authentication objects) of one consumer workload, in the consumer's namespace.</summary>
    /// <param name="consumer">The planned consumer (its max is already capped at the topic's partitions).</param>
    /// <param name="access">How to reach the brokers from the consumer's namespace.</param>
    /// <param name="identity">The SCRAM identity (Secret in the consumer's namespace) when <paramref name="access"/> uses passwords.</param>
    /// <param name="instance">The cluster name (common label).</param>
    /// <param name="clusterAuthentication">The name of a ClusterTriggerAuthentication the trigger refers to instead of
    /// its own TriggerAuthentication (Strimzi: KEDA's describe-only identity); null renders per-workload objects.</param>
    public static IReadOnlyList<KubernetesObject> ForConsumer(ConsumerPlan consumer, ClientAccess access, ClientIdentity? identity, string instance, string? clusterAuthentication = null)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var c = consumer.Config;
        var component = $"keda/{c.Name}";
        var labels = KubeObjects.Labels(c.Name, instance);
        var (authObjects, authRef) = clusterAuthentication is null
            ? Authentication(c.Name, c.Namespace, access, identity, labels, component)
            : ([], AuthRef(clusterAuthentication, ClusterKind));
        // One topic: the trigger names it. Several: no topic, so KEDA measures every topic the group has committed
        // offsets for and caps at the sum of their partitions (platform-facts 2.2).
        var trigger = Trigger(c.Name, access, c.ConsumerGroup, c.Topics.Count == 1 ? c.Topic : null, c.LagThreshold, c.ActivationLagThreshold, c.OffsetResetPolicy, authRef);
        var scaling = c.Scaling;
        if (scaling is not null)
        {
            var metadata = trigger.Child("metadata");
            metadata["limitToPartitionsWithLag"] = scaling.LimitToPartitionsWithLag ? "true" : null;
            metadata["excludePersistentLag"] = scaling.ExcludePersistentLag ? "true" : null;
            metadata["scaleToZeroOnInvalidOffset"] = scaling.ScaleToZeroOnInvalidOffset ? "true" : null;
        }

        var spec = new Tree
        {
            ["scaleTargetRef"] = new Tree { ["apiVersion"] = c.ApiVersion, ["kind"] = c.Kind, ["name"] = c.Name },
            ["pollingInterval"] = scaling?.PollingIntervalSeconds,
            ["cooldownPeriod"] = scaling?.CooldownPeriodSeconds,
            ["minReplicaCount"] = consumer.MinReplicas,
            ["maxReplicaCount"] = consumer.MaxReplicas,
            ["advanced"] = scaling?.Behavior is { } behavior ? new Tree { ["horizontalPodAutoscalerConfig"] = new Tree { ["behavior"] = Behavior(behavior) } } : null,
            ["triggers"] = Tree.List(trigger),
        };
        var scaledObject = new KubernetesObject(ApiVersion, "ScaledObject", c.Name, c.Namespace, labels, KubeObjects.None,
            new Tree { ["spec"] = spec }, component, ObjectStage.Autoscaling);
        return [.. authObjects, scaledObject];
    }

    /// <summary>
    /// The ScaledObject of an autoscaled Kafka Connect group: it targets the <c>KafkaConnect</c> (which has a scale
    /// subresource; a <c>KafkaConnector</c> does not have a usable one) with one trigger per sink connector on its
    /// consumer group <c>connect-&lt;connector&gt;</c>.
    /// </summary>
    public static IReadOnlyList<KubernetesObject> ForConnect(ConnectGroupPlan group, string connectName, string ns, ClientAccess access, ClientIdentity? identity, string instance, string component, string? clusterAuthentication = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.MaxReplicas is not { } max)
        {
            return [];
        }

        var name = KafkaResources.ConnectScaledObject(connectName);
        var labels = KubeObjects.Labels($"connect-{connectName}", instance);
        var (authObjects, authRef) = clusterAuthentication is null
            ? Authentication(name, ns, access, identity, labels, component)
            : ([], AuthRef(clusterAuthentication, ClusterKind));
        var triggers = group.Connectors
            .Where(c => c.Config.Kind == ConnectorKind.Sink)
            .Select(c => (object)Trigger(c.Name, access, c.ConsumerGroup, c.Config.Topics.Count == 1 ? c.Config.Topics[0] : null, group.Config.LagThreshold, 0, ConnectOffsetResetPolicy, authRef))
            .ToArray();
        var spec = new Tree
        {
            ["scaleTargetRef"] = new Tree { ["apiVersion"] = KafkaResources.StrimziApiVersion, ["kind"] = "KafkaConnect", ["name"] = connectName },
            ["minReplicaCount"] = group.Replicas,
            ["maxReplicaCount"] = max,
            ["advanced"] = new Tree
            {
                // Every change of the worker count rebalances all of the group's tasks: shrink only after lag has
                // stayed low for the window (HPA autoscaling/v2 behavior, KEDA advanced.horizontalPodAutoscalerConfig).
                ["horizontalPodAutoscalerConfig"] = new Tree
                {
                    ["behavior"] = new Tree { ["scaleDown"] = new Tree { ["stabilizationWindowSeconds"] = Defaults.AutoscaledConnectScaleDownWindowSeconds } },
                },
            },
            ["triggers"] = triggers,
        };
        var scaledObject = new KubernetesObject(ApiVersion, "ScaledObject", name, ns, labels, KubeObjects.None,
            new Tree { ["spec"] = spec }, component, ObjectStage.Autoscaling);
        return [.. authObjects, scaledObject];
    }

    /// <summary>The kind of a cluster-scoped authentication object (keda.sh_clustertriggerauthentications.yaml).</summary>
    public const string ClusterKind = "ClusterTriggerAuthentication";

    private static Tree AuthRef(string name, string kind) => new() { ["name"] = name, ["kind"] = kind };

    /// <summary>The HPA's autoscaling/v2 HorizontalPodAutoscalerBehavior, as KEDA passes it through.</summary>
    private static Tree Behavior(HpaBehaviorConfig behavior)
    {
        static Tree? Rules(HpaScalingRulesConfig? rules) => rules is null ? null : new Tree
        {
            ["stabilizationWindowSeconds"] = rules.StabilizationWindowSeconds,
            ["selectPolicy"] = rules.SelectPolicy,
            ["policies"] = rules.Policies.Count == 0 ? null : rules.Policies.Select(p => (object)new Tree { ["type"] = p.Type, ["value"] = p.Value, ["periodSeconds"] = p.PeriodSeconds }).ToArray(),
        };

        return new Tree { ["scaleUp"] = Rules(behavior.ScaleUp), ["scaleDown"] = Rules(behavior.ScaleDown) };
    }

    private static Tree Trigger(string name, ClientAccess access, string group, string? topic, long lagThreshold, long activationLagThreshold, string offsetResetPolicy, Tree? authRef)
    {
        var metadata = new Tree
        {
            ["bootstrapServers"] = access.BootstrapServers.ToTreeValue(),
            ["consumerGroup"] = group,
            ["topic"] = topic,
            ["lagThreshold"] = lagThreshold.ToString(CultureInfo.InvariantCulture),
            ["activationLagThreshold"] = activationLagThreshold.ToString(CultureInfo.InvariantCulture),
            ["offsetResetPolicy"] = offsetResetPolicy,
        };
        switch (access.Security)
        {
            case ClientSecurity.ScramTls:
                metadata["sasl"] = "scram_sha512";
                metadata["tls"] = "enable";
                break;
            case ClientSecurity.ScramPlain:
                metadata["sasl"] = "scram_sha512";
                break;
            case ClientSecurity.MskIam:
                metadata["sasl"] = "oauthbearer";
                metadata["saslTokenProvider"] = "aws_msk_iam";
                // cluster.msk.region, else the stack's aws:region; null (and a planner warning) when neither is set.
                metadata["awsRegion"] = access.AwsRegion;
                metadata["tls"] = "enable";
                break;
            case ClientSecurity.Tls:
                metadata["tls"] = "enable";
                break;
            case ClientSecurity.MutualTls:
                // No SASL: the client certificate (authParams cert + key, given together) is the login
                // (keda pkg/scalers/kafka_scaler.go kafkaMetadata.TLS/Cert/Key, parseTLS).
                metadata["tls"] = "enable";
                break;
            case ClientSecurity.Plain:
                break;
        }

        return new Tree
        {
            ["type"] = "kafka",
            ["name"] = name,
            ["metadata"] = metadata,
            ["authenticationRef"] = authRef,
        };
    }

    private static (IReadOnlyList<KubernetesObject> Objects, Tree? AuthRef) Authentication(
        string baseName, string ns, ClientAccess access, ClientIdentity? identity, IReadOnlyList<KeyValuePair<string, string>> labels, string component)
    {
        var authName = KafkaResources.KedaTriggerAuthentication(baseName);
        var objects = new List<KubernetesObject>();
        var spec = new Tree();
        var secretRefs = new List<object>();
        switch (access.Security)
        {
            case ClientSecurity.ScramTls or ClientSecurity.ScramPlain:
                var id = identity ?? throw new ArgumentException("SCRAM needs a client identity", nameof(identity));
                var configMap = KafkaResources.KedaClientConfigMap(baseName);
                objects.Add(new KubernetesObject("v1", "ConfigMap", configMap, ns, labels, KubeObjects.None,
                    new Tree { ["data"] = new Tree { ["username"] = id.Username } }, component, ObjectStage.Autoscaling));
                spec["configMapTargetRef"] = Tree.List(new Tree { ["parameter"] = "username", ["name"] = configMap, ["key"] = "username" });
                secretRefs.Add(new Tree { ["parameter"] = "password", ["name"] = id.SecretName, ["key"] = ClientIdentity.PasswordKey });
                break;
            case ClientSecurity.MutualTls:
                var holder = identity ?? throw new ArgumentException("mutual TLS needs a client identity", nameof(identity));
                secretRefs.Add(new Tree { ["parameter"] = "cert", ["name"] = holder.SecretName, ["key"] = ClientIdentity.CertificateKey });
                secretRefs.Add(new Tree { ["parameter"] = "key", ["name"] = holder.SecretName, ["key"] = ClientIdentity.PrivateKeyKey });
                break;
            case ClientSecurity.MskIam:
                // KEDA signs the token with its own AWS identity (identityOwner defaults to keda): the operator's
                // service account needs an IAM role allowed to describe the cluster, topics and groups.
                spec["podIdentity"] = new Tree { ["provider"] = "aws" };
                break;
        }

        if (access.UsesTls && access.CaSecretName is { } ca)
        {
            secretRefs.Add(new Tree { ["parameter"] = "ca", ["name"] = ca, ["key"] = access.CaSecretKey });
        }

        if (secretRefs.Count > 0)
        {
            spec["secretTargetRef"] = secretRefs;
        }

        if (spec.Count == 0)
        {
            return (objects, null);
        }

        objects.Add(new KubernetesObject(ApiVersion, "TriggerAuthentication", authName, ns, labels, KubeObjects.None,
            new Tree { ["spec"] = spec }, component, ObjectStage.Autoscaling));
        return (objects, AuthRef(authName, "TriggerAuthentication"));
    }
}
