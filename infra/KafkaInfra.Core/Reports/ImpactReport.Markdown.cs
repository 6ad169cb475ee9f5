using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>The pull-request markdown of the impact report and its Mermaid chart of the platform after the change.</summary>
public sealed partial class ImpactReport
{
    /// <summary>
    /// The pull-request comment of <c>kafka-infra diff --output markdown</c>: heading, summary table, unsafe changes,
    /// every change, new planner warnings and a Mermaid chart of the platform after the change. Lists are cut (with a
    /// note) so the comment stays under <paramref name="maxCharacters"/>.
    /// </summary>
    public string Markdown(string stackName, string baseName, int maxCharacters = Defaults.DiffMarkdownMaxCharacters)
    {
        var inv = CultureInfo.InvariantCulture;
        var head = new StringBuilder();
        head.AppendLine(inv, $"## Scaling impact: stack `{Inline(stackName)}`");
        head.AppendLine();
        var status = HasUnsafe
            ? $"**{Summary()}.** This change must not be applied as is: each unsafe change says how to resolve or acknowledge it."
            : Changes.Count == 0 ? "**No changes** to the planned platform." : $"**{Summary()}.**";
        head.AppendLine(inv, $"Compared with `{Inline(baseName)}`{(IsNewStack ? " (the stack file does not exist there: everything is new)" : "")}. {status}");
        head.AppendLine();
        if (Changes.Count > 0)
        {
            head.AppendLine("| Change | Count | Unsafe |");
            head.AppendLine("|---|---:|---:|");
            foreach (var group in Changes.GroupBy(c => c.Kind).OrderBy(g => g.Key))
            {
                head.AppendLine(inv, $"| {KindLabel(group.Key)} | {group.Count()} | {group.Count(c => c.Unsafe)} |");
            }

            head.AppendLine(inv, $"| **total** | **{Changes.Count}** | **{UnsafeCount}** |");
            head.AppendLine();
        }

        var unsafeLines = new List<string>();
        foreach (var r in Refusals)
        {
            unsafeLines.Add($"- **Refused by the planner** `{Inline(r.Path)}`: {Escape(r.Message)}");
        }

        foreach (var c in Changes.Where(c => c.Unsafe))
        {
            var line = $"- **{Escape(KindLabel(c.Kind))} `{Inline(c.Subject)}`** {Escape(c.Transition)}: {Escape(c.Consequence)}";
            unsafeLines.Add(c.Acknowledge is { } ack ? $"{line}\n  - To proceed: {Escape(ack)}" : line);
        }

        var everyLines = Ordered.Select(c => $"- {(c.Unsafe ? "**unsafe** " : c.Irreversible ? "**irreversible** " : "")}{Escape(KindLabel(c.Kind))} `{Inline(c.Subject)}` {Escape(c.Transition)}: {Escape(c.Consequence)}").ToList();
        var warningLines = NewWarnings.Select(w => $"- `{Inline(w.Path)}`: {Escape(w.Message)}").ToList();
        var chart = new StringBuilder();
        chart.AppendLine("### Platform after the change");
        chart.AppendLine();
        chart.AppendLine("```mermaid");
        chart.Append(Mermaid(NewPlan));
        chart.AppendLine("```");

        // Budget: the heading, table and chart always fit; the lists share what is left, unsafe changes first.
        var budget = maxCharacters - head.Length - chart.Length - 600;
        var sb = new StringBuilder(head.ToString());
        AppendSection(sb, "### Unsafe changes", unsafeLines, ref budget);
        AppendSection(sb, "### Rollout order", [.. Rollout.Select(Escape)], ref budget);
        AppendSection(sb, "### Every change", everyLines, ref budget);
        AppendSection(sb, "### New planner warnings", warningLines, ref budget);
        sb.Append(chart);
        return sb.ToString();
    }

    private static void AppendSection(StringBuilder sb, string title, List<string> lines, ref int budget)
    {
        if (lines.Count == 0)
        {
            return;
        }

        sb.AppendLine(title);
        sb.AppendLine();
        var shown = 0;
        foreach (var line in lines)
        {
            if (line.Length + 1 > budget)
            {
                break;
            }

            sb.AppendLine(line);
            budget -= line.Length + 1;
            shown++;
        }

        if (shown < lines.Count)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- … and {Fmt.N(lines.Count - shown)} more, cut to fit a pull-request comment: run `kafka-infra diff` (text or `--output json`) for the full list");
            budget = 0;
        }

