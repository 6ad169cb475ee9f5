using System.Collections.Immutable;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8sCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace KafkaInfra;

/// <summary>
/// The args of any custom resource (Strimzi, KEDA): apiVersion and kind from the desired state, metadata, and
/// <c>spec</c> as a dictionary of the values Pulumi serialises (bool, int, double, string, nested dictionaries and
/// lists, and <see cref="Output{T}"/> for references, which the serializer awaits).
/// </summary>
public sealed class KubernetesObjectArgs : Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs
{
    public KubernetesObjectArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }
}

/// <summary>
/// Maps each <see cref="KubernetesObject"/> to a typed resource: Namespace, ServiceAccount, ConfigMap, Deployment (from its
/// <see cref="DeploymentModel"/>) and Service (from its <see cref="ServiceModel"/>) through the typed classes,
/// anything served by a CRD through <see cref="K8sCustomResource"/>. Other kinds, or bodies with fields the
/// mapping does not carry, are refused in the check pass.
/// </summary>
internal static class KubernetesMapper
{

    /// <summary>Null when the object can be mapped, else why not (which kinds and body shapes have a mapping is decided, and tested offline, in Core).</summary>
    public static string? Problem(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return PulumiLayout.KubernetesShapeProblem(obj) is { } problem
            ? $"{obj.Kind} {(obj.Namespace is null ? "" : obj.Namespace + "/")}{obj.Name}: {problem}"
            : null;
    }

    /// <summary>
    /// The options of a Kubernetes object: its parent, the objects it needs (<see cref="PulumiLayout.Dependencies"/>),
    /// protect and retainOnDelete (<see cref="PulumiLayout.Safety"/>), and <c>spec.replicas</c> ignored when KEDA owns
    /// the replica count (so server-side apply does not fight the autoscaler).
    /// </summary>
    public static CustomResourceOptions Options(KubernetesObject obj, Resource? parent, IEnumerable<Resource> dependsOn, ObjectSafety? safety = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var options = new CustomResourceOptions { Parent = parent, DependsOn = dependsOn.ToArray() };
        if (safety is { } s)
        {
            options.Protect = s.Protect;
            options.RetainOnDelete = s.RetainOnDelete;
        }

        if (obj.ReplicasOwnedByAutoscaler)
        {
            options.IgnoreChanges.Add("spec.replicas");
        }

        return options;
    }

