namespace KafkaInfra.Cli.Tests;

/// <summary>
/// The scenario pairs under examples/scaling produce the exit codes and reports the docs show (README.md or docs/*.md): the
/// outputs pasted there are exactly what `kafka-infra diff` prints when run from the repository root.
/// </summary>
public class ScalingScenarioTests
{
    public static TheoryData<string, string, int, string> Scenarios => new()
    {
        { "topic-partitions", "dev", ExitCodes.Ok, "  change   partitions orders: 3 → 6" },
        { "brokers-1-to-3", "dev", ExitCodes.Ok, "  change   brokers events: 1 → 3\n           at least 2/3 = 67% of the data moves onto the new brokers" },
        // One broker had no Cruise Control: the report must not promise a rebalance by one that is only being deployed.
        { "brokers-1-to-3", "dev", ExitCodes.Ok, "; Cruise Control is deployed by this same update (it runs from two brokers on): Strimzi requests the add-brokers rebalance at once, but it runs only after" },
        { "consumer-scale-out", "dev", ExitCodes.Ok, "  change   consumer scaling apps/vehicle-processor: 1-1 replicas, lagThreshold 1,000 → 1-4 replicas, lagThreshold 1,000" },
        { "black-friday", "prod", ExitCodes.Ok, "at least 2/5 = 40% of the data moves onto the new brokers" },
        { "unsafe", "prod", ExitCodes.Unsafe, "  UNSAFE   brokers events: 6 → 3" },
        { "black-friday-x20", "prod", ExitCodes.Unsafe, "  REFUSED  kafka-infra:cluster.brokers: 3 brokers cannot carry the write load: it needs 13" },
    };

    private static (int Code, string Output, string Command) RunScenario(string scenario, string stack)
    {
        var root = DiffCommandTests.FindRepoRoot();
        var relativeAfter = $"examples/scaling/{scenario}/after/Pulumi.{stack}.yaml";
        var relativeBefore = $"examples/scaling/{scenario}/before/Pulumi.{stack}.yaml";
        var (code, stdout, stderr) = DiffCommandTests.Run("diff", "--config-file", Path.Combine(root, relativeAfter), "--base", Path.Combine(root, relativeBefore));
        var output = (stdout + stderr).Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).ReplaceLineEndings("\n");
        return (code, output, $"kafka-infra diff --config-file {relativeAfter} --base {relativeBefore}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_has_the_expected_exit_code_and_report(string scenario, string stack, int exitCode, string expected)
    {
        var (code, output, _) = RunScenario(scenario, stack);
        Assert.True(code == exitCode, output);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Docs_show_the_real_output_of_each_scenario(string scenario, string stack, int exitCode, string expected)
    {
        _ = exitCode;
        _ = expected;
        var (_, output, command) = RunScenario(scenario, stack);
        // Every page that shows the command (README.md, docs/*.md) shows its real output, and at least one page does.
        var root = DiffCommandTests.FindRepoRoot();
        var pages = new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .Select(p => (Path: p, Text: File.ReadAllText(p).ReplaceLineEndings("\n")))
            .Where(p => p.Text.Contains($"$ {command}\n", StringComparison.Ordinal))
            .ToList();
        Assert.True(pages.Count > 0, $"no page in README.md or docs/ shows {command}");
        Assert.All(pages, p => Assert.True(p.Text.Contains($"$ {command}\n{output}", StringComparison.Ordinal), $"{p.Path} shows {scenario} with an output that is not the real one:\n{output}"));
    }
}
