using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>Every AWS, Kafka-provider and Kubernetes resource an msk: stack needs.</summary>
public static class MskDesiredState
{
    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // AWS and Kafka-provider resources, plus the workloads on EKS (ksqlDB, KEDA) that reach MSK through them.
        return new DesiredState(Kubernetes.MskWorkloads.Build(plan), MskCloudResources.Build(plan));
    }
}
