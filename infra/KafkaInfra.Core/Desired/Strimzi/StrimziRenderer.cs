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

    /// <summary>
    /// The Kafka namespace, only when <c>cluster.strimzi.createNamespace</c> asks for it. Consumer namespaces are never
    /// declared: they always exist (the Deployments KEDA scales live there), pulumi-kubernetes 4.29+ fails with
    /// AlreadyExists on an object that exists, and a stack that owned one would delete it, with everything in it,
    /// when the consumer is removed or the stack destroyed (platform-facts.md 8.3). The Pulumi program keeps a declared
    /// namespace on delete and protects it in prod (PulumiLayout.Safety).
    /// </summary>
    public IEnumerable<KubernetesObject> Namespaces() =>
        _strimzi.CreateNamespace && !KubeObjects.IsBuiltInNamespace(_ns) ? [KubeObjects.Namespace(_ns, _cluster)] : [];
}
