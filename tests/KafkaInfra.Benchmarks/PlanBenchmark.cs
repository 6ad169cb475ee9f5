using System.Globalization;
using System.Text;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Benchmarks;

/// <summary>
/// Plans generated stacks of 1,000 and 10,000 topics with 2,000 consumers, from the raw config values (what the
/// Pulumi program hands Core) and from the stack file text (what the CLI reads). Target: 10,000 topics in under
/// 1 s on 2 cores, and no worse than 12× the 1,000-topic time.
/// </summary>
internal sealed class PlanBenchmark : IBenchmarkSuite
{
    public string Name => "plan";

    public string Description => "validate + plan generated stacks (2,000 consumers)";

    public void Run(TextWriter output)
    {
        output.WriteLine("| topics | consumers | load+plan from raw values | from stack file text | allocated (raw path) | partitions planned |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var medians = new List<double>();
        foreach (var topics in new[] { 1_000, 10_000 })
        {
            var yaml = GenerateStackFile(topics, 2_000);
            var raw = StackFile.Parse(yaml, "Pulumi.bench.yaml").Values;
            PlanResult? result = null;
            var (rawTime, allocated) = BenchmarkRunner.Measure(() => result = CapacityPlanner.Plan(raw));
            var (fileTime, _) = BenchmarkRunner.Measure(() => CapacityPlanner.Plan(StackFile.Parse(yaml, "Pulumi.bench.yaml").Values));
            if (result is not { IsValid: true })
            {
                throw new InvalidOperationException("generated stack did not plan: " + string.Join("; ", result?.Errors ?? []));
            }

            medians.Add(rawTime.TotalMilliseconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {topics:N0} | 2,000 | {rawTime.TotalMilliseconds:N1} ms | {fileTime.TotalMilliseconds:N1} ms | {allocated / 1024d / 1024d:N1} MiB | {result.Plan!.Topics.Sum(t => t.Partitions):N0} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"growth 1k → 10k topics: {medians[1] / medians[0]:N1}× (target ≤ 12×)"));
    }

    /// <summary>A valid Strimzi stack file with <paramref name="topics"/> topics and <paramref name="consumers"/> consumers.</summary>
    public static string GenerateStackFile(int topics, int consumers)
    {
        var sb = new StringBuilder();
        // dev: the generated consumer ranges are arbitrary, and prod refuses the consumer groups they leave short of
        // the topic's rate; dev plans exactly the same work and reports those as warnings.
        sb.Append("config:\n  kafka-infra:environment: dev\n  kafka-infra:cluster:\n    name: bench\n    brokers: 150\n    storageGiB: 16000\n    strimzi:\n      namespace: kafka\n");
        sb.Append("  kafka-infra:topics:\n");
        for (var i = 0; i < topics; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    - name: domain{i % 97}.events-{i}\n      messagesPerSecond: {1_000 + (i * 7_919 % 50_000)}\n      messagesPerSecondPerConsumer: {500 + (i * 104_729 % 5_000)}\n      messageBytes: 200\n      retentionHours: 1\n");
        }

        sb.Append("  kafka-infra:consumers:\n");
        for (var i = 0; i < consumers; i++)
        {
            var topic = (int)((long)i * topics / consumers);
            sb.Append(CultureInfo.InvariantCulture, $"    - name: consumer-{i}\n      namespace: apps\n      topic: domain{topic % 97}.events-{topic}\n      lagThreshold: 1000\n      maxReplicas: {1 + (i % 30)}\n");
        }

        return sb.ToString();
    }
}
