using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;

namespace KafkaInfra.Core.Deployment;

/// <summary>
/// How the Pulumi program lays a <see cref="DesiredState"/> out: the ComponentResource type of each component,
/// resource names, the dependencies and protection of Kubernetes objects (PulumiLayout.Dependencies.cs), and the checks that every name a resource
/// refers to exists before anything is registered. Pure, so it is tested offline.
/// </summary>
public static partial class PulumiLayout
{
    /// <summary>The ComponentResource type token for a component name (<c>strimzi</c>, <c>connect/sinks</c>, ...).</summary>
    public static string ComponentType(string component) =>
        ComponentTypeOrNull(component) ?? throw new ArgumentException(UnknownComponent(component), nameof(component));

    /// <summary>The type token, or null for a name that is not one of the component names.</summary>
    public static string? ComponentTypeOrNull(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Split('/') switch
        {
            ["strimzi"] => "kafka-infra:strimzi:KafkaCluster",
            ["msk"] => "kafka-infra:msk:KafkaCluster",
            ["external"] => "kafka-infra:external:KafkaCluster",
            ["topics"] => "kafka-infra:topics:Topics",
            ["namespaces"] => "kafka-infra:k8s:Namespaces",
            ["connect", { Length: > 0 }] => "kafka-infra:connect:WorkerGroup",
            ["ksqldb", { Length: > 0 }] => "kafka-infra:ksqldb:ServerGroup",
            ["keda", { Length: > 0 }] => "kafka-infra:keda:ScaledConsumer",
            _ => null,
        };
    }

    /// <summary>The ComponentResource's name: the component with <c>/</c> replaced by <c>-</c> (<c>connect-sinks</c>).</summary>
    public static string ComponentName(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Replace('/', '-');
    }

    /// <summary>
    /// A cloud resource's Pulumi name: its desired-state name as it is (<c>events-msk</c>), already unique in the stack
    /// and prefixed with the cluster name. Not prefixed again with the component: AWS derives physical names from it
    /// where no explicit name is set (IAM roles, policies), and a longer name would change them and push IAM role
    /// names past their 64-character limit. The component is the resource's parent.
    /// </summary>
    public static string ChildName(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Name;
    }

    /// <summary>A Kubernetes object's Pulumi name: its component's name, then <c>namespace/name</c> (or just the name when cluster-scoped).</summary>
    public static string ChildName(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Namespace is null
            ? $"{ComponentName(obj.Component)}-{obj.Name}"
            : $"{ComponentName(obj.Component)}-{obj.Namespace}/{obj.Name}";
    }

