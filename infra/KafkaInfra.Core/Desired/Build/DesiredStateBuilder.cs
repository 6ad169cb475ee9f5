using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Build;

/// <summary>
/// Builds the desired state of a planned stack: Strimzi stacks render Kubernetes objects; MSK stacks render AWS and
/// Kafka-provider resources plus the Kubernetes workloads on EKS; external stacks the Kafka provider, topics, ACLs and KEDA. It sits in a folder of its own, above Desired/Strimzi,
/// Desired/Msk and Desired/Kubernetes, so that Desired (the shared model they all build) depends on none of them.
/// </summary>
public static class DesiredStateBuilder
{
    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var state = plan.Config.Cluster.Platform switch
        {
            StrimziPlatform => Strimzi.StrimziDesiredState.Build(plan),
            ExternalPlatform => External.ExternalDesiredState.Build(plan),
            _ => Msk.MskDesiredState.Build(plan),
        };

        // kafka-infra:tags as labels of every Kubernetes object, where they are valid labels (the plan warns about the others).
        return state with { Kubernetes = Kubernetes.TagLabels.Apply(state.Kubernetes, plan.Config.Tags) };
    }
}
