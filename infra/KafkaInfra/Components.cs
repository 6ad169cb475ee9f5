using System.Collections.Immutable;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;
using Pulumi;

namespace KafkaInfra;

/// <summary>
/// One part of the platform as a Pulumi ComponentResource; its type token and name come from the desired-state
/// component name (<see cref="PulumiLayout.ComponentType"/>, <see cref="PulumiLayout.ComponentName"/>).
/// <para>
/// Children are added after construction (parented to it, recorded with <see cref="Adopt"/>) because the platform
/// is declared in dependency order across components (cloud resources dependencies first, Kubernetes objects
/// stage by stage), and a component's children can depend on another component's and the other way round
/// (ksqlDB waits for Connect's stage, Connect's autoscaler waits for ksqlDB's). <see cref="Complete"/> sets the
/// typed outputs and registers them last, once every child is declared.
/// </para>
/// </summary>
public abstract class PlatformComponent : ComponentResource
{
    private readonly List<string> _children = [];

    private protected PlatformComponent(string component, ComponentResourceOptions? options)
        : base(PulumiLayout.ComponentType(component), PulumiLayout.ComponentName(component), options)
    {
        Component = component;
    }

    /// <summary>The desired-state component name.</summary>
    public string Component { get; }

    /// <summary>The Pulumi names of its children, in declaration order.</summary>
    [Output("children")]
    public Output<ImmutableArray<string>> Children { get; private set; } = null!;

    /// <summary>Records a declared child (by Pulumi name).</summary>
    public void Adopt(string childName) => _children.Add(childName);

    /// <summary>Sets the outputs and registers them; called once, after every child is declared.</summary>
    internal void Complete(CloudRegistry registry)
    {
        Children = Output.Create(_children.ToImmutableArray());
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["children"] = Children };
        foreach (var (name, value) in SetOutputs(registry))
        {
            outputs[name] = value;
        }

        RegisterOutputs(outputs);
    }

    /// <summary>Assigns the concept's own [Output] properties and returns them by output name.</summary>
    private protected abstract IEnumerable<KeyValuePair<string, object?>> SetOutputs(CloudRegistry registry);
}

/// <summary>What the Kafka cluster component reports: where clients connect (a literal, or the MSK cluster's output).</summary>
public sealed class KafkaClusterArgs(string component, Text? bootstrapServers)
{
    public string Component { get; } = component;

    public Text? BootstrapServers { get; } = bootstrapServers;
}

/// <summary>The Kafka cluster (<c>kafka-infra:strimzi:KafkaCluster</c> or <c>kafka-infra:msk:KafkaCluster</c>).</summary>
public sealed class KafkaCluster(KafkaClusterArgs args, ComponentResourceOptions? options = null)
    : PlatformComponent(args.Component, options)
{
    /// <summary>Where clients connect: Strimzi's TLS bootstrap address, or the MSK bootstrap string for the auth mode.</summary>
    [Output("bootstrapServers")]
    public Output<string> BootstrapServers { get; private set; } = null!;

    private protected override IEnumerable<KeyValuePair<string, object?>> SetOutputs(CloudRegistry registry)
    {
        BootstrapServers = args.BootstrapServers switch
        {
            Text.Ref reference => registry.Resolved(reference),
            Text.Literal literal => Output.Create(literal.Value),
            _ => Output.Create(""),
        };
        yield return new("bootstrapServers", BootstrapServers);
    }
}

/// <summary>The topics and the partitions each is deployed with.</summary>
public sealed class TopicsArgs(IReadOnlyDictionary<string, int> partitions)
{
    public IReadOnlyDictionary<string, int> Partitions { get; } = partitions;
}

/// <summary>The topics (<c>kafka-infra:topics:Topics</c>).</summary>
public sealed class Topics(TopicsArgs args, ComponentResourceOptions? options = null)
    : PlatformComponent("topics", options)
{
    /// <summary>Topic name → partitions.</summary>
    [Output("partitions")]
    public Output<ImmutableDictionary<string, int>> Partitions { get; private set; } = null!;

    private protected override IEnumerable<KeyValuePair<string, object?>> SetOutputs(CloudRegistry registry)
    {
        Partitions = Output.Create(args.Partitions.ToImmutableDictionary(StringComparer.Ordinal));
        yield return new("partitions", Partitions);
    }
}

/// <summary>A component whose concept is a replica range: its min and max replicas as typed outputs.</summary>
public abstract class ReplicaRangeComponent : PlatformComponent
{
    private readonly int _min;
    private readonly int _max;

