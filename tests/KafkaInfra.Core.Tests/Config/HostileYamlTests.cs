using System.Diagnostics;
using System.Text;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Issue 14 items 1–3: malformed, deep, alias-bombed and oversized stack files end in one clear error with a position, quickly.</summary>
public class HostileYamlTests
{
    private static StackFileResult Parse(string text) => StackFile.Parse(text, "Pulumi.x.yaml");

    private static Diagnostic SingleError(string text)
    {
        var result = Parse(text);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>Billion laughs in about 600 bytes: ten levels, each ten aliases of the one before (10^10 nodes expanded).</summary>
    private static string Laughs(string key)
    {
        var sb = new StringBuilder("config:\n  ").Append(key).Append(":\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append("    a").Append(i).Append(": &a").Append(i).Append(" [")
              .AppendJoin(", ", Enumerable.Repeat("*a" + (i - 1), 10)).Append("]\n");
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("a: {\nb: c\n", "Pulumi.x.yaml:1:")]
    [InlineData("...\na: b\n", "Pulumi.x.yaml:")]
    [InlineData("config:\n  kafka-infra:cluster: &x [*x]\n", "Pulumi.x.yaml:2:")]
    [InlineData("config:\n  kafka-infra:cluster: *nowhere\n", "Pulumi.x.yaml:2:")]
    [InlineData("config:\n  kafka-infra:cluster: {[a]: b}\n", "Pulumi.x.yaml:2:")]
    [InlineData("config:\n  kafka-infra:environment: dev\n---\nconfig: {}\n", "Pulumi.x.yaml:3:")]
    public void Malformed_yaml_is_one_error_with_the_position(string text, string pathStart)
    {
        var error = SingleError(text);

        Assert.StartsWith(pathStart, error.Path, StringComparison.Ordinal);
        Assert.Matches(@"^Pulumi\.x\.yaml:\d+:\d+$", error.Path);
    }

    [Fact]
    public void The_two_minimal_inputs_of_the_issue_say_the_file_is_not_valid_yaml()
    {
        Assert.Contains("not valid YAML", SingleError("a: {\nb: c\n").Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", SingleError("...\na: b\n").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(50_000)]
    public void Nesting_beyond_the_limit_stops_at_the_line_where_it_passes_it_even_under_an_ignored_key(int depth)
    {
        foreach (var key in new[] { "kafka-infra:topics", "other:ignored" })
        {
            var watch = Stopwatch.StartNew();
            var error = SingleError($"config:\n  {key}: {Nested(depth)}\n");

            // The document's mapping and config: are levels 1 and 2, so the bracket that passes the limit is the 33rd.
            Assert.Equal($"Pulumi.x.yaml:2:{key.Length + 5 + InputLimits.MaxValueDepth}", error.Path);
            Assert.Contains($"more than {InputLimits.MaxFileDepth} levels deep", error.Message, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }
    }

    [Fact]
    public void The_depth_limit_is_pinned_a_value_may_nest_exactly_MaxValueDepth_levels()
    {
        Assert.Equal(32, InputLimits.MaxValueDepth);
        var deepest = Parse($"config:\n  kafka-infra:topics: {Nested(InputLimits.MaxValueDepth)}\n");
        Assert.True(deepest.IsValid, string.Join("; ", deepest.Errors));
        Assert.Equal(Nested(InputLimits.MaxValueDepth), deepest.Values["kafka-infra:topics"]);
        Assert.False(Parse($"config:\n  kafka-infra:topics: {Nested(InputLimits.MaxValueDepth + 1)}\n").IsValid);
    }

    [Fact]
    public void A_600_byte_alias_bomb_under_a_kafka_infra_key_is_refused_naming_the_key_without_expanding_it()
    {
        var text = Laughs("kafka-infra:cluster");
        Assert.InRange(text.Length, 500, 700);
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = SingleError(text);

        Assert.Equal("Pulumi.x.yaml:3:5", error.Path);
        Assert.StartsWith("kafka-infra:cluster expands (YAML aliases counted at each use) to more than the limit of 1,000,000 nodes", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "allocated more than 50 MB");
    }

    [Fact]
    public void An_alias_bomb_under_a_key_kafka_infra_ignores_is_never_expanded()
    {
        var result = Parse(Laughs("other:ignored") + "  kafka-infra:environment: dev\n");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.True(result.Values.ContainsKey("other:ignored"));
        Assert.Null(result.Values["other:ignored"]);
        Assert.Equal("dev", result.Values["kafka-infra:environment"]);
    }

    [Fact]
    public void The_expansion_limit_is_pinned_at_MaxExpandedNodes()
    {
        Assert.Equal(1_000_000, InputLimits.MaxExpandedNodes);

        // A mapping with one anchored list of 9,999 scalars (10,000 nodes with the list) and n aliases of it: each
        // key and the outer mapping count too, 1 + (n + 1) × 10,001 in all, so n = 98 stays under the limit and n = 99 passes it.
        static string Text(int aliases)
        {
            var sb = new StringBuilder("config:\n  kafka-infra:cluster:\n    k0: &l [").AppendJoin(",", Enumerable.Repeat("x", 9_999)).Append("]\n");
            for (var i = 1; i <= aliases; i++)
            {
                sb.Append("    k").Append(i).Append(": *l\n");
            }

            return sb.ToString();
        }

        Assert.True(Parse(Text(98)).IsValid);
        Assert.Contains("expands", SingleError(Text(99)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_beyond_MaxFileBytes_is_refused_before_it_is_parsed_and_one_at_the_limit_is_read()
    {
        Assert.Equal(8 << 20, InputLimits.MaxFileBytes);
        const string head = "config:\n  kafka-infra:environment: dev\n#";
        var atLimit = head + new string('x', InputLimits.MaxFileBytes - head.Length);

        Assert.True(Parse(atLimit).IsValid);
        var error = SingleError(atLimit + "x");
        Assert.Equal("Pulumi.x.yaml", error.Path);
        Assert.StartsWith("is larger than 8,388,608 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_name_the_line_of_the_first_one()
    {
        var error = SingleError("config:\n  kafka-infra:cluster:\n    brokers: 3\n    brokers: 5\n");

        Assert.Equal("Pulumi.x.yaml:4:5", error.Path);
        Assert.Contains("'brokers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("first at line 3", error.Message, StringComparison.Ordinal);
    }
}
