using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>Renderings of the impact report: log lines, text and JSON (the markdown and its Mermaid chart are in ImpactReport.Markdown.cs).</summary>
public sealed partial class ImpactReport
{
    /// <summary>A short label per kind, used in the summary table and the text lines.</summary>
    public static string KindLabel(ChangeKind kind) => kind switch
    {
        ChangeKind.Platform => "platform",
        ChangeKind.ClusterReplaced => "cluster replaced",
        ChangeKind.Environment => "environment",
        ChangeKind.KafkaVersion => "Kafka version",
        ChangeKind.Brokers => "brokers",
        ChangeKind.Storage => "storage",
        ChangeKind.InstanceType => "broker type",
        ChangeKind.TopicAdded => "topic added",
        ChangeKind.TopicRemoved => "topic removed",
        ChangeKind.Partitions => "partitions",
        ChangeKind.ReplicationFactor => "replication factor",
        ChangeKind.MinInsyncReplicas => "min.insync.replicas",
        ChangeKind.Retention => "retention",
        ChangeKind.ConsumerAdded => "consumer added",
        ChangeKind.ConsumerRemoved => "consumer removed",
        ChangeKind.ConsumerScaling => "consumer scaling",
        ChangeKind.ConnectGroupAdded => "Connect group added",
        ChangeKind.ConnectGroupRemoved => "Connect group removed",
        ChangeKind.ConnectReplicas => "Connect workers/tasks",
        ChangeKind.ConnectorAdded => "connector added",
        ChangeKind.ConnectorRemoved => "connector removed",
        ChangeKind.ConnectorReplaced => "connector recreated",
        ChangeKind.KsqlDbGroupAdded => "ksqlDB group added",
        ChangeKind.KsqlDbGroupRemoved => "ksqlDB group removed",
        ChangeKind.KsqlDbReplicas => "ksqlDB servers",
        ChangeKind.ClientAuthentication => "client authentication",
        _ => kind.ToString(),
    };

    /// <summary>The one-line summary: "3 changes, 1 unsafe" or "no changes".</summary>
    public string Summary()
    {
        if (Changes.Count == 0 && Refusals.Count == 0)
        {
            return "no changes";
        }

        // Refusals that no unsafe change explains are counted as what they are.
        var unsafeText = (UnsafeCount, Refusals.Count) switch
        {
            (0, 0) => "none unsafe",
            (var u, 0) => $"{Fmt.N(u)} unsafe",
            (0, var r) => $"{Fmt.N(r)} refused",
            (var u, var r) => $"{Fmt.N(u)} unsafe, {Fmt.N(r)} refused",
        };
        return $"{Fmt.N(Changes.Count)} change{(Changes.Count == 1 ? "" : "s")}, {unsafeText}";
    }

    /// <summary>
    /// The report as plain lines (no trailing newlines), unsafe changes first, for the Pulumi program's
    /// <c>Log.Info</c> and for <c>kafka-infra diff --output text</c>.
    /// </summary>
    public IReadOnlyList<string> ToText()
    {
        var lines = new List<string> { $"Scaling impact ({(IsNewStack ? "new stack, " : FromDeployedOnly ? "against the deployed partitions, brokers and storage, " : "")}{Summary()})" };
        foreach (var r in Refusals)
        {
            lines.Add($"  REFUSED  {r}");
        }

        foreach (var c in Ordered)
        {
            lines.Add($"  {(c.Unsafe ? "UNSAFE" : "change")}   {KindLabel(c.Kind)} {c.Subject}: {c.Transition}{(c.Irreversible ? " [irreversible]" : "")}");
            lines.Add($"           {c.Consequence}");
            if (c.Acknowledge is { } ack)
            {
                lines.Add($"           to proceed: {ack}");
            }
        }

        foreach (var w in NewWarnings)
        {
            lines.Add($"  warning  {w}");
        }

        if (Rollout.Count > 0)
        {
            lines.Add("Rollout order (this change combines steps that are safer one at a time)");
            lines.AddRange(Rollout.Select(step => $"  {step}"));
        }

        return lines;
    }

    /// <summary>The text report of <c>kafka-infra diff</c>.</summary>
    public string Text(string stackName, string baseName)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Stack {stackName}: {baseName} → working copy");
        foreach (var line in ToText())
        {
            sb.AppendLine(line);
        }

        return sb.ToString();
    }

    /// <summary>The machine-readable report of <c>kafka-infra diff --output json</c>.</summary>
    public string Json(string stackName, string baseName) => JsonReport.ToText(w =>
    {
        w.WriteStartObject();
        w.WriteString("stack", stackName);
        w.WriteString("base", baseName);
        w.WriteBoolean("valid", true);
        w.WriteBoolean("newStack", IsNewStack);
        w.WriteBoolean("unsafe", HasUnsafe);
        w.WriteNumber("unsafeCount", UnsafeCount);
        JsonReport.Objects(w, "changes", Ordered, static (w, c) =>
        {
            w.WriteString("kind", c.Kind.ToString());
            w.WriteString("subject", c.Subject);
            JsonReport.StringOrNull(w, "old", c.Old);
            JsonReport.StringOrNull(w, "new", c.New);
            w.WriteBoolean("unsafe", c.Unsafe);
            w.WriteBoolean("irreversible", c.Irreversible);
            JsonReport.StringOrNull(w, "consequence", c.Consequence);
            JsonReport.StringOrNull(w, "acknowledge", c.Acknowledge);
            JsonReport.StringOrNull(w, "configPath", c.ConfigPath);
        });
        JsonReport.Diagnostics(w, "refusals", Refusals);
        JsonReport.Diagnostics(w, "newWarnings", NewWarnings);
        w.WriteStartArray("rollout");
        foreach (var step in Rollout)
        {
            w.WriteStringValue(step);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The report of a comparison that could not be made: which side is invalid and every error.</summary>
    public static string InvalidText(ImpactPlans plans, string stackName, string baseName)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var (side, errors) = InvalidSide(plans, baseName);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Stack {stackName}: {side}; nothing compared.");
        foreach (var e in errors)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  error: {e}");
        }

        return sb.ToString();
    }

    /// <summary>Markdown for the pull request when a side is invalid.</summary>
    public static string InvalidMarkdown(ImpactPlans plans, string stackName, string baseName)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var (side, errors) = InvalidSide(plans, baseName);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Scaling impact: stack `{Inline(stackName)}`");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"**{Escape(side)}**; nothing compared.");
        sb.AppendLine();
        foreach (var e in errors)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{Inline(e.Path)}`: {Escape(e.Message)}");
        }

        return sb.ToString();
    }

    /// <summary>JSON when a side is invalid.</summary>
    public static string InvalidJson(ImpactPlans plans, string stackName, string baseName)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var (side, errors) = InvalidSide(plans, baseName);
        return JsonReport.ToText(w =>
        {
            w.WriteStartObject();
            w.WriteString("stack", stackName);
            w.WriteString("base", baseName);
            w.WriteBoolean("valid", false);
            w.WriteString("invalidSide", plans.BaseInvalid ? "base" : "new");
            w.WriteString("message", side);
            JsonReport.Diagnostics(w, "errors", errors);
            w.WriteEndObject();
        });
    }

    private static (string Side, IReadOnlyList<Diagnostic> Errors) InvalidSide(ImpactPlans plans, string baseName) =>
        plans.BaseInvalid
            ? ($"base config invalid ({baseName})", plans.BaseErrors)
            : ("new config invalid", plans.NewErrors);
}
