using Pulumi;

namespace KafkaInfra;

/// <summary>What a <see cref="PlatformComponent"/> is made from: the desired-state component name.</summary>
/// <param name="Component"><c>strimzi</c>, <c>msk</c>, <c>topics</c>, <c>namespaces</c>, <c>connect/&lt;group&gt;</c>, <c>ksqldb/&lt;group&gt;</c> or <c>keda/&lt;consumer&gt;</c>.</param>
public sealed record PlatformComponentArgs(string Component);

/// <summary>
/// One part of the platform as a Pulumi ComponentResource. Its type token comes from the component name
/// (<see cref="Core.Deployment.PulumiLayout.ComponentType"/>): <c>kafka-infra:strimzi:KafkaCluster</c>,
/// <c>kafka-infra:msk:KafkaCluster</c>, <c>kafka-infra:topics:Topics</c>, <c>kafka-infra:k8s:Namespaces</c>,
/// <c>kafka-infra:connect:WorkerGroup</c>, <c>kafka-infra:ksqldb:ServerGroup</c>, <c>kafka-infra:keda:ScaledConsumer</c>.
/// <para>
/// Children are added after construction (parented to it, recorded with <see cref="Adopt"/>) because the platform
/// is declared in dependency order across components (cloud resources dependencies first, Kubernetes objects
/// stage by stage), and a component's children can depend on another component's and the other way round
/// (ksqlDB waits for Connect's stage, Connect's autoscaler waits for ksqlDB's). <see cref="Complete"/> registers
/// the outputs last.
/// </para>
/// </summary>
public sealed class PlatformComponent : ComponentResource
{
    private readonly List<string> _children = [];

    public PlatformComponent(PlatformComponentArgs args, ComponentResourceOptions? options = null)
        : base(Core.Deployment.PulumiLayout.ComponentType(Check(args).Component), Core.Deployment.PulumiLayout.ComponentName(args.Component), options)
    {
        Component = args.Component;
    }

    /// <summary>The desired-state component name.</summary>
    public string Component { get; }

    /// <summary>Records a declared child (by Pulumi name) for the component's outputs.</summary>
    public void Adopt(string childName) => _children.Add(childName);

    /// <summary>Registers the component's outputs; called once, after every child is declared.</summary>
    public void Complete() => RegisterOutputs(new Dictionary<string, object?> { ["children"] = _children.ToArray() });

    private static PlatformComponentArgs Check(PlatformComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args;
    }
}
