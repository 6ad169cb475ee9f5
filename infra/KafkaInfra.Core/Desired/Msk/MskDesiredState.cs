using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>Every AWS, Kafka-provider and Kubernetes resource an msk: stack needs.</summary>
public static class MskDesiredState
{
    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new DesiredState([], MskCloudResources.Build(plan));
    }
}
