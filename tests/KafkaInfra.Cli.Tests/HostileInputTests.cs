using System.Diagnostics;
using KafkaInfra.Core.Config;
using YamlDotNet.RepresentationModel;

namespace KafkaInfra.Cli.Tests;

/// <summary>Issue 14 items 1–3 and 7 through the CLI: every hostile input is exit 1 with a position; a bug has its own exit code.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliRunner.TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Hostile => new()
    {
        { "a: {\nb: c\n", "error: Pulumi.x.yaml:1:" },
        { "...\na: b\n", "error: Pulumi.x.yaml:" },
        { "config:\n  kafka-infra:topics: " + new string('[', 1_001) + new string(']', 1_001) + "\n", "error: Pulumi.x.yaml:2:" },
        { "config:\n  other:key: " + new string('[', 50_000) + new string(']', 50_000) + "\n", "error: Pulumi.x.yaml:2:" },
        { "config:\n  kafka-infra:cluster: &a [*a]\n", "error: Pulumi.x.yaml:2:" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_yaml_exits_1_with_the_file_position(string text, string start)
    {
        var file = _temp.File("Pulumi.x.yaml", text);

        var result = CliRunner.Run("plan", "--config-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(start, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpectedly", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_file_exits_1_quickly_naming_the_key()
    {
        var lines = new List<string> { "config:", "  kafka-infra:topics:", "    - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"    - &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var file = _temp.File("Pulumi.x.yaml", string.Join('\n', lines) + "\n");
        var watch = Stopwatch.StartNew();

        var result = CliRunner.Run("plan", "--config-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kafka-infra:topics expands", result.Stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Dev_zero_as_the_config_file_is_refused_after_reading_at_most_the_limit()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var watch = Stopwatch.StartNew();

        var result = CliRunner.Run("plan", "--config-file", "/dev/zero");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: /dev/zero: is larger than 8,388,608 bytes, the limit for a stack file; nothing was read{Environment.NewLine}", result.Stderr);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Dev_zero_as_a_rebalance_input_is_refused_naming_the_option()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var current = CliRunner.Run("rebalance", "--current", "/dev/zero", "--brokers", "1,2,3");
        var sizes = CliRunner.Run("rebalance", "--current", "/dev/zero", "--brokers", "1,2,3", "--sizes", "/dev/zero");

        Assert.Equal(1, current.ExitCode);
        Assert.Contains("--current: \"/dev/zero\" is larger than 256 MiB, the most a rebalance input may be", current.Stderr, StringComparison.Ordinal);
        Assert.Contains("--sizes: \"/dev/zero\" is larger than 256 MiB", sizes.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpectedly", current.Stderr + sizes.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_just_over_the_limit_is_refused_and_one_at_the_limit_is_read()
    {
        const string head = "config:\n  kafka-infra:environment: dev\n#";
        var at = _temp.File("Pulumi.at.yaml", head + new string('x', InputLimits.MaxFileBytes - head.Length));
        var over = _temp.File("Pulumi.over.yaml", head + new string('x', InputLimits.MaxFileBytes - head.Length + 1));

        Assert.DoesNotContain("larger than", CliRunner.Run("plan", "--config-file", at).Stderr, StringComparison.Ordinal);
        Assert.Contains("larger than", CliRunner.Run("plan", "--config-file", over).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_has_an_exit_code_of_its_own()
    {
        using var stderr = new StringWriter();

        var code = CliApp.Report(new InvalidOperationException("boom"), stderr);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal(70, code);
        Assert.DoesNotContain(code, new[] { ExitCodes.Ok, ExitCodes.InvalidInput, ExitCodes.Usage, ExitCodes.Unsafe });
        Assert.Contains("This is a bug", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, CliApp.Report(new InputException("x"), TextWriter.Null));
        Assert.Equal(ExitCodes.Usage, CliApp.Report(new UsageException("x"), TextWriter.Null));
    }

    [Fact]
    public void Rendered_yaml_keeps_names_and_values_a_yaml_1_1_reader_would_retype_as_strings()
    {
        var stack = _temp.File("Pulumi.tricky.yaml", """
            config:
              kafka-infra:environment: dev
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi:
                  namespace: kafka
              kafka-infra:topics:
                - name: "1_000"
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
                - name: "0b101"
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
              kafka-infra:consumers:
                - name: "no"
                  namespace: "on"
                  topic: "1_000"
                  maxReplicas: 2
              kafka-infra:connect:
                - name: "y"
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: "off"
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: ["0b101"]
                      config:
                        a: "yes"
                        b: "1:20"
                        c: "0x1F"
                        d: ".inf"
                        e: "2001-12-14"
                        f: "~"
                        g: "0o17"
            """);
        var output = Path.Combine(_temp.Path, "out");

        var result = CliRunner.Run("render", "--config-file", stack, "--output-dir", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(output, "*.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            foreach (var scalar in stream.Documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>())
            {
                if (scalar.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted)
                {
                    strings.Add(scalar.Value!);
                }
            }
        }

        Assert.Superset(new HashSet<string>(["1_000", "0b101", "no", "on", "y", "off", "yes", "1:20", "0x1F", ".inf", "2001-12-14", "~", "0o17"]), strings);
    }
}
