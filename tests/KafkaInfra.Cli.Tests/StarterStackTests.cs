using KafkaInfra.Cli.Starters;

namespace KafkaInfra.Cli.Tests;

/// <summary>
/// <c>kafka-infra init</c> and the starter examples (issue 17 item 7): every starter plans with no error and no warning
/// under dev and prod rules, and examples/starters holds exactly what init writes (rewrite them with
/// <c>KAFKA_INFRA_UPDATE_GOLDEN=1</c>).
/// </summary>
public class StarterStackTests
{
    public static TheoryData<string> Platforms => [.. StarterStacks.Platforms];

    private static string ExamplePath(string platform) => Path.Combine(CliRunner.RepoRoot(), "examples", "starters", platform, "Pulumi.dev.yaml");

    [Theory]
    [MemberData(nameof(Platforms))]
    public void The_example_of_each_platform_is_what_init_writes(string platform)
    {
        var expected = StarterStacks.For(platform, "dev", "dev");
        var path = ExamplePath(platform);
        if (Environment.GetEnvironmentVariable("KAFKA_INFRA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with KAFKA_INFRA_UPDATE_GOLDEN=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Each_starter_plans_cleanly_in_dev_and_in_prod(string platform)
    {
        using var dir = new CliRunner.TempDir();
        foreach (var environment in new[] { "dev", "prod" })
        {
            var file = dir.File($"Pulumi.{environment}.yaml", StarterStacks.For(platform, environment, environment));

            var result = CliRunner.Run("plan", "--config-file", file, "--fail-on", "warnings");

            Assert.True(result.ExitCode == 0, $"{platform} ({environment}):\n{result.Stdout}{result.Stderr}");
            Assert.Contains("0 warnings.", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Each_starter_renders(string platform)
    {
        using var dir = new CliRunner.TempDir();
        var file = dir.File("Pulumi.dev.yaml", StarterStacks.For(platform, "dev", "dev"));

        var result = CliRunner.Run("render", "--config-file", file, "--output-dir", Path.Combine(dir.Path, "out"));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }

    [Fact]
    public void Starters_are_commented_and_name_the_next_commands()
    {
        var text = StarterStacks.For(StarterStacks.Strimzi, "mine", "dev");

        Assert.StartsWith("# Pulumi.mine.yaml: a kafka-infra starter stack (Kafka on Kubernetes with Strimzi).", text, StringComparison.Ordinal);
        Assert.Contains("#   kafka-infra plan --stack mine", text, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:environment: dev", text, StringComparison.Ordinal);
        Assert.Contains("kafkaVersion: \"4.3.1\"         # quoted", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }
}

/// <summary>The commands of the quick start (docs/review-gate.md "Quick start"), run in a fresh copy of the project.</summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class QuickStartTests : IDisposable
{
    private readonly CliRunner.TempDir _project = new();
    private readonly string _previous = Directory.GetCurrentDirectory();

    public QuickStartTests()
    {
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.dev.yaml" })
        {
            File.Copy(Path.Combine(CliRunner.RepoRoot(), file), Path.Combine(_project.Path, file));
        }

        Directory.SetCurrentDirectory(_project.Path);
    }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previous);
        _project.Dispose();
    }

    private static void Ok(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, $"kafka-infra {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Stdout}{result.Stderr}");
    }

    [Fact]
    public void Plan_the_dev_stack_copy_it_to_your_own_then_plan_diff_and_render()
    {
        Ok("plan", "--stack", "dev");

        // cp Pulumi.dev.yaml Pulumi.mine.yaml, then double a rate.
        var mine = File.ReadAllText("Pulumi.dev.yaml").Replace("messagesPerSecond: 20000", "messagesPerSecond: 40000", StringComparison.Ordinal);
        File.WriteAllText("Pulumi.mine.yaml", mine);

        Ok("plan", "--stack", "mine");
        Ok("diff", "--stack", "mine", "--base", "Pulumi.dev.yaml");
        Ok("render", "--stack", "mine", "--output-dir", "out");
        Assert.True(File.Exists(Path.Combine("out", "index.txt")));
    }

    [Fact]
    public void Or_start_from_init_then_plan_diff_and_render()
    {
        Ok("init", "--stack", "mine", "--platform", "strimzi");
        File.Copy("Pulumi.mine.yaml", "Pulumi.mine.before.yaml");
        File.WriteAllText("Pulumi.mine.yaml", File.ReadAllText("Pulumi.mine.yaml").Replace("maxReplicas: 4 ", "maxReplicas: 3 ", StringComparison.Ordinal));

        Ok("plan", "--stack", "mine");
        Ok("diff", "--stack", "mine", "--base", "Pulumi.mine.before.yaml");
        Ok("render", "--stack", "mine", "--output-dir", "out");
    }

    [Fact]
    public void Init_never_overwrites_a_stack_file_without_force()
    {
        var again = CliRunner.Run("init", "--stack", "dev", "--platform", "msk");

        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("exists already; pick another --stack name, or pass --force", again.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("msk:", File.ReadAllText("Pulumi.dev.yaml"), StringComparison.Ordinal);

        Ok("init", "--stack", "dev", "--platform", "msk", "--force");
        Assert.Contains("instanceType: kafka.m7g.large", File.ReadAllText("Pulumi.dev.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stack", "a/b", "--platform", "strimzi")]
    [InlineData("--stack", "x", "--platform", "kafka")]
    public void Init_refuses_a_bad_stack_name_or_platform(params string[] args)
    {
        var result = CliRunner.Run(["init", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(_project.Path, "Pulumi.x.yaml")));
    }
}
