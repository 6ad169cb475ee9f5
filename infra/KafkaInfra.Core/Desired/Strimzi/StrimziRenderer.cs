using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>
/// One rendering pass over a strimzi: stack's plan: names are assigned once, then each stage's objects are produced.
/// This file: shared state and namespaces; the cluster (StrimziRenderer.Cluster.cs), topics and users with their ACLs
/// (StrimziRenderer.Access.cs), Connect, ksqlDB and KEDA (StrimziRenderer.Workloads.cs).
/// </summary>
internal sealed partial class StrimziRenderer
{
    private readonly CapacityPlan _plan;
    private readonly StrimziConfig _strimzi;
    private readonly string _cluster;
    private readonly string _ns;
    private readonly int _defaultRf;
    private readonly int _defaultMinIsr;
    private readonly Dictionary<string, string> _userNames = new(StringComparer.Ordinal);

    public StrimziRenderer(CapacityPlan plan, StrimziConfig strimzi)
    {
        _plan = plan;
        _strimzi = strimzi;
        _cluster = plan.Config.Cluster.Name;
        _ns = strimzi.Namespace;
        _defaultRf = Math.Max(1, Math.Min(plan.Config.TopicDefaults.ReplicationFactor, plan.Cluster.Brokers));
        _defaultMinIsr = Math.Max(1, Math.Min(plan.Config.TopicDefaults.MinInsyncReplicas, _defaultRf - 1));
        AssignUserNames();
    }

    /// <summary>How a client with <c>listener: <paramref name="listener"/></c> (null: the default) reaches the brokers; the loader checked the choice.</summary>
    private ClientAccess Access(string? listener) => ClientAccess.Strimzi(_cluster, _ns,
        _strimzi.ClientListener(listener) ?? throw new InvalidOperationException($"no usable listener {listener ?? "(default)"}; the config loader should have refused it"));

    private IReadOnlyList<KeyValuePair<string, string>> KafkaLabels(string app, bool clusterLabel = true) => clusterLabel
        ? KubeObjects.Labels(app, _cluster, KubeObjects.Pair(StrimziDesiredState.ClusterLabel, _cluster))
        : KubeObjects.Labels(app, _cluster);

    /// <summary>Namespaces of consumers other than the Kafka namespace, in first-use order.</summary>
    private List<string> ConsumerNamespaces() =>
        _plan.Consumers.Select(c => c.Config.Namespace).Where(n => n != _ns).Distinct(StringComparer.Ordinal).ToList();

    public IEnumerable<KubernetesObject> Namespaces()
    {
        var names = new List<string> { _ns };
        names.AddRange(_plan.Consumers.Select(c => c.Config.Namespace));
        return names.Distinct(StringComparer.Ordinal)
            .Where(n => !KubeObjects.IsBuiltInNamespace(n))
            .Select(n => KubeObjects.Namespace(n, _cluster));
    }
}
