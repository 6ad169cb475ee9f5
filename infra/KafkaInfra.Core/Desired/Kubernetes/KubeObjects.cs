using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>Labels, names and small builders shared by every Kubernetes renderer.</summary>
public static class KubeObjects
{
    public const string PartOf = "kafka-infra";
    public const string ManagedBy = "kafka-infra";

    /// <summary>
    /// The common labels, in this order: <c>app.kubernetes.io/name</c> = <paramref name="app"/>, <c>part-of</c>,
    /// <c>managed-by</c>, <c>instance</c> = the cluster name; then <paramref name="extra"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Labels(string app, string instance, params KeyValuePair<string, string>[] extra)
    {
        var labels = new List<KeyValuePair<string, string>>
        {
            new("app.kubernetes.io/name", app),
            new("app.kubernetes.io/part-of", PartOf),
            new("app.kubernetes.io/managed-by", ManagedBy),
            new("app.kubernetes.io/instance", instance),
        };
        labels.AddRange(extra);
        return labels;
    }

    /// <summary>A label or annotation pair.</summary>
    public static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    /// <summary>No annotations.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> None { get; } = [];

    /// <summary>A <c>v1 Namespace</c>.</summary>
    public static KubernetesObject Namespace(string name, string instance) =>
        new("v1", "Namespace", name, null, Labels(name, instance), None, new Tree(), "namespaces", ObjectStage.Namespaces);

    /// <summary>Namespaces Kubernetes creates itself; rendering them would make Pulumi fail with "already exists".</summary>
    public static bool IsBuiltInNamespace(string name) => name is "default" or "kube-system" or "kube-public" or "kube-node-lease";

    /// <summary>A short, stable hash of <paramref name="value"/> (lower-case hex), for name suffixes.</summary>
    public static string ShortHash(string value, int length = 8) => KafkaResources.ShortHash(value, length);
}
