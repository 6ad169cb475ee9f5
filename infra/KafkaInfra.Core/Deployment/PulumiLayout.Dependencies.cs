using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Deployment;

/// <summary>Whether Pulumi protects an object and whether it leaves it in the cluster when it is deleted from the stack.</summary>
/// <param name="Protect">Pulumi refuses to delete (or replace) it while the state says so.</param>
/// <param name="RetainOnDelete">Removing it from the stack, or <c>pulumi destroy</c>, leaves the object in the cluster.</param>
public sealed record ObjectSafety(bool Protect, bool RetainOnDelete)
{
    public static ObjectSafety None { get; } = new(false, false);
}

/// <summary>Per-object dependencies and protection of Kubernetes objects.</summary>
public static partial class PulumiLayout
{
    private const string ClusterLabel = "strimzi.io/cluster";

    /// <summary>
    /// What each kind really needs before it is applied, besides its namespace: the kinds it may name in its body
    /// (a Secret, ConfigMap, ServiceAccount, KafkaUser whose Secret has the user's name, a TriggerAuthentication, a scale
    /// target, a connector's topics) and the kind its <c>strimzi.io/cluster</c> label points to. Kinds not listed
    /// (Kafka, KafkaNodePool, KafkaRebalance, Service, ServiceAccount, ConfigMap, Secret, Namespace) need only their
    /// namespace. The Kafka CR is never a prerequisite of its node pools: it waits for Ready, which needs the pools.
    /// </summary>
    private static readonly Dictionary<string, (string[] Named, string? Labelled)> Needs = new(StringComparer.Ordinal)
    {
        ["KafkaTopic"] = ([], "Kafka"),
        ["KafkaUser"] = ([], "Kafka"),
        ["KafkaAccess"] = (["Kafka", "KafkaUser"], null),
        ["KafkaConnect"] = (["KafkaUser", "Secret", "ConfigMap"], null),
        ["KafkaConnector"] = (["KafkaTopic"], "KafkaConnect"),
        ["Deployment"] = (["KafkaUser", "KafkaAccess", "Secret", "ConfigMap", "ServiceAccount"], null),
        ["TriggerAuthentication"] = (["KafkaUser", "KafkaAccess", "Secret", "ConfigMap"], null),
        ["ClusterTriggerAuthentication"] = (["KafkaAccess", "Secret"], null),
        ["ScaledObject"] = (["TriggerAuthentication", "ClusterTriggerAuthentication", "KafkaConnect", "Deployment"], null),
    };

    /// <summary>
    /// For each Kubernetes object (by index), the indexes of the objects it depends on, and nothing else: its declared
    /// namespace, the objects of the kinds it needs (<see cref="Needs"/>) that its body names in its own namespace, and
    /// the cluster or Connect group its <c>strimzi.io/cluster</c> label names. So a KafkaTopic waits for its Kafka
    /// cluster, a ScaledObject for its TriggerAuthentication, and a failing ksqlDB holds back nothing but itself. Each
    /// object's edges are bounded by its own body, so the edge count grows linearly with the stack. A dependency always
    /// comes earlier in declaration order (by stage, then as rendered), so the program can declare in that order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Dependencies(IReadOnlyList<KubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var rank = DeclarationOrder(objects);
        var byName = new Dictionary<(string? Namespace, string Name), List<int>>();
        for (var i = 0; i < objects.Count; i++)
        {
            var key = (objects[i].Namespace, objects[i].Name);
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = [];
            }

            list.Add(i);
        }

        var namespaces = new HashSet<string>(objects.Select(o => o.Namespace).OfType<string>(), StringComparer.Ordinal);
        var result = new IReadOnlyList<int>[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            var obj = objects[i];
            var deps = new SortedSet<int>();
            void Take(string? ns, string name, IReadOnlyCollection<string> kinds)
            {
                if (byName.TryGetValue((ns, name), out var found))
                {
                    foreach (var j in found.Where(j => j != i && rank[j] < rank[i] && kinds.Contains(objects[j].Kind)))
                    {
                        deps.Add(j);
                    }
                }
            }

            if (obj.Namespace is { } ns)
            {
                Take(null, ns, ["Namespace"]);
            }

            if (Needs.TryGetValue(obj.Kind, out var needs))
            {
                if (needs.Labelled is { } labelled && obj.Labels.FirstOrDefault(l => l.Key == ClusterLabel).Value is { } target)
                {
                    Take(obj.Namespace, target, [labelled]);
                }

                if (needs.Named.Length > 0)
                {
                    // A name is looked up in the object's own namespace, among cluster-scoped objects (a
                    // ClusterTriggerAuthentication), and in any namespace the body itself names (a KafkaAccess names the
                    // Kafka and KafkaUser of another namespace; a ClusterTriggerAuthentication's Secret is in KEDA's).
                    // A cluster-scoped object reads from a namespace its body does not name (KEDA's cluster-object
                    // namespace), so its names are looked up in every namespace.
                    var texts = Strings(obj.Body).Distinct(StringComparer.Ordinal).ToList();
                    var scopes = new List<string?> { obj.Namespace, null };
                    scopes.AddRange(obj.Namespace is null
                        ? namespaces
                        : texts.Where(t => t != obj.Namespace && namespaces.Contains(t)));
                    foreach (var text in texts)
                    {
                        foreach (var scope in scopes)
                        {
                            Take(scope, text, needs.Named);
                        }
                    }
                }
            }

            result[i] = deps.ToArray();
        }

        return result;
    }

    /// <summary>Each object's position when declared stage by stage, keeping the rendering order within a stage.</summary>
    public static int[] DeclarationOrder(IReadOnlyList<KubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var rank = new int[objects.Count];
        var position = 0;
        foreach (var i in Enumerable.Range(0, objects.Count).OrderBy(i => objects[i].Stage))
        {
            rank[i] = position++;
        }

        return rank;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        Tree t => t.SelectMany(kv => Strings(kv.Value)),
        IReadOnlyList<object> list => list.SelectMany(Strings),
        _ => [],
    };

    /// <summary>
    /// Whether Pulumi protects the object and keeps it on delete. A declared Namespace is kept when removed from the stack
    /// or destroyed (deleting it deletes everything in it, for the Kafka namespace the broker volumes;
    /// platform-facts.md 8.3) and protected in prod. In prod the Kafka cluster is protected unless
    /// <c>allowDeletion.clusterReplacement</c> is set, and each KafkaTopic unless <c>allowDeletion.topics</c> names it
    /// (the Topic Operator deletes the Kafka topic and its data with the KafkaTopic; platform-facts.md 8.2).
    /// </summary>
    public static ObjectSafety Safety(KubernetesObject obj, StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(config);
        var prod = config.IsProd;
        return (obj.ApiVersion, obj.Kind) switch
        {
            ("v1", "Namespace") => new ObjectSafety(prod, RetainOnDelete: true),
            (_, "Kafka") when obj.IsCustomResource => new ObjectSafety(prod && !config.Deletions.ClusterReplacement, false),
            (_, "KafkaTopic") when obj.IsCustomResource => new ObjectSafety(prod && !config.Deletions.AllowsTopic(TopicName(obj)), false),
            _ => ObjectSafety.None,
        };
    }

    /// <summary>The Kafka topic a KafkaTopic manages: <c>spec.topicName</c>, else its metadata name (Strimzi's rule).</summary>
    public static string TopicName(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Body["spec"] is Tree spec && spec["topicName"] is string name ? name : obj.Name;
    }
}
