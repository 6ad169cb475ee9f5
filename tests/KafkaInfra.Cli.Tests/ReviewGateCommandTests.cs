using System.Diagnostics;

namespace KafkaInfra.Cli.Tests;

/// <summary>
/// The review gate on the command line (issue 17): the Black Friday ×20 scenario fails in prod naming what falls short,
/// <c>plan --base</c>, <c>--fail-on warnings</c>, and the workflow's promotion order.
/// </summary>
public class ReviewGateCommandTests
{
    private static string Example(string scenario, string side) =>
        Path.Combine(CliRunner.RepoRoot(), "examples", "scaling", scenario, side, "Pulumi.prod.yaml");

    [Fact]
    public void Black_friday_x20_exits_non_zero_in_prod_naming_brokers_storage_and_both_consumer_groups()
    {
        var result = CliRunner.Run("diff", "--config-file", Example("black-friday-x20", "after"), "--base", Example("black-friday-x20", "before"));

        Assert.Equal(ExitCodes.Unsafe, result.ExitCode);
        var report = result.Stdout;
        Assert.Contains("  REFUSED  kafka-infra:cluster.brokers: 3 brokers cannot carry the write load: it needs 13", report, StringComparison.Ordinal);
        Assert.Contains("  REFUSED  kafka-infra:cluster.storageGiB: 4,000 GiB per broker is below the", report, StringComparison.Ordinal);
        Assert.Contains("  REFUSED  kafka-infra:consumers[0].maxReplicas: group \"order-service\" tops out at 10 replicas", report, StringComparison.Ordinal);
        Assert.Contains("set maxReplicas to 200 or more", report, StringComparison.Ordinal);
        Assert.Contains("  REFUSED  kafka-infra:consumers[1].maxReplicas: group \"payment-service\" tops out at 4 replicas", report, StringComparison.Ordinal);
        Assert.Contains("set maxReplicas to 80 or more", report, StringComparison.Ordinal);
        // The rest of the change is still reported, and no refusal is repeated as a warning.
        Assert.Contains("  change   partitions orders: 10 → 200 [irreversible]", report, StringComparison.Ordinal);
        Assert.DoesNotContain("warning  kafka-infra:cluster.brokers", report, StringComparison.Ordinal);
        Assert.Contains("error: unsafe changes: ", result.Stderr, StringComparison.Ordinal);

        // plan of the same file refuses it with the same errors (exit 1).
        var plan = CliRunner.Run("plan", "--config-file", Example("black-friday-x20", "after"));
        Assert.Equal(ExitCodes.InvalidInput, plan.ExitCode);
        Assert.Contains("error: kafka-infra:cluster.brokers: 3 brokers cannot carry the write load: it needs 13", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_change_in_dev_passes_with_the_shortfalls_as_warnings_and_fails_with_fail_on_warnings()
    {
        using var dir = new CliRunner.TempDir();
        var before = dir.File("before.yaml", File.ReadAllText(Example("black-friday-x20", "before")).Replace("environment: prod", "environment: dev", StringComparison.Ordinal));
        var after = dir.File("after.yaml", File.ReadAllText(Example("black-friday-x20", "after")).Replace("environment: prod", "environment: dev", StringComparison.Ordinal));

        var lenient = CliRunner.Run("diff", "--config-file", after, "--base", before);
        Assert.True(lenient.ExitCode == ExitCodes.Ok, lenient.Stdout + lenient.Stderr);
        Assert.Contains("warning  kafka-infra:cluster.brokers: 3 brokers cannot carry the write load", lenient.Stdout, StringComparison.Ordinal);

        var strict = CliRunner.Run("diff", "--config-file", after, "--base", before, "--fail-on", "warnings");
        Assert.Equal(ExitCodes.Warnings, strict.ExitCode);
        Assert.Contains("--fail-on warnings is set", strict.Stderr, StringComparison.Ordinal);

        var plan = CliRunner.Run("plan", "--config-file", after, "--fail-on", "warnings");
        Assert.Equal(ExitCodes.Warnings, plan.ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("plan", "--config-file", after).ExitCode);
    }

    [Fact]
    public void Plan_without_a_base_says_it_is_not_compared_with_a_deployment()
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile("dev"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Not compared with a deployment: partition decreases, storage shrinking and broker removals are checked against what is deployed only with --base <git-ref|file>", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_with_a_base_refuses_an_explicit_partition_decrease_against_it()
    {
        using var dir = new CliRunner.TempDir();
        var text = File.ReadAllText(Example("black-friday", "after"));
        var deployed = dir.File("deployed.yaml", text.Replace("      messageBytes: 512\n    - name: payments", "      messageBytes: 512\n      partitions: 60\n    - name: payments", StringComparison.Ordinal));
        var working = dir.File("working.yaml", text.Replace("      messageBytes: 512\n    - name: payments", "      messageBytes: 512\n      partitions: 55\n    - name: payments", StringComparison.Ordinal));

        Assert.Equal(0, CliRunner.Run("plan", "--config-file", working).ExitCode);
        var compared = CliRunner.Run("plan", "--config-file", working, "--base", deployed);

        Assert.Equal(ExitCodes.InvalidInput, compared.ExitCode);
        Assert.Contains("would decrease \"orders\" from 60 (deployed) to 55", compared.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Compared with {deployed}", compared.Stderr, StringComparison.Ordinal);

        var same = CliRunner.Run("plan", "--config-file", working, "--base", working, "--output", "json");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains($"\"comparedWith\": \"{working.Replace("\\", "\\\\", StringComparison.Ordinal)}\"", same.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_with_a_base_that_names_nothing_is_a_usage_error()
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile("dev"), "--base", "no-such-ref-or-file");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--base no-such-ref-or-file is", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_accepts_only_errors_or_warnings()
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile("dev"), "--fail-on", "everything");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private static (int Code, string Out, string Err) OrderStacks(string order, string changed)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = CliRunner.RepoRoot(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(".github/scripts/order-stacks.sh");
        start.ArgumentList.Add(order);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(changed);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim(), error.Result);
    }

    [Fact]
    public void Changed_stacks_are_promoted_in_the_declared_order_not_in_gits()
    {
        Assert.Equal((0, "[\"dev\",\"staging\",\"prod\"]"), Pick(OrderStacks("dev staging prod", "prod\ndev\nstaging\n")));
        Assert.Equal((0, "[\"staging\",\"prod\"]"), Pick(OrderStacks("dev staging prod", "prod\nstaging\n")));
        Assert.Equal((0, "[]"), Pick(OrderStacks("dev staging prod", "")));

        var unknown = OrderStacks("dev staging prod", "qa\nprod\n");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("stack 'qa' is not in the promotion order", unknown.Err, StringComparison.Ordinal);

        static (int, string) Pick((int Code, string Out, string Err) r) => (r.Code, r.Out);
    }

    [Fact]
    public void The_workflow_orders_the_stacks_and_deploys_them_one_at_a_time_stopping_at_the_first_failure()
    {
        var text = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), ".github", "workflows", "kafka-infra.yml"));

        Assert.Contains("PROMOTION_ORDER: \"dev staging prod\"", text, StringComparison.Ordinal);
        Assert.Contains("| bash .github/scripts/order-stacks.sh \"$PROMOTION_ORDER\")", text, StringComparison.Ordinal);
        var up = text[text.IndexOf("\n  up:", StringComparison.Ordinal)..];
        Assert.Contains("fail-fast: true", up, StringComparison.Ordinal);
        Assert.Contains("max-parallel: 1", up, StringComparison.Ordinal);
        Assert.Contains("4) echo", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_operator_example_grants_the_resources_the_stack_deploys_and_builds_an_image_with_the_net10_sdk()
    {
        var folder = Path.Combine(CliRunner.RepoRoot(), "deploy", "pulumi-kubernetes-operator");
        var stack = File.ReadAllText(Path.Combine(folder, "stack.yaml"));
        var dockerfile = File.ReadAllText(Path.Combine(folder, "Dockerfile"));

        foreach (var resource in new[] { "kafkas, kafkanodepools, kafkatopics", "scaledobjects, triggerauthentications", "deployments", "secrets" })
        {
            Assert.Contains(resource, stack, StringComparison.Ordinal);
        }

        Assert.Contains("kind: ClusterRoleBinding\nmetadata:\n  name: kafka-infra:deployer", stack.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("image: ghcr.io/example-org/kafka-infra-workspace:3.202.0-dotnet10", stack, StringComparison.Ordinal);
        Assert.Contains("--channel 10.0", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER pulumi:pulumi", dockerfile, StringComparison.Ordinal);
    }
}
