using System.Collections.Immutable;
using System.Globalization;
using KafkaInfra.Core.Desired;
using Pulumi;

namespace KafkaInfra;

/// <summary>
/// The cloud resources of the stack by their desired-state name (<see cref="CloudResource.Name"/>): what
/// <c>dependsOn</c>, <c>provider</c> and <see cref="ResourceRef"/>s resolve against. In a dry run (the check pass
/// before anything is registered) references are validated and stand in as placeholders.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Dictionary<string, string> _types;
    private readonly Dictionary<string, Resource> _resources = new(StringComparer.Ordinal);

    public ResourceRegistry(IEnumerable<CloudResource> all, bool dryRun)
    {
        _types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            _types.TryAdd(r.Name, r.Type);
        }

        DryRun = dryRun;
    }

    public bool DryRun { get; }

    public void Add(string name, Resource resource) => _resources.Add(name, resource);

    public Resource Get(string name) =>
        _resources.TryGetValue(name, out var r) ? r : throw new InvalidOperationException($"resource \"{name}\" is not declared yet");

    public ProviderResource Provider(string name) =>
        Get(name) as ProviderResource ?? throw new InvalidOperationException($"resource \"{name}\" is not a provider");

    /// <summary>A reference as a string output, with its format applied (<see cref="RefFormats.Apply"/>).</summary>
    public Output<string> Resolve(ResourceRef reference)
    {
        var output = RawOutput(reference);
        if (RefFormats.IsList(reference))
        {
            throw new MappingException($"refers to {reference}, a list ({RefFormats.List}), where a single string is expected");
        }

        return DryRun ? Pulumi.Output.Create("placeholder") : output.Apply(value => RefFormats.Apply(reference, value));
    }

    /// <summary>A reference as a list of strings (<see cref="RefFormats.ApplyList"/>: split for <c>{0:list}</c>, else one item).</summary>
    public Output<ImmutableArray<string>> ResolveList(ResourceRef reference)
    {
        var output = RawOutput(reference);
        return DryRun
            ? Pulumi.Output.Create(ImmutableArray.Create("placeholder"))
            : output.Apply(value => RefFormats.ApplyList(reference, value).ToImmutableArray());
    }

    /// <summary>True for the name of a cloud resource of the desired state.</summary>
    public bool IsDeclared(string name) => _types.ContainsKey(name);

    /// <summary>
    /// A string that may carry rendered references (<c>${resource.output}</c>, see <see cref="RefFormats.Placeholders"/>):
    /// the literal when it has none, else the string with each resolved.
    /// </summary>
    public Input<string> Text(string text)
    {
        if (RefFormats.Placeholders(text, IsDeclared) is not { } segments)
        {
            return text;
        }

        var parts = segments.Select(s => s is ResourceRef r ? Resolve(r) : Pulumi.Output.Create((string)s)).ToArray();
        return Pulumi.Output.All(parts).Apply(values => string.Concat((IEnumerable<string>)values));
    }

    /// <summary>The referenced output as it is (checked: the resource exists, the output is one the program reads, the format is known).</summary>
    private Output<string> RawOutput(ResourceRef reference)
    {
        if (!_types.TryGetValue(reference.Resource, out var type))
        {
            throw new MappingException($"refers to {reference}, but there is no cloud resource \"{reference.Resource}\"");
        }

        var getter = CloudOutputs.Find(type, reference.Output, out var known)
            ?? throw new MappingException(
                $"refers to {reference}, but the program reads no output \"{reference.Output}\" of a {type}" +
                (known.Count == 0 ? " (it has none the program reads)" : $"; it reads {string.Join(", ", known)}"));
        if (RefFormats.Problem(reference.Format) is { } problem)
        {
            throw new MappingException($"refers to {reference}: {problem}");
        }

        return DryRun ? Pulumi.Output.Create("placeholder") : getter(Get(reference.Resource));
    }

    /// <summary>A reference as a whole number (e.g. a <c>latestRevision</c> fed to a <c>revision</c> input).</summary>
    public Output<int> ResolveInt(ResourceRef reference) =>
        Resolve(reference).Apply(s => DryRun ? 0 : int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));
}

/// <summary>A desired-state record the program cannot map; the message names the property and what was wrong.</summary>
public sealed class MappingException : Exception
{
    public MappingException()
    {
    }

    public MappingException(string message)
        : base(message)
    {
    }

    public MappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
