using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaInfra.Core.Config;
using Pulumi;
using Pulumi.Testing;

namespace KafkaInfra.Benchmarks.Pulumi;

/// <summary>
/// A whole <c>Deployment.TestAsync</c> run of the program (config → plan → desired state → every resource
/// registered with the mocked engine → outputs) for generated stacks of 1,000 topics and 500 consumers, on Strimzi
/// and on MSK. Target: under 10 s each on a 2-core machine.
/// </summary>
internal static class DeploymentBenchmark
{
    private const int Topics = 1_000;
    private const int Consumers = 500;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {runs} runs each after one warm-up"));
        output.WriteLine("| platform | topics | consumers | resources registered | min | median | max | target |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var allMet = true;
        foreach (var (platform, stack, yaml) in new[] { ("Strimzi", "dev", StrimziStack()), ("MSK", "prod", MskStack()) })
        {
            var raw = StackFile.Parse(yaml, $"Pulumi.{stack}.yaml");
            if (!raw.IsValid)
            {
                throw new InvalidOperationException("generated stack does not parse: " + string.Join("; ", raw.Errors));
            }

            var registered = await RunOnceAsync(stack, raw.Values).ConfigureAwait(false); // warm-up
            var times = new List<TimeSpan>();
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                registered = await RunOnceAsync(stack, raw.Values).ConfigureAwait(false);
                times.Add(sw.Elapsed);
            }

            times.Sort();
            var met = times[times.Count / 2] < Target;
            allMet &= met;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {platform} | {Topics:N0} | {Consumers:N0} | {registered:N0} | {times[0].TotalSeconds:N2} s | {times[times.Count / 2].TotalSeconds:N2} s | {times[^1].TotalSeconds:N2} s | < {Target.TotalSeconds:N0} s: {(met ? "met" : "MISSED")} |"));
        }

        return allMet ? 0 : 1;
    }

    private static async Task<int> RunOnceAsync(string stack, IReadOnlyDictionary<string, string?> raw)
    {
        var config = raw.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        var mocks = new EchoMocks();
        await Task.Run(() => Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, ProjectName = "kafka-infra", StackName = stack }, KafkaPlatform.DeployAsync)).ConfigureAwait(false);
        return mocks.Registered;
    }

    private static string StrimziStack() => Stack("""
        kafka-infra:environment: prod
        kafka-infra:cluster:
          name: bench
          brokers: 60
          storageGiB: 16000
          strimzi:
            namespace: kafka
            controllers: 3
        """);

    private static string MskStack() => Stack("""
        aws:region: eu-west-1
        kafka-infra:environment: prod
        kafka-infra:cluster:
          name: bench
          kafkaVersion: "3.9.x"
          brokers: 30
          storageGiB: 16000
          msk:
            instanceType: kafka.m7g.4xlarge
            clientSubnets: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002, subnet-0a1b2c3d4e5f60003]
            securityGroups: [sg-0123456789abcdef0]
            authentication: iam
            region: eu-west-1
        """);

    /// <summary>A stack file: the cluster part given, then <see cref="Topics"/> topics and <see cref="Consumers"/> consumers.</summary>
    private static string Stack(string cluster)
    {
        var sb = new StringBuilder("config:\n");
        foreach (var line in cluster.Split('\n'))
        {
            sb.Append("  ").Append(line.TrimEnd()).Append('\n');
        }

        sb.Append("  kafka-infra:topicDefaults:\n    replicationFactor: 3\n    minInsyncReplicas: 2\n    retentionHours: 24\n");
        sb.Append("  kafka-infra:topics:\n");
        for (var i = 0; i < Topics; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    - name: domain{i % 97}.events-{i}\n      messagesPerSecond: {1_000 + (i * 7_919 % 20_000)}\n      messagesPerSecondPerConsumer: {1_000 + (i * 104_729 % 5_000)}\n      messageBytes: 200\n      retentionHours: 1\n");
        }

        sb.Append("  kafka-infra:consumers:\n");
        for (var i = 0; i < Consumers; i++)
        {
            var topic = i * Topics / Consumers;
            sb.Append(CultureInfo.InvariantCulture, $"    - name: consumer-{i}\n      namespace: apps\n      topic: domain{topic % 97}.events-{topic}\n      lagThreshold: 1000\n      maxReplicas: {1 + (i % 10)}\n");
        }

        return sb.ToString();
    }
}
