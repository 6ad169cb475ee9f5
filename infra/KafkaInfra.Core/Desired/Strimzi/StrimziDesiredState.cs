using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>
/// Every Kubernetes object a strimzi: stack needs (Strimzi 1.2 <c>kafka.strimzi.io/v1</c>, KEDA 2.20), deterministic
/// in content and order: namespaces; the Kafka cluster, its node pools and rebalance templates; topics and users;
/// KafkaAccess bindings (Strimzi Access Operator 0.3); Kafka Connect groups and connectors; ksqlDB servers; KEDA scalers.
/// </summary>
public static class StrimziDesiredState
{
    /// <summary>The only Strimzi API version 1.x serves.</summary>
    public const string ApiVersion = KafkaResources.StrimziApiVersion;

    /// <summary>The label that ties node pools, topics, users and rebalances to their Kafka cluster (connectors: to their Connect group).</summary>
    public const string ClusterLabel = "strimzi.io/cluster";


    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var strimzi = (plan.Config.Cluster.Platform as StrimziPlatform)?.Config ?? throw new ArgumentException("not a strimzi: stack (cluster.strimzi is not set)", nameof(plan));
        var r = new StrimziRenderer(plan, strimzi);
        var objects = new List<KubernetesObject>();
        objects.AddRange(r.Namespaces());
        objects.AddRange(r.Cluster());
        objects.AddRange(r.Topics());
        objects.AddRange(r.Users());
        objects.AddRange(r.Bindings());
        objects.AddRange(r.Connect());
        objects.AddRange(r.KsqlDb());
        objects.AddRange(r.Autoscaling());

        // Stable: objects keep their rendering order within a stage.
        return new DesiredState(objects.OrderBy(o => o.Stage).ToList(), []);
    }
}
