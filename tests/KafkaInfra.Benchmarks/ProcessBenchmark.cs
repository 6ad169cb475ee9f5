using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Benchmarks;

/// <summary>
/// Whole-process benchmarks: each command run as a fresh process of the published tool, as a user or a CI job runs it
/// (start-up, reading the input, the work, writing the output). Several runs per case: min / median / max wall time and
/// the peak resident memory of the process (MB = 10^6 bytes, the unit of the targets), with the time ratio for 10× the input and the targets of issue 15. The CPU
/// time (user + system, from the kernel's accounting of the finished child) shows the work apart from waiting for a
/// core, which on a shared machine can be most of the wall time.
/// The tool is <c>KAFKA_INFRA_TOOL</c> (a path) or else <c>kafka-infra</c> on PATH; runs per case in <c>KAFKA_INFRA_RUNS</c> (default 5).
/// </summary>
internal sealed partial class ProcessBenchmark : IBenchmarkSuite
{
    public string Name => "process";

    public string Description => "whole-process runs of the published tool (fresh process each run)";

    public void Run(TextWriter output)
    {
        var tool = Environment.GetEnvironmentVariable("KAFKA_INFRA_TOOL") is { Length: > 0 } t ? t : "kafka-infra";
        var runs = int.TryParse(Environment.GetEnvironmentVariable("KAFKA_INFRA_RUNS"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 5;
        var work = Directory.CreateTempSubdirectory("kafka-infra-bench-");
        try
        {
            output.WriteLine($"tool: {tool}, {runs} runs per case (after one unmeasured run)");
            output.WriteLine();
            output.WriteLine("| command | input | min | median | max | CPU (median) | peak memory | target | met |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---|");
            var medians = new Dictionary<string, double>();
            foreach (var c in Cases(work.FullName))
            {
                var result = Measure(tool, c, runs);
                medians[c.Key] = result.Median;
                var met = c.TargetSeconds is null ? "" : result.Median < c.TargetSeconds && (c.TargetMB is null || result.PeakMB < c.TargetMB) ? "yes" : "**no**";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{c.Command}` | {c.Input} | {result.Min:F2} s | {result.Median:F2} s | {result.Max:F2} s | {result.CpuMedian:F2} s | {result.PeakMB:F0} MB | {c.TargetText} | {met} |"));
            }

            output.WriteLine();
            output.WriteLine("Median time for 10× the input:");
            output.WriteLine();
            foreach (var (big, small, what) in new[]
            {
                ("plan/10k", "plan/1k", "plan, 1k → 10k topics"),
                ("render/10k", "render/1k", "render, 1k → 10k topics"),
                ("rebalance/100k", "rebalance/10k", "rebalance, 10k → 100k partitions"),
                ("rebalance/1m", "rebalance/100k", "rebalance, 100k → 1M partitions"),
            })
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {what}: {medians[big] / medians[small]:F1}×"));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private sealed record Case(string Key, string Command, string Input, string[] Args, double? TargetSeconds = null, double? TargetMB = null)
    {
        public string TargetText => TargetSeconds is null ? "" : string.Create(CultureInfo.InvariantCulture, $"< {TargetSeconds:0.0#} s") + (TargetMB is null ? "" : string.Create(CultureInfo.InvariantCulture, $", < {TargetMB:0} MB"));
    }

    /// <summary>
    /// Writes the input files of every case into <paramref name="dir"/> (also <c>KafkaInfra.Benchmarks inputs DIR</c>,
    /// to time a single command by hand, e.g. under <c>/usr/bin/time -v</c>).
    /// </summary>
    public static void WriteInputs(string dir, TextWriter? output = null)
    {
        Directory.CreateDirectory(dir);
        foreach (var topics in new[] { 1_000, 10_000 })
        {
            var path = StackPath(dir, topics);
            File.WriteAllText(path, PlanBenchmark.GenerateStackFile(topics, 2_000));
            output?.WriteLine($"{path}: {topics:N0} topics + 2,000 consumers");
        }

        int[] six = [1, 2, 3, 4, 5, 6];
        foreach (var (partitions, key) in Partitions)
        {
            var path = CurrentPath(dir, key);
            File.WriteAllText(path, ReassignmentJson.WriteReassignment(RebalanceBenchmark.Cluster(partitions, six, racks: null)));
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {partitions:N0} partitions, RF 3 on brokers 1-6"));
        }
    }

    private static readonly (int Partitions, string Key)[] Partitions = [(10_000, "10k"), (100_000, "100k"), (1_000_000, "1m")];

    private static string StackPath(string dir, int topics) => Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"Pulumi.bench{topics}.yaml"));

    private static string CurrentPath(string dir, string key) => Path.Combine(dir, $"current-{key}.json");

    private static IEnumerable<Case> Cases(string dir)
    {
        WriteInputs(dir);
        var stacks = new Dictionary<int, string> { [1_000] = StackPath(dir, 1_000), [10_000] = StackPath(dir, 10_000) };
        yield return new Case("plan/1k", "plan --output json", "1,000 topics + 2,000 consumers", ["plan", "--config-file", stacks[1_000], "--output", "json"], 0.3);
        yield return new Case("plan/10k", "plan --output json", "10,000 topics + 2,000 consumers", ["plan", "--config-file", stacks[10_000], "--output", "json"], 1.0);
        yield return new Case("render/1k", "render", "1,000 topics + 2,000 consumers", ["render", "--config-file", stacks[1_000], "--output-dir", Path.Combine(dir, "render1k")]);
        yield return new Case("render/10k", "render", "10,000 topics + 2,000 consumers", ["render", "--config-file", stacks[10_000], "--output-dir", Path.Combine(dir, "render10k")], 2.0);

        var targets = new Dictionary<string, (double? Seconds, double? MB)> { ["10k"] = (null, null), ["100k"] = (1.0, null), ["1m"] = (5.0, 600.0) };
        foreach (var (partitions, key) in Partitions)
        {
            yield return new Case(
                "rebalance/" + key,
                "rebalance",
                string.Create(CultureInfo.InvariantCulture, $"{partitions:N0} partitions, RF 3, 6 → 9 brokers"),
                ["rebalance", "--current", CurrentPath(dir, key), "--brokers", "1,2,3,4,5,6,7,8,9", "--output", Path.Combine(dir, $"plan-{key}.json")],
                targets[key].Seconds,
                targets[key].MB);
        }
    }

    private readonly record struct Result(double Min, double Median, double Max, double CpuMedian, double PeakMB);

    private static Result Measure(string tool, Case c, int runs)
    {
        Run(tool, c); // file cache and a first check that the command succeeds
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            var (seconds, cpuSeconds, peakBytes) = Run(tool, c);
            times.Add(seconds);
            cpu.Add(cpuSeconds);
            peak = Math.Max(peak, peakBytes);
        }

        times.Sort();
        cpu.Sort();
        return new Result(times[0], times[times.Count / 2], times[^1], cpu[cpu.Count / 2], peak / 1e6);
    }

    /// <summary>
    /// One run: wall time from start to exit, CPU time (the growth of the reaped children's rusage; runs never overlap),
    /// and the peak resident set (VmHWM) sampled from /proc every 2 ms while it runs.
    /// </summary>
    private static (double Seconds, double CpuSeconds, long PeakBytes) Run(string tool, Case c)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in c.Args)
        {
            info.ArgumentList.Add(a);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(2))
        {
            peak = Math.Max(peak, ReadPeak(status));
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', c.Args)} exited with {process.ExitCode}: {stderr.Result}");
        }

        _ = stdout.Result;
        return (elapsed, ChildrenCpuSeconds() - cpuBefore, peak);
    }

    private static double ChildrenCpuSeconds()
    {
        const int RusageChildren = -1;
        return GetRusage(RusageChildren, out var usage) == 0
            ? usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6)
            : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>The start of Linux's struct rusage (x86-64 and arm64): two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }

    private static long ReadPeak(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }

        return 0;
    }
}
