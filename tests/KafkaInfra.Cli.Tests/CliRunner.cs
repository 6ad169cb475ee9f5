namespace KafkaInfra.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root (the folder with KafkaInfra.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KafkaInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KafkaInfra.sln not found above the test output folder");
    }

    public static string StackFile(string stack) => Path.Combine(RepoRoot(), $"Pulumi.{stack}.yaml");

    /// <summary>A temporary folder deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kafka-infra-tests-" + Guid.NewGuid().ToString("N"));

        public string File(string name, string content)
        {
            var p = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllText(p, content);
            return p;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
