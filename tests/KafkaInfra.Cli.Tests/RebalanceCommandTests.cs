using System.Text.Json;
using KafkaInfra.Cli;

namespace KafkaInfra.Cli.Tests;

public sealed class RebalanceCommandTests : IDisposable
{
    private const string Current = """
        {"version":1,"partitions":[
          {"topic":"t","partition":0,"replicas":[1,2,3],"log_dirs":["any","any","any"]},
          {"topic":"t","partition":1,"replicas":[2,3,1]},
          {"topic":"t","partition":2,"replicas":[3,1,2]},
          {"topic":"t","partition":3,"replicas":[1,2,3]},
          {"topic":"t","partition":4,"replicas":[2,3,1]},
          {"topic":"t","partition":5,"replicas":[3,1,2]}
        ]}
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("rebalance-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Without_output_the_plan_goes_to_stdout_and_the_summary_to_stderr()
    {
        var current = File("current.json", Current);
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4");
        Assert.Equal(ExitCodes.Ok, code);
        using var plan = JsonDocument.Parse(stdout);
        Assert.Equal(1, plan.RootElement.GetProperty("version").GetInt32());
        var partitions = plan.RootElement.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(4, partitions.Count); // 18 replicas over 4 brokers: broker 4 takes 4 (18/4 -> 4..5)
        Assert.All(partitions, p => Assert.Equal(["any", "any", "any"], p.GetProperty("log_dirs").EnumerateArray().Select(d => d.GetString())));
        Assert.Contains("replica moves:            4 (lower bound 4)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void With_output_the_plan_is_written_and_the_summary_printed()
    {
        var current = File("current.json", Current);
        var output = Path.Combine(dir, "plan.json");
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4", "--output", output);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("Reassignment plan: 6 partitions, 18 replicas on 4 brokers", stdout, StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(System.IO.File.ReadAllText(output));
        Assert.Equal(4, plan.RootElement.GetProperty("partitions").GetArrayLength());
    }

    [Fact]
    public void Json_summary_reports_moves_bound_bytes_and_per_broker_counts()
    {
        var current = File("current.json", Current);
        var sizes = File("sizes.json", """{"t":1000}""");
        var (code, stdout, _) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4", "--remove", "3", "--sizes", sizes, "--output", Path.Combine(dir, "p.json"), "--output-format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var summary = JsonDocument.Parse(stdout);
        var root = summary.RootElement;
        Assert.Equal(6, root.GetProperty("replicaMoves").GetInt32());
        Assert.Equal(6, root.GetProperty("lowerBound").GetInt32());
        Assert.Equal(6000, root.GetProperty("bytesMoved").GetInt64());
        var broker3 = root.GetProperty("brokers").EnumerateArray().Single(b => b.GetProperty("broker").GetInt32() == 3);
        Assert.True(broker3.GetProperty("removed").GetBoolean());
        Assert.Equal(6, broker3.GetProperty("replicasBefore").GetInt32());
        Assert.Equal(0, broker3.GetProperty("replicasAfter").GetInt32());
    }

    [Fact]
    public void Invalid_input_prints_every_error_writes_nothing_and_exits_1()
    {
        var current = File("current.json", """{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,1,2]}]}""");
        var output = Path.Combine(dir, "plan.json");
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,x", "--output", output);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"error: {current}: partitions[0].replicas: broker 1 appears twice in [1,1,2]\nerror: --brokers: broker id must be a non-negative integer, got \"x\"\n",
            stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.False(System.IO.File.Exists(output));
    }

    [Fact]
    public void Inconsistent_request_exits_1_with_the_planner_message()
    {
        var current = File("current.json", Current);
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3", "--remove", "5");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: --remove: broker 5 is not in --brokers [1,2,3]\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var missing = Path.Combine(dir, "missing.json");
        var (code, _, stderr) = Run("rebalance", "--current", missing, "--brokers", "1");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"error: --current: file not found: \"{missing}\"\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_option_is_a_usage_error()
    {
        var (code, stdout, stderr) = Run("rebalance", "--brokers", "1,2");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("--current", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_output_format_is_a_usage_error()
    {
        var current = File("current.json", Current);
        var (code, _, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3", "--output-format", "yaml");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'yaml'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwritable_output_is_an_input_error_without_a_stack_trace()
    {
        var current = File("current.json", Current);
        var output = Path.Combine(dir, "no-such-dir", "plan.json");
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4", "--output", output);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: --output: cannot write \"{output}\": ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_on_its_own_output_moves_nothing()
    {
        var current = File("current.json", Current);
        var (_, plan, _) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4");
        // Apply the plan to the current assignment, then plan again.
        using var changes = JsonDocument.Parse(plan);
        using var before = JsonDocument.Parse(Current);
        var changed = changes.RootElement.GetProperty("partitions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partition").GetInt32(), p => p.GetProperty("replicas").GetRawText());
        var applied = "{\"version\":1,\"partitions\":[" + string.Join(',', before.RootElement.GetProperty("partitions").EnumerateArray().Select(p =>
        {
            var id = p.GetProperty("partition").GetInt32();
            var replicas = changed.TryGetValue(id, out var r) ? r : p.GetProperty("replicas").GetRawText();
            return $"{{\"topic\":\"t\",\"partition\":{id},\"replicas\":{replicas}}}";
        })) + "]}";
        var next = File("next.json", applied);
        var (code, stdout, stderr) = Run("rebalance", "--current", next, "--brokers", "1,2,3,4");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("{\"version\":1,\"partitions\":[]}\n", stdout);
        Assert.Contains("replica moves:            0 (lower bound 0)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Racks_are_checked_and_used()
    {
        var current = File("current.json", Current);
        var (code, _, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4", "--racks", "1:a,2:b,3:b,4:a");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(
            $"error: --racks: the target brokers span 2 racks (a, b) but {current} partitions[0] (t-0) has replication factor 3; spreading replicas across racks needs at least 3 racks\n",
            stderr.Replace("\r\n", "\n", StringComparison.Ordinal));

        var (ok, stdout, summary) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4,5,6", "--racks", "1:a,2:b,3:c,4:a,5:b,6:c");
        Assert.Equal(ExitCodes.Ok, ok);
        Assert.Contains("rack", summary, StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(stdout);
        var racks = new Dictionary<int, string> { [1] = "a", [2] = "b", [3] = "c", [4] = "a", [5] = "b", [6] = "c" };
        Assert.All(plan.RootElement.GetProperty("partitions").EnumerateArray(), p =>
            Assert.Equal(3, p.GetProperty("replicas").EnumerateArray().Select(b => racks[b.GetInt32()]).Distinct().Count()));
    }

    [Fact]
    public void A_large_rebalance_shows_no_progress_when_stderr_is_not_a_terminal()
    {
        // 60,000 partitions (over 4 MB of JSON) is large enough for progress; stderr here is a redirected writer.
        var entries = Enumerable.Range(0, 60_000).Select(i => $"{{\"topic\":\"topic-{i / 50:D5}\",\"partition\":{i % 50},\"replicas\":[{(i % 3) + 1},{((i + 1) % 3) + 1},{((i + 2) % 3) + 1}],\"log_dirs\":[\"any\",\"any\",\"any\"]}}");
        var current = File("large.json", "{\"version\":1,\"partitions\":[" + string.Join(",\n", entries) + "]}");
        Assert.True(new FileInfo(current).Length >= 4_000_000);
        var output = Path.Combine(dir, "plan.json");
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "1,2,3,4", "--output", output);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        Assert.DoesNotContain('\r', stdout);
        Assert.StartsWith("Reassignment plan: 60000 partitions", stdout.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_off_for_any_writer_but_the_console_and_for_small_inputs()
    {
        using var writer = new StringWriter();
        using var redirected = TerminalProgress.For(writer, large: true);
        using var small = TerminalProgress.For(Console.Error, large: false);
        Assert.False(redirected.Enabled);
        Assert.False(small.Enabled);
        using (var progress = TerminalProgress.Start(writer, large: true, "working"))
        {
            progress.Step("still working");
        }

        Assert.Equal("", writer.ToString());
    }
}
