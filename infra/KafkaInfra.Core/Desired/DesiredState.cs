namespace KafkaInfra.Core.Desired;

/// <summary>
/// Creation order of Kubernetes objects; the Pulumi program makes each stage depend on the one before, so CRs are
/// never applied before what they need (namespaces → Kafka and node pools → users and topics → Connect and
/// connectors → ksqlDB → KEDA).
/// </summary>
public enum ObjectStage
{
    Namespaces = 0,
    Cluster = 1,
    TopicsAndUsers = 2,
    Connect = 3,
    KsqlDb = 4,
    Autoscaling = 5,
}

/// <summary>
/// One Kubernetes object of the desired state, as a plain tree (no Pulumi types). The renderer of YAML and the
/// Pulumi program both consume exactly this.
/// </summary>
/// <param name="ApiVersion">e.g. <c>kafka.strimzi.io/v1</c>.</param>
/// <param name="Kind">e.g. <c>KafkaTopic</c>.</param>
/// <param name="Name">metadata.name.</param>
/// <param name="Namespace">metadata.namespace; null for cluster-scoped objects (Namespace).</param>
/// <param name="Labels">metadata.labels, in order.</param>
/// <param name="Annotations">metadata.annotations, in order (includes <c>pulumi.com/waitFor</c> where the object should be waited on).</param>
/// <param name="Body">Every top-level field after metadata (<c>spec</c>, <c>data</c>, ...).</param>
/// <param name="Component">The ComponentResource that owns it in the Pulumi program, e.g. <c>strimzi</c>, <c>topics</c>, <c>connect/sinks</c>.</param>
/// <param name="Stage">Creation stage.</param>
/// <param name="ReplicasOwnedByAutoscaler">True when KEDA owns <c>spec.replicas</c>: the Pulumi layer must ignore changes to it.</param>
/// <param name="Model">For core workload kinds, the typed model the body was made from (<see cref="DeploymentModel"/>,
/// <see cref="ServiceModel"/>), so the Pulumi program can build typed resources from the same fields; null otherwise.</param>
public sealed record KubernetesObject(
    string ApiVersion,
    string Kind,
    string Name,
    string? Namespace,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Annotations,
    Tree Body,
    string Component,
    ObjectStage Stage,
    bool ReplicasOwnedByAutoscaler = false,
    object? Model = null)
{
    /// <summary>True for kinds served by a CRD (anything outside the core Kubernetes groups).</summary>
    public bool IsCustomResource => ApiVersion.Contains('.', StringComparison.Ordinal) && !ApiVersion.StartsWith("apps/", StringComparison.Ordinal);

    /// <summary>Deterministic, unique file name for rendering: <c>&lt;stage&gt;-&lt;kind&gt;-&lt;namespace&gt;-&lt;name&gt;.yaml</c>.</summary>
    public string FileName =>
        $"{(int)Stage:00}-{Kind.ToLowerInvariant()}-{(Namespace is null ? "" : Namespace + "-")}{Name}.yaml";

    /// <summary>The full manifest: apiVersion, kind, metadata, then the body.</summary>
    public Tree ToManifest()
    {
        var metadata = new Tree { ["name"] = Name, ["namespace"] = Namespace };
        if (Labels.Count > 0)
        {
            metadata["labels"] = Tree.FromStrings(Labels);
        }

        if (Annotations.Count > 0)
        {
            metadata["annotations"] = Tree.FromStrings(Annotations);
        }

        var manifest = new Tree { ["apiVersion"] = ApiVersion, ["kind"] = Kind, ["metadata"] = metadata };
        foreach (var (k, v) in Body)
        {
            manifest[k] = v;
        }

        return manifest;
    }
}

/// <summary>Options for a cloud or Kafka-provider resource, named as Pulumi's resource options.</summary>
/// <param name="Protect">Pulumi refuses to delete the resource.</param>
/// <param name="IgnoreChanges">Input property paths (camelCase) whose changes are ignored.</param>
/// <param name="DependsOn">Names of other <see cref="CloudResource"/>s this one waits for.</param>
/// <param name="Provider">Name of the provider resource (a <see cref="CloudResource"/> whose spec is a provider) to use.</param>
public sealed record CloudResourceOptions(
    bool Protect = false,
    IReadOnlyList<string>? IgnoreChanges = null,
    IReadOnlyList<string>? DependsOn = null,
    string? Provider = null)
{
    public static CloudResourceOptions None { get; } = new();
}

/// <summary>
/// One AWS, Kafka-provider or provider resource of the desired state: a name, its typed inputs
/// (<see cref="Cloud.CloudSpec"/>), options and owning component. The Pulumi program maps the spec to its typed
/// <c>Args</c>; <c>kafka-infra render</c> writes the same record as JSON.
/// </summary>
/// <param name="Name">Pulumi resource name (unique in the stack; prefixed with the cluster name).</param>
/// <param name="Spec">The typed inputs.</param>
/// <param name="Options">Resource options.</param>
/// <param name="Component">The ComponentResource that owns it, e.g. <c>msk</c>, <c>topics</c>, <c>connect/sinks</c>.</param>
public sealed record CloudResource(string Name, Cloud.CloudSpec Spec, CloudResourceOptions Options, string Component)
{
    /// <summary>The Pulumi type token of the resource (<see cref="Cloud.CloudSpecs.TypeToken"/>).</summary>
    public string Type => Cloud.CloudSpecs.TypeToken(Spec);
}

/// <summary>Everything a stack declares, in creation order. Deterministic for the same plan.</summary>
/// <param name="Kubernetes">Kubernetes objects, ordered by stage then as rendered.</param>
/// <param name="Cloud">AWS and Kafka-provider resources, dependencies first.</param>
public sealed record DesiredState(IReadOnlyList<KubernetesObject> Kubernetes, IReadOnlyList<CloudResource> Cloud)
{
    public static DesiredState Empty { get; } = new([], []);
}
