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
        IReadOnlyDictionary<string, string>? secretConfig = null)
    {
        SecretConfig = secretConfig ?? new Dictionary<string, string>();
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

    /// <summary>Config outside kafka-infra's keys passed as secret (SCRAM passwords), as <c>pulumi config set --secret</c> would.</summary>
    public IReadOnlyDictionary<string, string> SecretConfig { get; }

    /// <summary>A test password for every SCRAM secret config key the desired state reads (none on other stacks).</summary>
    public static IReadOnlyDictionary<string, string> ScramSecrets(KafkaInfra.Core.Desired.DesiredState desired)
    {
        var secrets = desired.Cloud
            .Select(c => c.Spec).OfType<KafkaInfra.Core.Desired.Cloud.ScramSecretVersionSpec>()
            .ToDictionary(v => v.PasswordConfigKey, v => "test-password-" + v.Username, StringComparer.Ordinal);
        // An external cluster's deployer signs in as an existing SCRAM user: only its password is secret config.
        foreach (var p in desired.Cloud.Select(c => c.Spec).OfType<KafkaInfra.Core.Desired.Cloud.KafkaProviderSpec>().Where(p => p.SaslUsername is not null))
        {
            secrets.TryAdd(KafkaInfra.Core.Desired.Msk.MskCloudResources.ScramPasswordConfigKey, "test-password-" + p.SaslUsername);
        }

        return secrets;
    }

    public IReadOnlyDictionary<string, string?> Raw { get; }

    /// <summary>What the self StackReference returns as <c>outputs</c> (empty: first deployment).</summary>
    public ImmutableDictionary<string, object> PreviousOutputs { get; }

    /// <summary>What the self StackReference returns as <c>secretOutputNames</c> (a real engine always returns the list).</summary>
    public ImmutableArray<string> PreviousSecretOutputNames { get; }

    public Mock<IMocks> Mocks { get; }

    /// <summary>Every resource the program registered (components, custom resources, reads), in order.</summary>
    public IReadOnlyList<MockResourceArgs> Created => _created.ToArray();

    /// <summary>The raw config of Pulumi.&lt;stack&gt;.yaml, read through Core's StackFile like the CLI does.</summary>
    public static Dictionary<string, string?> StackFileRaw(string stack) => FileRaw($"Pulumi.{stack}.yaml");

    /// <summary>The raw config of a stack file at a path relative to the repository root, read as the CLI reads it.</summary>
    public static Dictionary<string, string?> FileRaw(string relativePath)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(RepoRoot(), relativePath)), relativePath);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new Dictionary<string, string?>(parsed.Values, StringComparer.Ordinal);
    }

    /// <summary>The stack's config on MSK Serverless: no brokers, storage or instance type.</summary>
    public static Dictionary<string, string?> AsServerless(Dictionary<string, string?> raw)
    {
        var cluster = System.Text.Json.Nodes.JsonNode.Parse(raw["kafka-infra:cluster"]!)!.AsObject();
        cluster.Remove("brokers");
        cluster.Remove("storageGiB");
        var msk = cluster["msk"]!.AsObject();
        msk.Remove("instanceType");
        msk.Remove("storageAutoscaling");
        msk["serverless"] = true;
        raw["kafka-infra:cluster"] = cluster.ToJsonString();
        return raw;
    }

    /// <summary>
    /// Every stack file of the repository: <c>Pulumi.&lt;stack&gt;.yaml</c> at the root and under <c>examples/</c>,
    /// as (path relative to the root, stack name).
    /// </summary>
    public static IEnumerable<(string Path, string Stack)> AllStackFiles()
    {
        var root = RepoRoot();
        var files = Directory.GetFiles(root, "Pulumi.*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.GetFiles(Path.Combine(root, "examples"), "Pulumi.*.yaml", SearchOption.AllDirectories));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            yield return (Path.GetRelativePath(root, file).Replace('\\', '/'), name["Pulumi.".Length..^".yaml".Length]);
        }
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

    /// <summary>What the last <see cref="RunAsync"/> registered, with the options of each resource.</summary>
    public IReadOnlyList<Registration> Registrations { get; private set; } = [];

    /// <summary>
    /// Runs the program with the stack's config in PULUMI_CONFIG (keys <c>kafka-infra:&lt;key&gt;</c>, <c>aws:region</c>)
    /// and the names in <paramref name="secretKeys"/> marked secret in PULUMI_CONFIG_SECRET_KEYS, as the engine passes
    /// them. Returns the registered resources and the program's outputs (values as the program returned them, so a
    /// secret output is still an <see cref="Output{T}"/> marked secret).
    /// </summary>
    public async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(IEnumerable<string>? secretKeys = null)
    {
        var config = Raw.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        foreach (var (k, v) in SecretConfig)
        {
            config[k] = v;
        }

        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        var secrets = (secretKeys ?? []).Concat(SecretConfig.Keys).ToArray();
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", secrets.Length == 0 ? null : JsonSerializer.Serialize(secrets));
        var run = new ProgramRun();
        ProgramStack.Current = run;
        try
        {
            // Off the test framework's synchronization context: the test stack blocks on the async program while the
            // mocked engine completes the program's reads on other threads.
            var resources = await Task.Run(() => Deployment.TestAsync<ProgramStack>(
                Mocks.Object,
                new TestOptions { IsPreview = false, ProjectName = Project, StackName = Stack })).ConfigureAwait(false);
            var outputs = await (run.Program ?? throw new InvalidOperationException("the program did not run")).ConfigureAwait(false);
            return (resources.Where(r => r is not ProgramStack).ToImmutableArray(), outputs);
        }
        finally
        {
            Registrations = run.Registrations.ToArray();
            ProgramStack.Current = null;
        }
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

    internal static string RepoRoot()
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
        if (args.Type == "pulumi:pulumi:StackReference")
        {
            // The engine answers a StackReference read with both properties, even when no output is secret
            // (pulumi/pulumi: the built-in pulumi provider's StackReference read returns outputs and
            // secretOutputNames); the SDK reads secretOutputNames in GetOutputDetailsAsync and GetValueAsync.
            state["outputs"] = PreviousOutputs;
            state["secretOutputNames"] = PreviousSecretOutputNames.Select(n => (object)n).ToImmutableArray();
        }

        ProviderState.AddComputed(args.Type!, args.Name ?? "unnamed", state);
        return state.ToImmutable();
    }
}
