using System.Diagnostics;
using System.Globalization;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Benchmarks;

/// <summary>
/// Replica moves of the minimal-movement planner against its lower bound and against the placement
/// <c>kafka-reassign-partitions --generate</c> would propose (<see cref="KafkaGenerateBaseline"/>), plus wall time and allocation.
/// </summary>
internal sealed class RebalanceBenchmark : IBenchmarkSuite
{
    private const int PartitionsPerTopic = 50;
    private const int Seed = 20261123;

    public string Name => "rebalance";

    public string Description => "partition reassignment: moves vs lower bound vs kafka-reassign-partitions --generate, RF 3 on 6 brokers";

    public void Run(TextWriter output)
    {
        output.WriteLine("| scenario | partitions | replicas | lower bound | planner moves | moves / bound | --generate moves | planner / generate | leader-only reorders | warnings | wall time (median) | fastest run | allocated |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var timings = new Dictionary<string, double>();
        foreach (var partitions in new[] { 1_000, 10_000, 100_000 })
        {
            foreach (var scenario in Scenarios())
            {
                var current = Cluster(partitions, scenario.CurrentBrokers, scenario.CurrentRacks);
                if (scenario.StartBalanced)
                {
                    // Round-robin placement is only balanced to within a few replicas; start from an exactly balanced cluster.
                    current = [.. ReassignmentPlanner.Plan(new ReassignmentRequest { Current = current, Brokers = scenario.Brokers }).Value!.Proposed];
                }

                var request = new ReassignmentRequest
                {
                    Current = current,
                    Brokers = scenario.Brokers,
                    Remove = scenario.Remove,
                    Racks = scenario.Racks,
                };
                ReassignmentPlan? plan = null;
                var fastest = TimeSpan.MaxValue;
                var (median, allocated) = BenchmarkRunner.Measure(
                    () =>
                    {
                        var started = Stopwatch.GetTimestamp();
                        plan = ReassignmentPlanner.Plan(request).Value;
                        var elapsed = Stopwatch.GetElapsedTime(started);
                        fastest = elapsed < fastest ? elapsed : fastest;
                    },
                    warmups: 2,
                    iterations: partitions > 10_000 ? 9 : 15);
                var summary = plan!.Summary;
                var targets = scenario.Brokers.Except(scenario.Remove).ToList();
                var generated = KafkaGenerateBaseline.Generate(current, targets, scenario.Racks, new Random(Seed));
                var generateMoves = KafkaGenerateBaseline.CountMoves(current, generated);
                timings[$"{scenario.Name}/{partitions}"] = fastest.TotalMilliseconds;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {partitions:N0} | {summary.Replicas:N0} | {summary.LowerBound:N0} | {summary.ReplicaMoves:N0} | {Ratio(summary.ReplicaMoves, summary.LowerBound)} | {generateMoves:N0} | {Ratio(summary.ReplicaMoves, generateMoves)} | {summary.LeaderOnlyChanges:N0} | {summary.Warnings.Count} | {median.TotalMilliseconds:F1} ms | {fastest.TotalMilliseconds:F1} ms | {allocated / 1024.0 / 1024.0:F1} MiB |"));
            }
        }

        output.WriteLine();
        output.WriteLine("Time ratio (fastest runs) for 10x the partitions (1,000 -> 10,000 and 10,000 -> 100,000):");
        output.WriteLine();
        foreach (var scenario in Scenarios())
        {
            var small = timings[$"{scenario.Name}/10000"] / timings[$"{scenario.Name}/1000"];
            var large = timings[$"{scenario.Name}/100000"] / timings[$"{scenario.Name}/10000"];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {scenario.Name}: {small:F1}x, {large:F1}x"));
        }
    }

    private static string Ratio(int a, int b) => b == 0 ? (a == 0 ? "-" : "inf") : (a / (double)b).ToString("F3", CultureInfo.InvariantCulture);

    private sealed record Scenario(
        string Name,
        int[] CurrentBrokers,
        IReadOnlyDictionary<int, string>? CurrentRacks,
        int[] Brokers,
        int[] Remove,
        IReadOnlyDictionary<int, string>? Racks,
        bool StartBalanced = false);

    private static IEnumerable<Scenario> Scenarios()
    {
        int[] six = [1, 2, 3, 4, 5, 6];
        int[] nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var racks6 = six.ToDictionary(b => b, b => "az" + ((b - 1) % 3 + 1).ToString(CultureInfo.InvariantCulture));
        var racks9 = nine.ToDictionary(b => b, b => "az" + ((b - 1) % 3 + 1).ToString(CultureInfo.InvariantCulture));
        yield return new Scenario("scale-out 6 -> 9", six, null, nine, [], null);
        yield return new Scenario("scale-in 6 -> 4 (remove 5,6)", six, null, six, [5, 6], null);
        yield return new Scenario("scale-out 6 -> 9, 3 racks", six, racks6, nine, [], racks9);
        yield return new Scenario("no change (balanced cluster)", six, null, six, [], null, StartBalanced: true);
    }

    /// <summary>A balanced RF-3 cluster: one round-robin over every partition (topics of 50 partitions), rack-interleaved when racks are given.</summary>
    internal static List<PartitionReplicas> Cluster(int partitions, int[] brokers, IReadOnlyDictionary<int, string>? racks)
    {
        // Kafka's own placement with start index and shift fixed at 0, applied across all partitions at once, is balanced to within one.
        var placement = racks is null
            ? KafkaGenerateBaseline.AssignRackUnaware(partitions, 3, brokers, new FixedRandom())
            : KafkaGenerateBaseline.AssignRackAware(partitions, 3, racks, new FixedRandom());
        var result = new List<PartitionReplicas>(partitions);
        for (var i = 0; i < partitions; i++)
        {
            result.Add(new PartitionReplicas(
                "topic-" + (i / PartitionsPerTopic).ToString("D5", CultureInfo.InvariantCulture),
                i % PartitionsPerTopic,
                placement[i]));
        }

        return result;
    }

    /// <summary>Always 0: the deterministic start index and shift for building the starting cluster.</summary>
    private sealed class FixedRandom : Random
    {
        public override int Next(int maxValue) => 0;
    }
}
