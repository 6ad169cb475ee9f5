using KafkaInfra.Cli;

namespace KafkaInfra.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "kafka-infra-render-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    [Fact]
    public void Render_dev_writes_one_file_per_object_and_an_index_identically_on_every_run()
    {
        var first = Path.Combine(_temp, "a");
        var second = Path.Combine(_temp, "b");
        var (exit, stdout, stderr) = Run("render", "--stack", "dev", "--output-dir", first);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Kubernetes objects", stdout, StringComparison.Ordinal);
        Assert.Equal(0, Run("render", "--stack", "dev", "--output-dir", second).Exit);

        var files = Snapshot(first);
        var index = File.ReadAllLines(Path.Combine(first, "index.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(files.Keys.Where(k => k != "index.txt").Order(StringComparer.Ordinal), index.Order(StringComparer.Ordinal));
        Assert.Contains("01-kafka-kafka-events.yaml", index);
        Assert.Contains("02-kafkatopic-kafka-vehicle.telemetry.yaml", index);
        Assert.Contains("05-scaledobject-kafka-sinks-connect.yaml", index);
        Assert.All(index.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)), f => Assert.StartsWith("apiVersion: ", files[f], StringComparison.Ordinal));
        Assert.Equal(files, Snapshot(second));

        // Rendering again into the same folder replaces the files with identical ones.
        Assert.Equal(0, Run("render", "--stack", "dev", "--output-dir", first).Exit);
        Assert.Equal(files, Snapshot(first));
    }

    [Fact]
    public void Render_of_an_invalid_stack_exits_1_names_the_key_and_writes_nothing()
    {
        Directory.CreateDirectory(_temp);
        var stack = Path.Combine(_temp, "Pulumi.bad.yaml");
        File.WriteAllText(stack, """
            config:
              kafka-infra:environment: prod
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi:
                  plainListener: true
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
              kafka-infra:connect:
                - name: sinks
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [missing]
            """);
        var output = Path.Combine(_temp, "out");
        var (exit, _, stderr) = Run("render", "--config-file", stack, "--output-dir", output);
        Assert.Equal(1, exit);
        Assert.Contains("kafka-infra:connect[0].connectors[0].topics[0]", stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Render_of_a_plain_listener_in_prod_exits_1()
    {
        Directory.CreateDirectory(_temp);
        var stack = Path.Combine(_temp, "Pulumi.plain.yaml");
        File.WriteAllText(stack, """
            config:
              kafka-infra:environment: prod
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi:
                  plainListener: true
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
            """);
        var output = Path.Combine(_temp, "out");
        var (exit, _, stderr) = Run("render", "--config-file", stack, "--output-dir", output);
        Assert.Equal(1, exit);
        Assert.Contains("kafka-infra:cluster.strimzi.plainListener", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
