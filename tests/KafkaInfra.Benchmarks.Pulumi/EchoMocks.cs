using System.Collections.Immutable;
using KafkaInfra.Tests;
using Pulumi.Testing;

namespace KafkaInfra.Benchmarks.Pulumi;

/// <summary>
/// The engine as the stack tests mock it, without a mocking library: every resource's state is its inputs plus
/// what its provider computes (<see cref="ProviderState"/>); the self StackReference finds no previous outputs.
/// </summary>
internal sealed class EchoMocks : IMocks
{
    public int Registered { get; private set; }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Registered++;
        var state = (args.Inputs ?? ImmutableDictionary<string, object>.Empty).ToBuilder();
        if (args.Type == "pulumi:pulumi:StackReference")
        {
            state["outputs"] = ImmutableDictionary<string, object>.Empty;
            state["secretOutputNames"] = ImmutableArray<object>.Empty;
        }

        ProviderState.AddComputed(args.Type!, args.Name ?? "unnamed", state);
        return Task.FromResult<(string?, object)>((args.Id ?? args.Name + "-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
}
