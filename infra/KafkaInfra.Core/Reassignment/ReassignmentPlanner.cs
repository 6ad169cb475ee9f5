using System.Globalization;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// Plans a minimal-movement partition reassignment: every partition keeps its replication factor, removed brokers
/// are drained, replicas and preferred leaders per broker end within floor/ceil of the mean, replicas of a partition
/// sit in distinct racks when racks are given, and as few replicas as possible are copied.
/// Deterministic: the same request always gives the same plan, and planning from a plan's own output moves nothing.
/// </summary>
public static partial class ReassignmentPlanner
{
    /// <summary>Validates the request and plans; returns every input error instead of a plan when the request is invalid.</summary>
    public static InputResult<ReassignmentPlan> Plan(ReassignmentRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return InputResult.Fail<ReassignmentPlan>(errors);
        }

        var state = new PlannerState(request);
        var targetErrors = state.ComputeReplicaTargets();
        if (targetErrors.Count > 0)
        {
            return InputResult.Fail<ReassignmentPlan>(targetErrors);
        }

        state.Run();
        return InputResult.Ok<ReassignmentPlan>(state.BuildPlan());
    }

    internal static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
