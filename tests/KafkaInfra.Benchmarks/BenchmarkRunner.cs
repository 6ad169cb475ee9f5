using System.Diagnostics;
using System.Globalization;

namespace KafkaInfra.Benchmarks;

/// <summary>One named benchmark suite; prints its own table.</summary>
internal interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    void Run(TextWriter output);
}

/// <summary>Runs the suites named on the command line (all when none is named).</summary>
internal static class BenchmarkRunner
{
    private static readonly IBenchmarkSuite[] Suites = [new PlanBenchmark(), new RebalanceBenchmark(), new ProcessBenchmark()];

    public static int Run(string[] args, TextWriter output)
    {
        if (args is ["fuzz", .. var fuzzArgs]) return StackFuzz.Run(fuzzArgs, output);
        if (args is ["inputs", var folder])
        {
            ProcessBenchmark.WriteInputs(folder, output);
            return 0;
        }

        var selected = args.Length == 0 ? Suites : Suites.Where(s => args.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (selected.Length == 0)
        {
            output.WriteLine("usage: KafkaInfra.Benchmarks [" + string.Join('|', Suites.Select(s => s.Name)) + "]... | fuzz N | inputs FOLDER");
            return 2;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {Environment.ProcessorCount} cores, {RuntimeInformationText()}"));
        foreach (var suite in selected)
        {
            output.WriteLine($"## {suite.Name}: {suite.Description}");
            suite.Run(output);
        }

        return 0;
    }

    /// <summary>Median wall time of <paramref name="iterations"/> runs after <paramref name="warmups"/> warm-up runs, and bytes allocated by one run.</summary>
    public static (TimeSpan Median, long AllocatedBytes) Measure(Action action, int warmups = 2, int iterations = 7)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var times = new List<TimeSpan>(iterations);
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            action();
            sw.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(sw.Elapsed);
        }

        times.Sort();
        return (times[times.Count / 2], allocated);
    }

    private static string RuntimeInformationText() =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + " " + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture;
}
