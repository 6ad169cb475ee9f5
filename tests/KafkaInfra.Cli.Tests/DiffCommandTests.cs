using System.Diagnostics;
using System.Text.Json;

namespace KafkaInfra.Cli.Tests;

public sealed class DiffCommandTests : IDisposable
{
    private const string Before = """
        config:
          kafka-infra:environment: dev
          kafka-infra:cluster:
            name: events
            brokers: 3
            storageGiB: 100
            strimzi:
              namespace: kafka
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500
              partitions: 6
            - name: audit
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              maxReplicas: 4
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("kafka-infra-diff-").FullName;

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // git marks its objects read-only
            }

            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Grow(string yaml) => yaml.Replace("partitions: 6", "partitions: 12", StringComparison.Ordinal);

    private static string Shrink(string yaml) => yaml.Replace("partitions: 6", "partitions: 3", StringComparison.Ordinal);

    [Fact]
    public void Exit_0_when_no_change_is_unsafe_and_the_text_names_the_consequence()
    {
        var (code, stdout, stderr) = Run("diff", "--config-file", Write("after/Pulumi.dev.yaml", Grow(Before)), "--base", Write("before/Pulumi.dev.yaml", Before));
        Assert.True(code == 0, stderr);
        Assert.Contains("Scaling impact (1 change, none unsafe)", stdout, StringComparison.Ordinal);
        Assert.Contains("  change   partitions orders: 6 → 12", stdout, StringComparison.Ordinal);
        Assert.Contains("keys remap to other partitions", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_3_names_each_unsafe_change()
    {
        var after = Shrink(Before).Replace("    - name: audit\n      messagesPerSecond: 100\n      messagesPerSecondPerConsumer: 100\n", "", StringComparison.Ordinal);
        var (code, stdout, stderr) = Run("diff", "--config-file", Write("after/Pulumi.dev.yaml", after), "--base", Write("before/Pulumi.dev.yaml", Before));
        Assert.Equal(ExitCodes.Unsafe, code);
        Assert.Contains("UNSAFE   partitions orders: 6 → 3", stdout, StringComparison.Ordinal);
        Assert.Contains("UNSAFE   topic removed audit", stdout, StringComparison.Ordinal);
        Assert.Contains("error: unsafe changes: partitions orders; topic removed audit", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_topic_deletion_acknowledges_a_removed_topic()
    {
        var after = Before.Replace("    - name: audit\n      messagesPerSecond: 100\n      messagesPerSecondPerConsumer: 100\n", "", StringComparison.Ordinal);
        var afterPath = Write("after/Pulumi.dev.yaml", after);
        var basePath = Write("before/Pulumi.dev.yaml", Before);
        Assert.Equal(ExitCodes.Unsafe, Run("diff", "--config-file", afterPath, "--base", basePath, "--allow-topic-deletion", "other").Code);
        var (code, stdout, _) = Run("diff", "--config-file", afterPath, "--base", basePath, "--allow-topic-deletion", "other", "--allow-topic-deletion", "audit");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("acknowledged with --allow-topic-deletion audit", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_1_says_which_side_is_invalid()
    {
        var broken = Before.Replace("brokers: 3", "brokers: -2", StringComparison.Ordinal);
        var good = Write("good/Pulumi.dev.yaml", Before);
        var bad = Write("bad/Pulumi.dev.yaml", broken);

        var (code, _, stderr) = Run("diff", "--config-file", good, "--base", bad);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("base config invalid", stderr, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.brokers", stderr, StringComparison.Ordinal);

        (code, var stdout, stderr) = Run("diff", "--config-file", bad, "--base", good, "--output", "markdown");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("new config invalid", stderr, StringComparison.Ordinal);
        Assert.Contains("**new config invalid**; nothing compared.", stdout, StringComparison.Ordinal);

        (code, _, stderr) = Run("diff", "--config-file", good, "--base", Write("empty/Pulumi.dev.yaml", ""));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("is empty", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output", "yaml")]
    [InlineData("--unknown", "x")]
    public void Exit_2_for_bad_options(string option, string value)
    {
        var file = Write("Pulumi.dev.yaml", Before);
        Assert.Equal(ExitCodes.Usage, Run("diff", "--config-file", file, "--base", file, option, value).Code);
    }

    [Fact]
    public void Exit_2_without_base_or_stack()
    {
        var file = Write("Pulumi.dev.yaml", Before);
        Assert.Equal(ExitCodes.Usage, Run("diff", "--config-file", file).Code);
        var (code, _, stderr) = Run("diff", "--base", file);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--stack", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_2_when_base_is_neither_a_file_nor_a_ref()
    {
        var file = Write("Pulumi.dev.yaml", Before);
        var (code, _, stderr) = Run("diff", "--config-file", file, "--base", "no-such-file.yaml");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--base no-such-file.yaml is not an existing file", stderr, StringComparison.Ordinal);

        InitRepo();
        (code, _, stderr) = Run("diff", "--config-file", file, "--base", "no-such-branch");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--base no-such-branch is neither an existing file nor a git ref", stderr, StringComparison.Ordinal);
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "user.name=kafka-infra tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }

    private void InitRepo()
    {
        Git("init", "--quiet", "--initial-branch", "main");
        Write("Pulumi.yaml", "name: kafka-infra\nruntime: dotnet\n");
        Git("add", "Pulumi.yaml");
        Git("commit", "--quiet", "-m", "project");
    }

    [Fact]
    public void Base_as_a_git_ref_reads_the_committed_stack_file()
    {
        InitRepo();
        var file = Write("stacks/Pulumi.dev.yaml", Before);
        Git("add", "stacks/Pulumi.dev.yaml");
        Git("commit", "--quiet", "-m", "dev stack");

        File.WriteAllText(file, Grow(Before));
        var (code, stdout, stderr) = Run("diff", "--config-file", file, "--base", "HEAD");
        Assert.True(code == 0, stderr);
        Assert.Contains("Stack Pulumi.dev.yaml: HEAD → working copy", stdout, StringComparison.Ordinal);
        Assert.Contains("partitions orders: 6 → 12", stdout, StringComparison.Ordinal);

        File.WriteAllText(file, Shrink(Before));
        (code, stdout, _) = Run("diff", "--config-file", file, "--base", "HEAD", "--output", "json");
        Assert.Equal(ExitCodes.Unsafe, code);
        using var json = JsonDocument.Parse(stdout);
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Equal("Partitions", change.GetProperty("kind").GetString());
        Assert.True(change.GetProperty("unsafe").GetBoolean());
        Assert.Equal("6", change.GetProperty("old").GetString());
        Assert.Equal("3", change.GetProperty("new").GetString());
    }

    [Fact]
    public void A_stack_file_absent_at_the_ref_is_a_new_stack()
    {
        InitRepo();
        var file = Write("Pulumi.dev.yaml", Before);
        var (code, stdout, stderr) = Run("diff", "--config-file", file, "--base", "HEAD", "--output", "markdown");
        Assert.True(code == 0, stderr);
        Assert.Contains("(the stack file does not exist there: everything is new)", stdout, StringComparison.Ordinal);
        Assert.Contains("| topic added | 2 | 0 |", stdout, StringComparison.Ordinal);
        Assert.Contains("```mermaid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_option_reads_the_stack_file_of_the_project_root()
    {
        // --stack resolves from the current folder; run from the repository itself, against its own dev stack.
        var (code, stdout, stderr) = Run("diff", "--stack", "dev", "--base", Path.Combine(FindRepoRoot(), "Pulumi.dev.yaml"));
        Assert.True(code == 0, stderr);
        Assert.Contains("Scaling impact (no changes)", stdout, StringComparison.Ordinal);
    }

    internal static string FindRepoRoot() => CliRunner.RepoRoot();
}
