using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using KafkaInfra.Core.Config;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace KafkaInfra.Tests;

/// <summary>Stack tests share process state (the PULUMI_CONFIG variable, Deployment.Instance): they run one at a time.</summary>
[CollectionDefinition(PulumiStackCollection.Name, DisableParallelization = true)]
public sealed class PulumiStackCollection
{
    public const string Name = "Pulumi stack";
}

/// <summary>
/// Runs <see cref="KafkaPlatform.DeployAsync"/> under <c>Deployment.TestAsync</c> with a Moq <see cref="IMocks"/>
/// that echoes inputs as state, adds the outputs a real provider computes, answers the self StackReference with
/// the previous outputs a test chooses, and records every resource registered.
/// </summary>
internal sealed class StackHarness
{
    public const string Project = "kafka-infra";

    private readonly ConcurrentQueue<MockResourceArgs> _created = new();

    public StackHarness(
        string stack,
        IReadOnlyDictionary<string, string?> raw,
        ImmutableDictionary<string, object>? previousOutputs = null,
        IEnumerable<string>? previousSecretOutputNames = null,
        IEnumerable<string>? secretKeys = null)
    {
        SecretKeys = (secretKeys ?? []).ToImmutableArray();
        Stack = stack;
        Raw = raw;
        PreviousOutputs = previousOutputs ?? ImmutableDictionary<string, object>.Empty;
        PreviousSecretOutputNames = (previousSecretOutputNames ?? []).ToImmutableArray();
        Mocks = new Mock<IMocks>();
        Mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                _created.Enqueue(args);
                return (args.Id ?? args.Name + "-id", (object)State(args));
            });
        Mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync(ImmutableDictionary<string, object>.Empty);
    }

    public string Stack { get; }

    public IReadOnlyDictionary<string, string?> Raw { get; }

    /// <summary>What the self StackReference returns as <c>outputs</c> (empty: first deployment).</summary>
    public ImmutableDictionary<string, object> PreviousOutputs { get; }

    /// <summary>What the self StackReference returns as <c>secretOutputNames</c> (a real engine always returns the list).</summary>
    public ImmutableArray<string> PreviousSecretOutputNames { get; }

    public Mock<IMocks> Mocks { get; }

    /// <summary>The config keys the engine marks secret (PULUMI_CONFIG_SECRET_KEYS).</summary>
    public ImmutableArray<string> SecretKeys { get; }

    /// <summary>Every resource the program registered (components, custom resources, reads), in order.</summary>
    public IReadOnlyList<MockResourceArgs> Created => _created.ToArray();

    /// <summary>The raw config of Pulumi.&lt;stack&gt;.yaml, read through Core's StackFile like the CLI does.</summary>
    public static Dictionary<string, string?> StackFileRaw(string stack)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(RepoRoot(), $"Pulumi.{stack}.yaml")), $"Pulumi.{stack}.yaml");
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new Dictionary<string, string?>(parsed.Values, StringComparer.Ordinal);
    }

    public static ImmutableDictionary<string, object> Previous(IReadOnlyDictionary<string, int> partitions, int? brokers = null, int? storageGiB = null)
    {
        // As the engine returns them: maps as ImmutableDictionary<string, object>, numbers as double.
        var outputs = ImmutableDictionary<string, object>.Empty
            .Add("topicPartitions", partitions.ToImmutableDictionary(kv => kv.Key, kv => (object)(double)kv.Value));
        if (brokers is { } b)
        {
            outputs = outputs.Add("brokers", (double)b);
        }

        if (storageGiB is { } s)
        {
            outputs = outputs.Add("storageGiB", (double)s);
        }

        return outputs;
    }

    /// <summary>Runs the program with the stack's config in PULUMI_CONFIG (keys <c>kafka-infra:&lt;key&gt;</c>, <c>aws:region</c>).</summary>
    public Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync()
    {
        var config = Raw.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", SecretKeys.IsEmpty ? null : JsonSerializer.Serialize(SecretKeys));
        // Off the test framework's synchronization context: the test stack blocks on the async program while the
        // mocked engine completes the program's reads on other threads.
        return Task.Run(() => Deployment.TestAsync(
            Mocks.Object,
            new TestOptions { IsPreview = false, ProjectName = Project, StackName = Stack },
            KafkaPlatform.DeployAsync));
    }

    /// <summary>The registered resources of one type token.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => Created.Where(c => c.Type == type).ToArray();

    /// <summary>A value at a dotted path of the echoed inputs (lists by index: <c>spec.triggers.0.type</c>).</summary>
    public static object? At(ImmutableDictionary<string, object> inputs, string path)
    {
        object? current = inputs;
        foreach (var part in path.Split('.'))
        {
            current = current switch
            {
                IReadOnlyDictionary<string, object> map => map.GetValueOrDefault(part),
                ImmutableArray<object> list when int.TryParse(part, out var i) && i < list.Length => list[i],
                IReadOnlyList<object> list when int.TryParse(part, out var i) && i < list.Count => list[i],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>The text of a failed deployment: one RunException, or several in an AggregateException.</summary>
    public static string ErrorText(Exception e) => e is AggregateException a
        ? string.Join(Environment.NewLine, a.Flatten().InnerExceptions.Select(i => i.Message))
        : e.Message;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KafkaInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KafkaInfra.sln not found above the test output directory");
    }

    private ImmutableDictionary<string, object> State(MockResourceArgs args)
    {
        var state = (args.Inputs ?? ImmutableDictionary<string, object>.Empty).ToBuilder();
        var name = args.Name ?? "unnamed";
        switch (args.Type)
        {
            case "pulumi:pulumi:StackReference":
                // The engine answers a StackReference read with both properties, even when no output is secret
                // (pulumi/pulumi: the built-in pulumi provider's StackReference read returns outputs and
                // secretOutputNames); the SDK reads secretOutputNames in GetValueAsync.
                state["outputs"] = PreviousOutputs;
                state["secretOutputNames"] = PreviousSecretOutputNames.Select(n => (object)n).ToImmutableArray();
                break;
            case "aws:msk/cluster:Cluster":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:cluster/{name}/11111111-2222-3333-4444-555555555555-1";
                state["clusterUuid"] = "11111111-2222-3333-4444-555555555555-1";
                state["currentVersion"] = "K1";
                state["bootstrapBrokersSaslIam"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098";
                state["bootstrapBrokersSaslScram"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9096,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9096";
                state["bootstrapBrokersTls"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9094,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9094";
                break;
            case "aws:msk/serverlessCluster:ServerlessCluster":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:cluster/{name}/serverless-1";
                state["clusterUuid"] = "serverless-1";
                state["bootstrapBrokersSaslIam"] = "boot-abc.c2.kafka-serverless.eu-west-1.amazonaws.com:9098";
                break;
            case "aws:msk/configuration:Configuration":
            case "aws:mskconnect/customPlugin:CustomPlugin":
            case "aws:mskconnect/workerConfiguration:WorkerConfiguration":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:configuration/{name}/1";
                state["latestRevision"] = 1;
                break;
            case "aws:kms/key:Key":
                state["arn"] = $"arn:aws:kms:eu-west-1:123456789012:key/{name}";
                state["keyId"] = name;
                break;
            case "aws:iam/role:Role":
            case "aws:iam/policy:Policy":
            case "aws:cloudwatch/logGroup:LogGroup":
            case "aws:appautoscaling/policy:Policy":
            case "aws:mskconnect/connector:Connector":
                state["arn"] = $"arn:aws:{args.Type!.Split(':')[1].Split('/')[0]}:eu-west-1:123456789012:{name}";
                if (!state.ContainsKey("name"))
                {
                    state["name"] = name;
                }

                break;
        }

        return state.ToImmutable();
    }
}