    private protected ReplicaRangeComponent(string component, int minReplicas, int maxReplicas, ComponentResourceOptions? options)
        : base(component, options)
    {
        _min = minReplicas;
        _max = maxReplicas;
    }

    [Output("minReplicas")]
    public Output<int> MinReplicas { get; private set; } = null!;

    [Output("maxReplicas")]
    public Output<int> MaxReplicas { get; private set; } = null!;

    private protected override IEnumerable<KeyValuePair<string, object?>> SetOutputs(CloudRegistry registry)
    {
        MinReplicas = Output.Create(_min);
        MaxReplicas = Output.Create(_max);
        yield return new("minReplicas", MinReplicas);
        yield return new("maxReplicas", MaxReplicas);
    }
}

/// <summary>A group of workers (Connect or ksqlDB): its name, and the replica range (min = max when not autoscaled).</summary>
public sealed class WorkerGroupArgs(string component, int minReplicas, int maxReplicas)
{
    public string Component { get; } = component;

    public int MinReplicas { get; } = minReplicas;

    public int MaxReplicas { get; } = maxReplicas;
}

/// <summary>A Kafka Connect group (<c>kafka-infra:connect:WorkerGroup</c>) or a ksqlDB group (<c>kafka-infra:ksqldb:ServerGroup</c>).</summary>
public sealed class WorkerGroup(WorkerGroupArgs args, ComponentResourceOptions? options = null)
    : ReplicaRangeComponent(args.Component, args.MinReplicas, args.MaxReplicas, options);

/// <summary>A consumer scaled by KEDA: the replica range in effect (max capped at the topic's partitions).</summary>
public sealed class ScaledConsumerArgs(string component, int minReplicas, int maxReplicas)
{
    public string Component { get; } = component;

    public int MinReplicas { get; } = minReplicas;

    public int MaxReplicas { get; } = maxReplicas;
}

/// <summary>A scaled consumer (<c>kafka-infra:keda:ScaledConsumer</c>).</summary>
public sealed class ScaledConsumer(ScaledConsumerArgs args, ComponentResourceOptions? options = null)
    : ReplicaRangeComponent(args.Component, args.MinReplicas, args.MaxReplicas, options);

/// <summary>The namespaces the platform creates (<c>kafka-infra:k8s:Namespaces</c>); its only output is its children.</summary>
public sealed class Namespaces(ComponentResourceOptions? options = null)
    : PlatformComponent("namespaces", options)
{
    private protected override IEnumerable<KeyValuePair<string, object?>> SetOutputs(CloudRegistry registry) => [];
}

/// <summary>Creates the component for a desired-state component name, with its typed args from the plan.</summary>
internal static class PlatformComponents
{
    /// <summary>
    /// The component for <paramref name="component"/>. Without a plan (hand-made desired states in tests) the
    /// outputs that come from the plan are empty or zero.
    /// </summary>
    public static PlatformComponent Create(string component, CapacityPlan? plan, Text? bootstrap)
    {
        var parts = component.Split('/', 2);
        return parts[0] switch
        {
            "strimzi" or "msk" or "external" => new KafkaCluster(new KafkaClusterArgs(component, bootstrap)),
            "topics" => new Topics(new TopicsArgs(plan?.Topics.ToDictionary(t => t.Name, t => t.Partitions, StringComparer.Ordinal) ?? [])),
            "namespaces" => new Namespaces(),
            "connect" => plan?.Connect.FirstOrDefault(g => g.Name == parts[1]) is { } g
                ? new WorkerGroup(new WorkerGroupArgs(component, g.Replicas, g.MaxReplicas ?? g.Replicas))
                : new WorkerGroup(new WorkerGroupArgs(component, 0, 0)),
            "ksqldb" => plan?.KsqlDb.FirstOrDefault(g => g.Name == parts[1]) is { } k
                ? new WorkerGroup(new WorkerGroupArgs(component, k.Replicas, k.Replicas))
                : new WorkerGroup(new WorkerGroupArgs(component, 0, 0)),
            "keda" => plan?.Consumers.FirstOrDefault(c => c.Name == parts[1]) is { } c
                ? new ScaledConsumer(new ScaledConsumerArgs(component, c.MinReplicas, c.MaxReplicas))
                : new ScaledConsumer(new ScaledConsumerArgs(component, 0, 0)),
            _ => throw new MappingException($"unknown component \"{component}\""),
        };
    }
}
