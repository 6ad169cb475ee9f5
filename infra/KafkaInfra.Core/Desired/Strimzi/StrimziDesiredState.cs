using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>Every Kubernetes object a strimzi: stack needs.</summary>
public static class StrimziDesiredState
{
    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return DesiredState.Empty;
    }
}