        sb.AppendLine();
    }

    /// <summary>Text inside backticks: backticks would end the code span.</summary>
    private static string Inline(string s) => s.Replace('`', '\'');

    /// <summary>Markdown text outside code spans: escape the characters that would start HTML or emphasis.</summary>
    private static string Escape(string s) => s.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [GeneratedRegex("[^A-Za-z0-9_]", RegexOptions.CultureInvariant)]
    private static partial Regex NonIdChar();

    /// <summary>
    /// A Mermaid <c>flowchart</c> of a planned platform: the cluster, its topics with partitions, consumer groups
    /// with their KEDA ranges, Connect and ksqlDB groups. Node ids use only <c>[A-Za-z0-9_]</c>; labels are quoted
    /// with quotes and angle brackets escaped as Mermaid entities.
    /// </summary>
    public static string Mermaid(CapacityPlan plan, int maxTopics = Defaults.DiffMermaidMaxTopics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<string>();
        var edges = new List<string>();
        string Node(string prefix, string name, string label)
        {
            var id = prefix + "_" + NonIdChar().Replace(name, "_");
            var unique = id;
            for (var i = 2; !ids.Add(unique); i++)
            {
                unique = $"{id}_{i.ToString(CultureInfo.InvariantCulture)}";
            }

            nodes.Add($"    {unique}[\"{MermaidLabel(label)}\"]");
            return unique;
        }

        var k = plan.Cluster;
        var platform = k.Profile.Name;
        var size = !k.Profile.HasBrokers ? ""
            : !k.Profile.HasStorage ? $", {Fmt.N(k.Brokers)} brokers"
            : $", {Fmt.N(k.Brokers)} brokers × {Fmt.N(plan.Config.Cluster.StorageGiB)} GiB";
        var cluster = Node("cluster", plan.Config.Cluster.Name, $"{plan.Config.Cluster.Name}: {platform}{size}");
        var topicIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in plan.Topics.Take(maxTopics))
        {
            var id = Node("topic", t.Name, $"{t.Name}: {Fmt.N(t.Partitions)} partitions, RF {t.ReplicationFactor}");
            topicIds[t.Name] = id;
            edges.Add($"    {cluster} --> {id}");
        }

        // Topics beyond the limit share one node, and so do the consumers that read them.
        var drawn = new HashSet<string>(plan.Topics.Take(maxTopics).Select(t => t.Name), StringComparer.Ordinal);
        var folded = plan.Topics.Skip(maxTopics).ToList();
        if (folded.Count > 0)
        {
            var more = Node("topics", "more", $"{Fmt.N(folded.Count)} more topics, {Fmt.N(folded.Sum(t => (long)t.Partitions))} partitions");
            foreach (var t in folded)
            {
                topicIds[t.Name] = more;
            }

            edges.Add($"    {cluster} --> {more}");
            var foldedConsumers = plan.Consumers.Where(c => !drawn.Contains(c.Topic)).ToList();
            if (foldedConsumers.Count > 0)
            {
                var consumers = Node("consumers", "more", $"{Fmt.N(foldedConsumers.Count)} more consumers (KEDA)");
                edges.Add($"    {more} --> {consumers}");
            }
        }

        foreach (var c in plan.Consumers.Where(c => drawn.Contains(c.Topic)))
        {
            var id = Node("consumer", $"{c.Config.Namespace}_{c.Name}", $"{c.Config.Namespace}/{c.Name} (group {c.Config.ConsumerGroup}): KEDA {Fmt.N(c.MinReplicas)}-{Fmt.N(c.MaxReplicas)}");
            edges.Add($"    {topicIds[c.Topic]} --> {id}");
        }

        foreach (var g in plan.Connect)
        {
            var workers = g.MaxReplicas is { } max ? $"KEDA {Fmt.N(g.Replicas)}-{Fmt.N(max)} workers" : $"{Fmt.N(g.Replicas)} workers";
            var id = Node("connect", g.Name, $"Connect {g.Name}: {workers}");
            foreach (var c in g.Connectors)
            {
                foreach (var topic in c.Config.Topics.Where(topicIds.ContainsKey).Distinct(StringComparer.Ordinal))
                {
                    edges.Add(c.Config.Kind == ConnectorKind.Sink
                        ? $"    {topicIds[topic]} -->|\"{MermaidLabel(c.Name)}\"| {id}"
                        : $"    {id} -->|\"{MermaidLabel(c.Name)}\"| {topicIds[topic]}");
                }
            }
        }

        foreach (var g in plan.KsqlDb)
        {
            var id = Node("ksqldb", g.Name, $"ksqlDB {g.Name}: {Fmt.N(g.Replicas)} servers");
            foreach (var topic in g.Config.Topics.Where(topicIds.ContainsKey).Distinct(StringComparer.Ordinal))
            {
                edges.Add($"    {topicIds[topic]} --> {id}");
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine("flowchart LR");
        foreach (var n in nodes)
        {
            sb.AppendLine(n);
        }

        foreach (var e in edges.Distinct(StringComparer.Ordinal))
        {
            sb.AppendLine(e);
        }

        return sb.ToString();
    }

    /// <summary>A Mermaid label for use inside double quotes: <c>#</c>, quotes and angle brackets as entity codes, line breaks as spaces.</summary>
    public static string MermaidLabel(string s) => s
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