    /// <summary>Registers the object.</summary>
    public static Resource Declare(KubernetesObject obj, string name, CustomResourceOptions options, CloudRegistry refs)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return (obj.ApiVersion, obj.Kind, obj.Model) switch
        {
            ("v1", "Namespace", _) => new Pulumi.Kubernetes.Core.V1.Namespace(name, new NamespaceArgs { Metadata = Metadata(obj) }, options),
            ("v1", "ServiceAccount", _) => new Pulumi.Kubernetes.Core.V1.ServiceAccount(name, new ServiceAccountArgs { Metadata = Metadata(obj) }, options),
            ("v1", "ConfigMap", _) => new Pulumi.Kubernetes.Core.V1.ConfigMap(name, ConfigMap(obj, refs), options),
            ("apps/v1", "Deployment", DeploymentModel model) => new Pulumi.Kubernetes.Apps.V1.Deployment(name, Deployment(obj, model, refs), options),
            ("v1", "Service", ServiceModel model) => new Pulumi.Kubernetes.Core.V1.Service(name, Service(obj, model), options),
            _ when obj.IsCustomResource => new K8sCustomResource(name, CustomResource(obj, refs), options),
            _ => throw new MappingException($"{obj.ApiVersion}/{obj.Kind} has no mapping in the program"),
        };
    }

    /// <summary>metadata: name, namespace, labels, annotations (including <c>pulumi.com/waitFor</c> where Core set it).</summary>
    public static ObjectMetaArgs Metadata(KubernetesObject obj) => new()
    {
        Name = obj.Name,
        Namespace = obj.Namespace is { } ns ? (Input<string>)ns : null,
        Labels = Map(obj.Labels),
        Annotations = Map(obj.Annotations),
    };

    public static KubernetesObjectArgs CustomResource(KubernetesObject obj, CloudRegistry refs)
    {
        var args = new KubernetesObjectArgs(obj.ApiVersion, obj.Kind) { Metadata = Metadata(obj) };
        if (obj.Body["spec"] is { } spec)
        {
            args.Spec = Value(spec, refs) as ImmutableDictionary<string, object>
                ?? throw new MappingException($"{obj.Kind} {obj.Name}: spec must be a mapping");
        }

        return args;
    }

    /// <summary>
    /// A desired-state value as a Pulumi input value: scalars as they are, trees as dictionaries, lists as
    /// arrays, references as outputs; the serializer awaits nested outputs and records the dependency.
    /// </summary>
    public static object Value(object value, CloudRegistry refs) => value switch
    {
        string or int or double or bool => value,
        OutputRef r => refs.Output(r),
        Tree t => t.ToImmutableDictionary(kv => kv.Key, kv => Value(kv.Value, refs), StringComparer.Ordinal),
        IReadOnlyList<object> list => list.Select(item => Value(item, refs)).ToImmutableArray(),
        _ => throw new MappingException($"cannot map a {value.GetType().Name}"),
    };

    private static ConfigMapArgs ConfigMap(KubernetesObject obj, CloudRegistry refs)
    {
        var args = new ConfigMapArgs { Metadata = Metadata(obj) };
        if (obj.Body["data"] is Tree data)
        {
            args.Data = Data(data, refs);
        }

        return args;
    }

    private static InputMap<string> Data(Tree data, CloudRegistry refs)
    {
        var map = new InputMap<string>();
        foreach (var (k, v) in data)
        {
            map.Add(k, v switch
            {
                string s => s,
                OutputRef r => (Input<string>)refs.Output(r),
                _ => throw new MappingException($"ConfigMap data {k} must be a string, got {v.GetType().Name}"),
            });
        }

        return map;
    }

    private static DeploymentArgs Deployment(KubernetesObject obj, DeploymentModel m, CloudRegistry refs)
    {
        var podSpec = new PodSpecArgs { Containers = m.Containers.Select(c => Container(c, m.SecretVolumes, refs)).ToArray() };
        if (m.SecretVolumes.Count > 0)
        {
            podSpec.Volumes = m.SecretVolumes.Select(v => new VolumeArgs { Name = v.Name, Secret = new SecretVolumeSourceArgs { SecretName = v.SecretName } }).ToArray();
        }

        if (m.ServiceAccountName is { } serviceAccount)
        {
            podSpec.ServiceAccountName = serviceAccount;
        }

        return new DeploymentArgs
        {
            Metadata = Metadata(obj),
            Spec = new DeploymentSpecArgs
            {
                // Present or not as Core decided; when KEDA owns the count the resource also ignores changes to it.
                Replicas = m.Replicas is { } replicas ? replicas : null,
                Selector = new LabelSelectorArgs { MatchLabels = Map(m.SelectorLabels) },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = Map(m.PodLabels) },
                    Spec = podSpec,
                },
            },
        };
    }

    private static ContainerArgs Container(ContainerModel c, IReadOnlyList<SecretVolumeModel> volumes, CloudRegistry refs)
    {
        var args = new ContainerArgs
        {
            Name = c.Name,
            Image = c.Image,
            ReadinessProbe = Probe(c.ReadinessProbe),
            LivenessProbe = Probe(c.LivenessProbe),
            Resources = Resources(c.Resources),
        };
        if (c.Ports.Count > 0)
        {
            args.Ports = c.Ports.Select(p => new ContainerPortArgs { Name = p.Name, ContainerPortValue = p.Port }).ToArray();
        }

        if (c.Env.Count > 0)
        {
            args.Env = c.Env.Select(e => Env(e, refs)).ToArray();
        }

        if (volumes.Count > 0)
        {
            args.VolumeMounts = volumes.Select(v => new VolumeMountArgs { Name = v.Name, MountPath = v.MountPath, ReadOnly = true }).ToArray();
        }

        return args;
    }

    /// <summary>An env var; a value that is another resource's output (the MSK bootstrap string, say) is resolved.</summary>
    private static EnvVarArgs Env(EnvVarModel e, CloudRegistry refs) => e.SecretName is null
        ? new EnvVarArgs { Name = e.Name, Value = e.Value is null ? "" : refs.Resolve(e.Value) }
        : new EnvVarArgs
        {
            Name = e.Name,
            ValueFrom = new EnvVarSourceArgs
            {
                SecretKeyRef = new SecretKeySelectorArgs
                {
                    Name = e.SecretName,
                    Key = e.SecretKey ?? throw new MappingException($"env {e.Name} reads secret {e.SecretName} without a key"),
                },
            },
        };

    private static Input<ProbeArgs>? Probe(ProbeModel? p)
    {
        if (p is null)
        {
            return null;
        }

        var probe = new ProbeArgs
        {
            InitialDelaySeconds = p.InitialDelaySeconds,
            PeriodSeconds = p.PeriodSeconds,
            TimeoutSeconds = p.TimeoutSeconds,
            FailureThreshold = p.FailureThreshold,
        };
        if (p.Exec is not null)
        {
            probe.Exec = new ExecActionArgs { Command = p.Exec.ToArray() };
        }
        else if (p.HttpPath is null)
        {
            probe.TcpSocket = new TCPSocketActionArgs { Port = p.Port };
        }
        else
        {
            probe.HttpGet = new HTTPGetActionArgs { Path = p.HttpPath, Port = p.Port };
        }

        return probe;
    }

    private static Input<ResourceRequirementsArgs>? Resources(ResourcesConfig? r)
    {
        if (r is null)
        {
            return null;
        }

        var args = new ResourceRequirementsArgs();
        if (r.RequestsCpu is not null || r.RequestsMemory is not null)
        {
            args.Requests = Map(Pairs(("cpu", r.RequestsCpu), ("memory", r.RequestsMemory)));
        }

        if (r.LimitsCpu is not null || r.LimitsMemory is not null)
        {
            args.Limits = Map(Pairs(("cpu", r.LimitsCpu), ("memory", r.LimitsMemory)));
        }

        return args;
    }

    private static ServiceArgs Service(KubernetesObject obj, ServiceModel m) => new()
    {
        Metadata = Metadata(obj),
        Spec = new ServiceSpecArgs
        {
            Type = "ClusterIP",
            Selector = Map(m.Selector),
            Ports = m.Ports.Select(p => new ServicePortArgs { Name = p.Name, Port = p.Port, TargetPort = p.TargetPort, Protocol = "TCP" }).ToArray(),
        },
    };

    private static IEnumerable<KeyValuePair<string, string>> Pairs(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!));

    private static InputMap<string> Map(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new InputMap<string>();
        foreach (var (k, v) in pairs)
        {
            map.Add(k, v);
        }

        return map;
    }
}
