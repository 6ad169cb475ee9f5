using System.Text.RegularExpressions;
using KafkaInfra.Core.Reports;
using static KafkaInfra.Core.Tests.Reports.ImpactTestStacks;

namespace KafkaInfra.Core.Tests.Reports;

public partial class ImpactMarkdownTests
{
    internal static string RepoRoot() => TestStacks.RepoRoot();

    private static ImpactReport BlackFriday()
    {
        var root = RepoRoot();
        var before = File.ReadAllText(Path.Combine(root, "examples", "scaling", "black-friday", "before", "Pulumi.prod.yaml"));
        var after = File.ReadAllText(Path.Combine(root, "examples", "scaling", "black-friday", "after", "Pulumi.prod.yaml"));
        return Report(before, after);
    }

    [Fact]
    public void Markdown_for_the_black_friday_pair_matches_the_golden_file()
    {
        var actual = BlackFriday().Markdown("prod", "origin/main");
        GoldenFiles.AssertMatches("diff-black-friday.md", actual);
    }

    [Fact]
    public void Markdown_has_a_heading_a_summary_table_unsafe_changes_first_and_a_mermaid_block()
    {
        var before = Edit(Strimzi, "partitions: 6=>partitions: 6\n    - name: legacy\n      messagesPerSecond: 10\n      messagesPerSecondPerConsumer: 10");
        var after = Edit(Strimzi, "brokers: 3=>brokers: 5");
        var md = Report(before, after).Markdown("dev", "origin/main");
        var lines = md.Split('\n');

        Assert.Equal("## Scaling impact: stack `dev`", lines[0]);
        Assert.Contains("**2 changes, 1 unsafe.** This change must not be applied as is", md, StringComparison.Ordinal);
        Assert.Contains("| brokers | 1 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("| topic removed | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| **total** | **2** | **1** |", md, StringComparison.Ordinal);
        var unsafeSection = Array.IndexOf(lines, "### Unsafe changes");
        var every = Array.IndexOf(lines, "### Every change");
        Assert.True(unsafeSection > 0 && every > unsafeSection);
        Assert.StartsWith("- **topic removed `legacy`** ", lines[unsafeSection + 2], StringComparison.Ordinal);
        Assert.Equal("  - To proceed: to delete it, add legacy to kafka-infra:allowDeletion.topics (e.g. `pulumi config set --path 'kafka-infra:allowDeletion.topics[0]' legacy`); to keep it and its data, keep it in kafka-infra:topics", lines[unsafeSection + 3]);
        Assert.StartsWith("- **unsafe** topic removed `legacy`", lines[every + 2], StringComparison.Ordinal);
        Assert.StartsWith("- brokers `events` 3 → 5", lines[every + 3], StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart LR\n", md, StringComparison.Ordinal);
        Assert.EndsWith("```\n", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^    ([A-Za-z0-9_]+)\[""([^""]*)""\]$")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^    ([A-Za-z0-9_]+) -->(?:\|""([^""]*)""\|)? ([A-Za-z0-9_]+)$")]
    private static partial Regex EdgeLine();

    /// <summary>Checks a Mermaid flowchart the way a strict reader would; returns every problem found.</summary>
    internal static List<string> MermaidProblems(string chart)
    {
        var problems = new List<string>();
        var lines = chart.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (lines[0] != "flowchart LR")
        {
            problems.Add($"first line is not a flowchart header: {lines[0]}");
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<(string From, string To)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Count(c => c == '"') % 2 != 0)
            {
                problems.Add($"unbalanced quotes: {line}");
            }

            var unquoted = Regex.Replace(line, "\"[^\"]*\"", "\"\"");
            if (unquoted.Count(c => c == '[') != unquoted.Count(c => c == ']') || unquoted.Count(c => c == '(') != unquoted.Count(c => c == ')'))
            {
                problems.Add($"unbalanced brackets: {line}");
            }

            if (NodeLine().Match(line) is { Success: true } node)
            {
                if (!declared.Add(node.Groups[1].Value))
                {
                    problems.Add($"node declared twice: {node.Groups[1].Value}");
                }
            }
            else if (EdgeLine().Match(line) is { Success: true } edge)
            {
                edges.Add((edge.Groups[1].Value, edge.Groups[3].Value));
            }
            else
            {
                problems.Add($"neither a node nor an edge: {line}");
            }
        }

        foreach (var (from, to) in edges)
        {
            foreach (var end in new[] { from, to }.Where(e => !declared.Contains(e)))
            {
                problems.Add($"edge endpoint not declared: {end}");
            }
        }

        return problems;
    }

    [Fact]
    public void The_checker_itself_catches_malformed_charts()
    {
        Assert.Empty(MermaidProblems("flowchart LR\n    a[\"x\"]\n    b[\"y\"]\n    a --> b\n"));
        Assert.NotEmpty(MermaidProblems("flowchart LR\n    a[\"x\"]\n    a --> b\n"));
        Assert.NotEmpty(MermaidProblems("flowchart LR\n    a[\"x\"y\"]\n"));
        Assert.NotEmpty(MermaidProblems("flowchart LR\n    a.b[\"x\"]\n"));
        Assert.NotEmpty(MermaidProblems("flowchart LR\n    a[\"x\"\n"));
    }

    [Theory]
    [InlineData("strimzi")]
    [InlineData("msk")]
    public void Mermaid_is_well_formed_for_the_test_stacks(string stack)
    {
        var chart = ImpactReport.Mermaid(PlanOf(Base(stack)));
        Assert.Empty(MermaidProblems(chart));
        Assert.Contains("    topic_orders[\"orders: 6 partitions, RF 3\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    topic_orders --> consumer_apps_order_service", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_is_well_formed_for_the_black_friday_pair_and_draws_every_component()
    {
        var report = BlackFriday();
        var chart = ImpactReport.Mermaid(report.NewPlan);
        Assert.Empty(MermaidProblems(chart));
        Assert.Contains("    cluster_shop[\"shop: Strimzi, 5 brokers × 8,000 GiB\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    consumer_shop_order_service[\"shop/order-service (group order-service): KEDA 2-50\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    topic_orders -->|\"orders-archive\"| connect_sinks", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_node_ids_are_sanitised_and_unique_and_labels_escaped()
    {
        // '-' sanitises to '_'. (apps/a-b beside apps-a/b, which would meet at one id, is refused at plan time: the two
        // would also share KafkaUser apps-a-b and render file names; DerivedNameTests.) ksqlDB groups draw edges.
        var yaml = Edit(Strimzi, "  kafka-infra:connect:=>    - name: a-b\n      namespace: apps\n      topic: audit\n      maxReplicas: 1\n    - name: b\n      namespace: apps-x\n      topic: audit\n      maxReplicas: 1\n  kafka-infra:connect:");
        var chart = ImpactReport.Mermaid(PlanOf(yaml));
        Assert.Empty(MermaidProblems(chart));
        Assert.Contains("    consumer_apps_a_b[\"apps/a-b (group a-b): KEDA 1-1\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    consumer_apps_x_b[\"apps-x/b (group b): KEDA 1-1\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    topic_audit --> consumer_apps_x_b", chart, StringComparison.Ordinal);
        Assert.Contains("    topic_orders --> ksqldb_analytics", chart, StringComparison.Ordinal);

        Assert.Equal("say #quot;hi#quot; #lt;b#gt; #35;1", ImpactReport.MermaidLabel("say \"hi\" <b> #1"));
        Assert.Empty(MermaidProblems($"flowchart LR\n    n[\"{ImpactReport.MermaidLabel("a \"quoted\" [label]\nnext")}\"]\n"));
    }

    [Fact]
    public void Long_change_lists_are_cut_to_fit_a_pull_request_comment_with_unsafe_changes_kept()
    {
        var topics = string.Concat(Enumerable.Range(0, 60).Select(i => $"    - name: topic-{i}\n      messagesPerSecond: 100\n      messagesPerSecondPerConsumer: 100\n      partitions: 2\n"));
        var before = Edit(Strimzi, "  kafka-infra:consumers:=>" + topics + "  kafka-infra:consumers:");
        var after = Edit(before, "partitions: 6=>partitions: 5").Replace("      partitions: 2\n", "      partitions: 4\n", StringComparison.Ordinal);
        var report = Report(before, after);
        Assert.Equal(61, report.Changes.Count);

        var full = report.Markdown("dev", "main");
        Assert.DoesNotContain("cut to fit", full, StringComparison.Ordinal);

        var cut = report.Markdown("dev", "main", maxCharacters: 9000);
        Assert.True(cut.Length <= 9000, $"{cut.Length} characters");
        Assert.Contains("- **partitions `orders`** 6 → 5", cut, StringComparison.Ordinal); // the unsafe change survives the cut
        Assert.Matches(@"- … and \d+ more, cut to fit a pull-request comment: run `kafka-infra diff`", cut);
        Assert.Contains("```mermaid", cut, StringComparison.Ordinal);
        Assert.Empty(MermaidProblems(cut[(cut.IndexOf("```mermaid\n", StringComparison.Ordinal) + 11)..cut.LastIndexOf("```", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Mermaid_folds_topics_beyond_the_limit_into_one_node_with_their_consumers()
    {
        var plan = PlanOf(Edit(Strimzi, NewConsumerOnAudit));
        var chart = ImpactReport.Mermaid(plan, maxTopics: 1);
        Assert.Empty(MermaidProblems(chart));
        Assert.Contains("    topics_more[\"1 more topics, 1 partitions\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    consumers_more[\"1 more consumers (KEDA)\"]", chart, StringComparison.Ordinal);
        Assert.Contains("    topics_more --> consumers_more", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("topic_audit", chart, StringComparison.Ordinal);
        Assert.Contains("    topic_orders --> consumer_apps_order_service", chart, StringComparison.Ordinal);
    }

    private const string NewConsumerOnAudit = "  kafka-infra:connect:=>    - name: audit-reader\n      namespace: apps\n      topic: audit\n      maxReplicas: 1\n  kafka-infra:connect:";
}
