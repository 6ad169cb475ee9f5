using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;

namespace KafkaInfra.Tests;

/// <summary>The options one resource was registered with, as the program passed them to Pulumi.</summary>
/// <param name="Type">Pulumi type token.</param>
/// <param name="Name">Pulumi resource name.</param>
/// <param name="Parent">The parent's resource name (null for the stack itself).</param>
/// <param name="Protect">Protect, as set (null when unset).</param>
/// <param name="IgnoreChanges">Ignored input paths.</param>
/// <param name="DependsOn">The resource names it waits for.</param>
/// <param name="RetainOnDelete">RetainOnDelete, as set (null when unset).</param>
/// <param name="Provider">The explicit provider's resource name, if any.</param>
internal sealed record Registration(
    string Type,
    string Name,
    string? Parent,
    bool? Protect,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> DependsOn,
    bool? RetainOnDelete,
    string? Provider);

/// <summary>
/// Runs the real program (<see cref="KafkaPlatform.DeployAsync"/>) inside a stack whose resource transformation
/// records the options of every resource as it is registered. A stack transformation applies to every resource
/// parented, directly or through components, to the stack (pulumi-dotnet v3.112.1 <c>Resource</c> constructor:
/// options' transformations, then the parent's), and sees the options the engine receives: the mocks' own
/// <c>MockResourceArgs</c> carry only type, name, inputs and provider.
/// </summary>
internal sealed class ProgramStack : Stack
{
    /// <summary>The run in progress. Stack tests run one at a time (<see cref="PulumiStackCollection"/>).</summary>
    internal static ProgramRun? Current { get; set; }

    public ProgramStack()
        : base(new StackOptions { ResourceTransformations = { Record } })
    {
        var run = Current ?? throw new InvalidOperationException("ProgramStack.Current is not set");
        var program = KafkaPlatform.DeployAsync();
        run.Program = program;
        // The program's outputs as one stack output, so they are serialized as the engine serializes stack outputs
        // (an unserializable value fails the run), and a failed program fails the deployment.
        Outputs = Output.Create(program).Apply(o => (ImmutableDictionary<string, object?>)o.ToImmutableDictionary());
    }

    [Output("programOutputs")]
    public Output<ImmutableDictionary<string, object?>> Outputs { get; }

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        var options = args.Options;
        Current?.Registrations.Enqueue(new Registration(
            args.Resource.GetResourceType(),
            args.Resource.GetResourceName(),
            options.Parent?.GetResourceName(),
            options.Protect,
            options.IgnoreChanges.ToArray(),
            DependencyNames(options),
            options.RetainOnDelete,
            options.Provider?.GetResourceName()));
        return null; // record only: the resource is registered as the program declared it
    }

    private static string[] DependencyNames(ResourceOptions options)
    {
        Output<ImmutableArray<Resource>> dependsOn = options.DependsOn;
        // DependsOn holds known resources in the program (never outputs of other resources), so the value is ready.
        var task = Pulumi.Utilities.OutputUtilities.GetValueAsync(dependsOn);
        return task.IsCompletedSuccessfully
            ? task.Result.Select(r => r.GetResourceName()).ToArray()
            : throw new InvalidOperationException($"{args(options)}: dependsOn is not a list of known resources");

        static string args(ResourceOptions o) => o.Parent?.GetResourceName() ?? "(stack)";
    }
}

/// <summary>What one run of the program registered and returned.</summary>
internal sealed class ProgramRun
{
    public ConcurrentQueue<Registration> Registrations { get; } = new();

    public Task<IDictionary<string, object?>>? Program { get; set; }
}
