using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired;

/// <summary>An environment variable: a literal value, or a key of a Secret.</summary>
public sealed record EnvVarModel(string Name, Cloud.Text? Value = null, string? SecretName = null, string? SecretKey = null);

/// <summary>A named container port.</summary>
public sealed record PortModel(string Name, int Port);

/// <summary>
/// A probe: the command <see cref="Exec"/> when set, else HTTP GET on <see cref="HttpPath"/> when set, else a TCP check of
/// <see cref="Port"/>.
/// </summary>
public sealed record ProbeModel(int Port, string? HttpPath, int InitialDelaySeconds, int PeriodSeconds, int TimeoutSeconds = 5, int FailureThreshold = 3, IReadOnlyList<string>? Exec = null);

/// <summary>A volume mounted from a Secret.</summary>
public sealed record SecretVolumeModel(string Name, string SecretName, string MountPath);

/// <summary>One container of a workload.</summary>
public sealed record ContainerModel(
    string Name,
    string Image,
    IReadOnlyList<EnvVarModel> Env,
    IReadOnlyList<PortModel> Ports,
    ProbeModel? ReadinessProbe,
    ProbeModel? LivenessProbe,
    ResourcesConfig? Resources);

/// <summary>
/// A Deployment, typed so that the YAML renderer and the Pulumi program's typed <c>Apps.V1.Deployment</c>
/// read the same fields. <see cref="ToBody"/> gives the manifest body.
/// </summary>
/// <param name="ServiceAccountName">The pods' service account (e.g. for an EKS Pod Identity association); null = the namespace's default.</param>
public sealed record DeploymentModel(
    int? Replicas,
    IReadOnlyList<KeyValuePair<string, string>> SelectorLabels,
    IReadOnlyList<KeyValuePair<string, string>> PodLabels,
    IReadOnlyList<ContainerModel> Containers,
    IReadOnlyList<SecretVolumeModel> SecretVolumes,
    string? ServiceAccountName = null)
{
    /// <summary>The <c>spec</c> of the Deployment manifest.</summary>
    public Tree ToBody()
    {
        var containers = Containers.Select(c => (object)new Tree
        {
            ["name"] = c.Name,
            ["image"] = c.Image,
            ["ports"] = c.Ports.Count == 0 ? null : Tree.ListOf(c.Ports.Select(p => new Tree { ["name"] = p.Name, ["containerPort"] = p.Port })),
            ["env"] = c.Env.Count == 0 ? null : Tree.ListOf(c.Env.Select(EnvTree)),
            ["readinessProbe"] = c.ReadinessProbe is null ? null : ProbeTree(c.ReadinessProbe),
            ["livenessProbe"] = c.LivenessProbe is null ? null : ProbeTree(c.LivenessProbe),
            ["resources"] = ResourcesTree(c.Resources),
            ["volumeMounts"] = SecretVolumes.Count == 0 ? null : Tree.ListOf(SecretVolumes.Select(v => new Tree { ["name"] = v.Name, ["mountPath"] = v.MountPath, ["readOnly"] = true })),
        }).ToArray();

        var podSpec = new Tree
        {
            ["serviceAccountName"] = ServiceAccountName,
            ["containers"] = containers,
            ["volumes"] = SecretVolumes.Count == 0 ? null : Tree.ListOf(SecretVolumes.Select(v => new Tree { ["name"] = v.Name, ["secret"] = new Tree { ["secretName"] = v.SecretName } })),
        };

        return new Tree
        {
            ["spec"] = new Tree
            {
                ["replicas"] = Replicas,
                ["selector"] = new Tree { ["matchLabels"] = Tree.FromStrings(SelectorLabels) },
                ["template"] = new Tree
                {
                    ["metadata"] = new Tree { ["labels"] = Tree.FromStrings(PodLabels) },
                    ["spec"] = podSpec,
                },
            },
        };
    }

    /// <summary>Kubernetes resource requirements as a tree; null when nothing is set.</summary>
    public static Tree? ResourcesTree(ResourcesConfig? r)
    {
        if (r is null)
        {
            return null;
        }

        var requests = new Tree { ["cpu"] = r.RequestsCpu, ["memory"] = r.RequestsMemory };
        var limits = new Tree { ["cpu"] = r.LimitsCpu, ["memory"] = r.LimitsMemory };
        var tree = new Tree { ["requests"] = requests.Count == 0 ? null : requests, ["limits"] = limits.Count == 0 ? null : limits };
        return tree.Count == 0 ? null : tree;
    }

    private static Tree EnvTree(EnvVarModel e) => e.SecretName is null
        ? new Tree { ["name"] = e.Name, ["value"] = e.Value?.ToTreeValue() ?? "" }
        : new Tree { ["name"] = e.Name, ["valueFrom"] = new Tree { ["secretKeyRef"] = new Tree { ["name"] = e.SecretName, ["key"] = e.SecretKey } } };

    private static Tree ProbeTree(ProbeModel p)
    {
        var probe = p.Exec is not null
            ? new Tree { ["exec"] = new Tree { ["command"] = Tree.ListOf(p.Exec) } }
            : p.HttpPath is null
                ? new Tree { ["tcpSocket"] = new Tree { ["port"] = p.Port } }
                : new Tree { ["httpGet"] = new Tree { ["path"] = p.HttpPath, ["port"] = p.Port } };
        probe["initialDelaySeconds"] = p.InitialDelaySeconds;
        probe["periodSeconds"] = p.PeriodSeconds;
        probe["timeoutSeconds"] = p.TimeoutSeconds;
        probe["failureThreshold"] = p.FailureThreshold;
        return probe;
    }
}

/// <summary>A port of a Service.</summary>
public sealed record ServicePortModel(string Name, int Port, int TargetPort);

/// <summary>A ClusterIP Service, typed for the same reason as <see cref="DeploymentModel"/>.</summary>
public sealed record ServiceModel(IReadOnlyList<KeyValuePair<string, string>> Selector, IReadOnlyList<ServicePortModel> Ports)
{
    /// <summary>The <c>spec</c> of the Service manifest.</summary>
    public Tree ToBody() => new()
    {
        ["spec"] = new Tree
        {
            ["type"] = "ClusterIP",
            ["selector"] = Tree.FromStrings(Selector),
            ["ports"] = Tree.ListOf(Ports.Select(p => new Tree { ["name"] = p.Name, ["port"] = p.Port, ["targetPort"] = p.TargetPort, ["protocol"] = "TCP" })),
        },
    };
}
