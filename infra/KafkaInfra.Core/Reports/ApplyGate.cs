namespace KafkaInfra.Core.Reports;

/// <summary>
/// What stops <c>pulumi preview</c> and <c>pulumi up</c>: every unsafe change of the report the program computes against
/// the previous deployment (a topic removed or renamed, a cluster replaced, a platform switch, and the refusals the
/// planner already makes). The same changes make <c>kafka-infra diff</c> exit 3; each message says how to acknowledge
/// it (<c>kafka-infra:allowDeletion</c>) or how to avoid it.
/// </summary>
public static class ApplyGate
{
    /// <summary>The message the program fails with, or null when nothing unsafe is left unacknowledged.</summary>
    public static string? Refusal(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocked = report.Changes.Where(c => c.Unsafe).ToArray();
        if (blocked.Length == 0)
        {
            return null;
        }

        var lines = new List<string>
        {
            $"{blocked.Length} change{(blocked.Length == 1 ? "" : "s")} would delete data or be refused, so nothing is applied (the same changes `kafka-infra diff` reports as unsafe):",
        };
        foreach (var c in blocked)
        {
            lines.Add($"  {ImpactReport.KindLabel(c.Kind)} {c.Subject}{(c.ConfigPath is null ? "" : $" ({c.ConfigPath})")}: {c.Transition}: {c.Consequence}");
            if (c.Acknowledge is { } how)
            {
                lines.Add($"    → {how}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}