    /// <summary>Every component, in order of first appearance (cloud resources first, then Kubernetes objects).</summary>
    public static IReadOnlyList<string> Components(DesiredState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Cloud.Select(c => c.Component).Concat(state.Kubernetes.Select(k => k.Component)).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static readonly string[] CustomResourceBody = ["spec"];
    private static readonly string[] ConfigMapBody = ["data"];

    /// <summary>
    /// Null when the Pulumi program has a typed mapping for the object's kind and body, else why not. The program
    /// maps exactly these: v1/Namespace and v1/ServiceAccount (metadata only), v1/ConfigMap (data), apps/v1/Deployment
    /// and v1/Service (from their typed models), and any kind served by a CRD (spec) through CustomResource.
    /// </summary>
    public static string? KubernetesShapeProblem(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var fields = obj.Body.Keys.ToArray();
        return (obj.ApiVersion, obj.Kind) switch
        {
            ("v1", "Namespace") => fields.Length == 0 ? null : $"a Namespace body must be empty, got {string.Join(", ", fields)}",
            ("v1", "ServiceAccount") => fields.Length == 0 ? null : $"a ServiceAccount body must be empty, got {string.Join(", ", fields)}",
            ("v1", "ConfigMap") => fields.Except(ConfigMapBody).Any()
                ? $"a ConfigMap body may only have data, got {string.Join(", ", fields)}"
                : obj.Body["data"] is null or Tree ? null : "a ConfigMap's data must be a mapping",
            ("apps/v1", "Deployment") => obj.Model is DeploymentModel ? OnlySpec(fields) : "a Deployment needs its DeploymentModel",
            ("v1", "Service") => obj.Model is ServiceModel ? OnlySpec(fields) : "a Service needs its ServiceModel",
            _ when obj.IsCustomResource => OnlySpec(fields),
            _ => $"{obj.ApiVersion}/{obj.Kind} has no mapping in the program (it maps v1/Namespace, v1/ServiceAccount, v1/ConfigMap, apps/v1/Deployment, v1/Service and custom resources)",
        };
    }

    private static string? OnlySpec(string[] fields) =>
        fields.Except(CustomResourceBody).Any() ? $"the body may only have spec, got {string.Join(", ", fields)}" : null;

    /// <summary>
    /// Every reference that cannot be honoured, all at once: duplicate resource names, <c>dependsOn</c>, <c>provider</c>
    /// and output references naming something that is not an earlier cloud resource (the cloud list is ordered
    /// dependencies first), a provider that is not a provider resource, an output the referenced resource does not
    /// provide (<see cref="CloudSpecs.Outputs"/>), and unknown components.
    /// </summary>
    public static IReadOnlyList<Diagnostic> ReferenceProblems(DesiredState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<Diagnostic>();
        var earlier = new Dictionary<string, CloudResource>(StringComparer.Ordinal);
        foreach (var resource in state.Cloud)
        {
            var path = $"resource {resource.Name} ({resource.Type})";
            CheckComponent(path, resource.Component, problems);
            foreach (var dependency in resource.Options.DependsOn ?? [])
            {
                if (!earlier.ContainsKey(dependency))
                {
                    problems.Add(new Diagnostic(path, $"dependsOn \"{dependency}\" is not a resource declared before it"));
                }
            }

            if (resource.Options.Provider is { } provider)
            {
                if (!earlier.TryGetValue(provider, out var p))
                {
                    problems.Add(new Diagnostic(path, $"provider \"{provider}\" is not a resource declared before it"));
                }
                else if (!CloudSpecs.IsProvider(p.Spec))
                {
                    problems.Add(new Diagnostic(path, $"provider \"{provider}\" is a {p.Type}, not a provider resource"));
                }
            }

            foreach (var reference in CloudJson.Refs(resource.Spec))
            {
                CheckRef(path, reference, earlier, problems);
            }

            if (!earlier.TryAdd(resource.Name, resource))
            {
                problems.Add(new Diagnostic(path, "is declared twice (resource names must be unique in the stack)"));
            }
        }

        foreach (var obj in state.Kubernetes)
        {
            var path = $"{obj.Kind} {(obj.Namespace is null ? "" : obj.Namespace + "/")}{obj.Name}";
            CheckComponent(path, obj.Component, problems);
            foreach (var reference in Tree.References(obj.Body))
            {
                CheckRef(path, reference, earlier, problems);
            }
        }

        return problems;
    }

    /// <summary>Problems of one reference made by a value outside the desired state (a stack output), against the state's cloud resources.</summary>
    public static IReadOnlyList<Diagnostic> OutputProblems(string path, Text value, DesiredState state)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<Diagnostic>();
        if (value is Text.Ref r)
        {
            var all = new Dictionary<string, CloudResource>(StringComparer.Ordinal);
            foreach (var resource in state.Cloud)
            {
                all.TryAdd(resource.Name, resource);
            }

            CheckRef(path, r.Source, all, problems);
        }

        return problems;
    }

    private static void CheckRef(string path, OutputRef reference, Dictionary<string, CloudResource> earlier, List<Diagnostic> problems)
    {
        if (!earlier.TryGetValue(reference.Resource, out var target))
        {
            problems.Add(new Diagnostic(path, $"refers to {reference}, but \"{reference.Resource}\" is not a cloud resource declared before it"));
        }
        else if (!CloudSpecs.Outputs(target.Spec).Contains(reference.Output))
        {
            var known = CloudSpecs.Outputs(target.Spec);
            problems.Add(new Diagnostic(path, $"refers to {reference}, but a {target.Type} provides no output \"{reference.OutputName}\"" +
                (known.Count == 0 ? " (it provides none)" : $"; it provides {string.Join(", ", known.Select(o => new OutputRef(reference.Resource, o).OutputName))}")));
        }
    }

    private static void CheckComponent(string path, string component, List<Diagnostic> problems)
    {
        if (ComponentTypeOrNull(component) is null)
        {
            problems.Add(new Diagnostic(path, UnknownComponent(component)));
        }
    }

    private static string UnknownComponent(string component) =>
        $"unknown component \"{component}\": expected strimzi, msk, external, topics, namespaces, connect/<group>, ksqldb/<group> or keda/<consumer>";
}
