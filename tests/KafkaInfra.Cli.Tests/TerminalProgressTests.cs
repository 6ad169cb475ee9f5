using System.Diagnostics;
using System.Globalization;

namespace KafkaInfra.Cli.Tests;

/// <summary>
/// Issue 15 item 4: a long render shows progress on stderr when stderr is a terminal, and nothing when it is
/// redirected. The command runs as its own process under a pseudo-terminal (util-linux <c>script</c>), the way a user
/// at a terminal runs it.
/// </summary>
public sealed class TerminalProgressTests : IDisposable
{
    private readonly CliRunner.TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_large_render_shows_progress_on_a_terminal_and_nothing_when_stderr_is_redirected()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // script(1) with these flags is util-linux's
        }

        // 2,100 topics: more objects than the render's threshold for showing progress (2,000).
        var topics = string.Concat(Enumerable.Range(0, 2_100).Select(i => string.Create(CultureInfo.InvariantCulture, $"    - name: t{i}\n      partitions: 1\n")));
        var stack = _temp.File("Pulumi.big.yaml", "config:\n  kafka-infra:environment: dev\n  kafka-infra:cluster:\n    name: big\n    brokers: 6\n    storageGiB: 100\n    strimzi:\n      namespace: kafka\n  kafka-infra:topics:\n" + topics);
        var cli = Path.Combine(AppContext.BaseDirectory, "kafka-infra.dll");
        var render = $"dotnet '{cli}' render --config-file '{stack}' -d '{Path.Combine(_temp.Path, "out")}' > /dev/null";

        var onTerminal = Script(render);
        var redirected = Script(render + $" 2> '{Path.Combine(_temp.Path, "stderr.txt")}'");

        Assert.Contains("\rrendering 2,10", onTerminal, StringComparison.Ordinal);
        Assert.Contains("\rwriting 1,000 of 2,10", onTerminal, StringComparison.Ordinal);
        Assert.DoesNotContain("rendering", redirected, StringComparison.Ordinal);
        Assert.Equal("", File.ReadAllText(Path.Combine(_temp.Path, "stderr.txt")));
    }

    /// <summary>What the terminal shows while <paramref name="command"/> runs under a pseudo-terminal.</summary>
    private static string Script(string command)
    {
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"script exited {process.ExitCode}: {errors}{output.Result}");
        return output.Result;
    }
}
