using System.Text.Json;

namespace KafkaInfra.Cli.Tests;

public class PlanCommandTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Plans_the_repository_stacks_with_exit_code_zero(string stack)
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile(stack));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Plan OK: 2 topics, 2 consumers, 0 warnings.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Text_report_shows_partitions_with_their_reason()
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile("dev"));

        Assert.Contains("  vehicle.telemetry: 4 partitions, RF 3, min ISR 2, retention 6 h", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("      partitions = max(⌈20,000 ÷ 5,000⌉ = 4, 4 from kafka-infra:consumers[0].maxReplicas) = 4", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  apps/vehicle-processor on vehicle.telemetry (group vehicle-processor): 1-4 replicas", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_the_documented_fields()
    {
        var result = CliRunner.Run("plan", "--config-file", CliRunner.StackFile("prod"), "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(6, root.GetProperty("brokers").GetInt32());
        var telemetry = root.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "vehicle.telemetry");
        Assert.Equal(10, telemetry.GetProperty("partitions").GetInt32());
        Assert.Equal(3, telemetry.GetProperty("replicationFactor").GetInt32());
        var consumer = root.GetProperty("consumers")[0];
        Assert.Equal(("vehicle-processor", "vehicle.telemetry", 2, 10), (consumer.GetProperty("name").GetString(), consumer.GetProperty("topic").GetString(), consumer.GetProperty("minReplicas").GetInt32(), consumer.GetProperty("maxReplicas").GetInt32()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Invalid_config_exits_one_and_prints_every_error_with_its_path()
    {
        using var dir = new CliRunner.TempDir();
        var file = dir.File("Pulumi.broken.yaml", """
            config:
              kafka-infra:cluster:
                name: events
                brokers: 0
                storageGiB: 100
                strimzi: {}
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: -5
                  messagesPerSecondPerConsumer: 10
            """);

        var result = CliRunner.Run("plan", "--config-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  error: kafka-infra:cluster.brokers: must be >= 1, got 0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  error: kafka-infra:topics[0].messagesPerSecond: must be > 0, got -5", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_config_in_json_mode_lists_errors_and_exits_one()
    {
        using var dir = new CliRunner.TempDir();
        var file = dir.File("Pulumi.x.yaml", "config:\n  kafka-infra:environment: Test\n");

        var result = CliRunner.Run("plan", "--config-file", file, "-o", "json");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString() + ": " + e.GetProperty("message").GetString()).ToArray();
        Assert.Contains("kafka-infra:environment: must be dev or prod, or another lowercase name (letters, digits, '-') with kafka-infra:environmentRules: dev or prod; got \"Test\"", errors);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("", "error: Pulumi.x.yaml: is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys")]
    [InlineData("config:\n  kafka-infra:cluster: {name: [\n", "error: Pulumi.x.yaml:3:1: is not valid YAML:")]
    public void Malformed_files_exit_one_with_a_clear_message(string content, string expected)
    {
        using var dir = new CliRunner.TempDir();
        var file = dir.File("Pulumi.x.yaml", content);

        var result = CliRunner.Run("plan", "--config-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_one()
    {
        var result = CliRunner.Run("plan", "--config-file", "does-not-exist/Pulumi.nope.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: stack file not found: does-not-exist/Pulumi.nope.yaml" + Environment.NewLine, result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "plan" }, "error: name a stack with --stack <name> (reads Pulumi.<name>.yaml) or a file with --config-file <path>")]
    [InlineData(new[] { "plan", "--stack", "dev", "--config-file", "x" }, "error: use either --stack or --config-file, not both")]
    [InlineData(new[] { "plan", "--stack", "dev", "--output", "xml" }, "error: Argument 'xml' not recognized. Must be one of:")]
    [InlineData(new[] { "plan", "--stack", "../dev" }, "error: --stack must be a stack name such as dev, got \"../dev\"")]
    [InlineData(new[] { "plna" }, "error: ")]
    public void Usage_errors_exit_two(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>Tests that change the process's working directory run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "working directory";
}

[Collection(WorkingDirectoryCollection.Name)]
public class StackLookupTests
{
    [Fact]
    public void Stack_name_finds_the_file_in_the_project_root()
    {
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.Combine(CliRunner.RepoRoot(), "infra"));
            var result = CliRunner.Run("plan", "--stack", "dev");

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("Stack dev (dev): cluster events on Strimzi", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
