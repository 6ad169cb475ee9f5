using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.External;

/// <summary>
/// Everything a stack declares against a cluster it does not own (<c>cluster.external</c>, docs/external.md): the
/// Kafka provider configured from the external settings, the topics through it (the same <c>kafka:index/topic:Topic</c>
/// path as MSK), least-privilege ACLs with SCRAM, and KEDA's ScaledObjects behind one ClusterTriggerAuthentication that
/// reads the Secrets the user names. No broker, node pool, storage or Cruise Control.
/// </summary>
public static class ExternalDesiredState
{
    /// <summary>
    /// Stack config the program reads for the PEM CA the deployer's Kafka provider verifies the brokers with (its
    /// <c>ca_cert</c>, PEM text or a file path: Mongey/terraform-provider-kafka v0.13.1 <c>kafka/config.go</c>
    /// <c>parsePemOrLoadFromFile</c>). Unset: the system's trusted CAs.
    /// </summary>
    public const string CaCertConfigKey = "kafka:caCert";

    /// <summary>The component of the provider and KEDA's cluster authentication (<c>kafka-infra:external:KafkaCluster</c>).</summary>
    public const string Component = "external";

    /// <summary>
    /// KEDA's kafka scaler authentication parameters (kedacore/keda v2.20.2 <c>pkg/scalers/kafka_scaler.go</c>;
    /// platform-facts 2.2): <c>username</c>/<c>password</c> for SASL, <c>cert</c>/<c>key</c> for a client certificate, <c>ca</c>.
    /// The Secret keys are those of <c>kubernetes.io/tls</c> Secrets for the certificate.
    /// </summary>
    public static IReadOnlyList<(string Parameter, string Key)> KedaSecretKeys(ExternalAuthentication authentication) => authentication switch
    {
        ExternalAuthentication.ScramSha512 => [("username", "username"), ("password", "password")],
        ExternalAuthentication.Tls => [("cert", "tls.crt"), ("key", "tls.key")],
        _ => [],
    };

    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var e = plan.Config.Cluster.External ?? throw new ArgumentException("not an external stack (cluster.external is not set)", nameof(plan));
        return new DesiredState(Workloads(plan, e), Cloud(plan, e));
    }

    /// <summary>How in-cluster clients (KEDA) reach the brokers: the literal bootstrap list, SCRAM or not, TLS or not.</summary>
    public static ClientAccess Access(ExternalConfig e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var security = (e.Authentication, e.Tls) switch
        {
            (ExternalAuthentication.ScramSha512, true) => ClientSecurity.ScramTls,
            (ExternalAuthentication.ScramSha512, false) => ClientSecurity.ScramPlain,
            (_, true) => ClientSecurity.Tls,
            _ => ClientSecurity.Plain,
        };
        return new ClientAccess(e.BootstrapServers, security, e.CaSecret?.Name, e.CaSecret?.Key ?? Defaults.ExternalCaKey);
    }

    private static List<KubernetesObject> Workloads(CapacityPlan plan, ExternalConfig e)
    {
        var cluster = plan.Config.Cluster.Name;
        var objects = new List<KubernetesObject>();
        if (plan.Consumers.Count == 0)
        {
            return objects;
        }

        var refs = new List<object>();
        if (e.KedaSecret is { } secret)
        {
            refs.AddRange(KedaSecretKeys(e.Authentication).Select(p => (object)SecretRef(p.Parameter, secret, p.Key)));
        }

        if (e.Tls && e.CaSecret is { } ca)
        {
            refs.Add(SecretRef("ca", ca.Name, ca.Key));
        }

        string? authName = null;
        if (refs.Count > 0)
        {
            // One cluster-scoped object for every trigger: it reads Secrets from KEDA's cluster-object namespace only (platform-facts 8.1).
            authName = KafkaResources.KedaClusterTriggerAuthentication(cluster);
            objects.Add(new KubernetesObject(KedaRenderer.ApiVersion, KedaRenderer.ClusterKind, authName, null,
                KubeObjects.Labels("keda", cluster), KubeObjects.None,
                new Tree { ["spec"] = new Tree { ["secretTargetRef"] = refs.ToArray() } },
                Component, ObjectStage.Autoscaling));
        }

        var access = Access(e);
        foreach (var c in plan.Consumers)
        {
            objects.AddRange(KedaRenderer.ForConsumer(c, access, null, cluster, authName));
        }

        return objects;
    }

    private static Tree SecretRef(string parameter, string name, string key) => new() { ["parameter"] = parameter, ["name"] = name, ["key"] = key };

    private static List<CloudResource> Cloud(CapacityPlan plan, ExternalConfig e)
    {
        var c = plan.Config.Cluster.Name;
        var provider = MskCloudResources.ProviderResourceName(c);
        var scram = e.Authentication == ExternalAuthentication.ScramSha512;
        var resources = new List<CloudResource>
        {
            // The deployer's secrets (kafka:saslPassword, kafka:clientCert/clientKey, kafka:caCert) are read by the program, never rendered.
            new(provider, new KafkaProviderSpec(
                e.BootstrapServers,
                e.Tls,
                MskCloudResources.ProtocolVersion(plan.Config.Cluster.KafkaVersion),
                scram ? KafkaSaslMechanism.ScramSha512 : null,
                null,
                scram ? e.AdminUsername : null), CloudResourceOptions.None, Component),
        };
        foreach (var t in plan.Topics)
        {
            // Protected in prod unless allowDeletion.topics names it: a removal deletes the topic and its data.
            resources.Add(new CloudResource(
                MskCloudResources.TopicResourceName(c, t.Name),
                new KafkaTopicSpec(t.Name, t.Partitions, t.ReplicationFactor, new StringMap(t.KafkaConfig)),
                new CloudResourceOptions(Protect: plan.Config.IsProd && !plan.Config.Deletions.AllowsTopic(t.Name), Provider: provider),
                "topics"));
        }

        if (e.DeclaresAcls)
        {
            foreach (var principal in Grants(plan))
            {
                foreach (var grant in principal.Grants)
                {
                    foreach (var operation in grant.Operations)
                    {
                        var pattern = grant.Pattern == AclPattern.Prefixed ? "prefixed-" : "";
                        resources.Add(new CloudResource(
                            $"{c}-acl-{principal.Username}-{grant.Resource.ToString().ToLowerInvariant()}-{pattern}{grant.Name}-{operation.ToLowerInvariant()}",
                            new KafkaAclSpec(principal.Principal, grant.Host, operation, "Allow", grant.Name,
                                grant.Resource == AclResource.TransactionalId ? "TransactionalID" : grant.Resource.ToString(), grant.Pattern.ToString()),
                            new CloudResourceOptions(Provider: provider),
                            "topics"));
                    }
                }
            }
        }

        return resources;
    }

    /// <summary>One principal's grants with the host each applies to.</summary>
    public sealed record HostGrant(AclResource Resource, string Name, AclPattern Pattern, IReadOnlyList<string> Operations, string Host);

    /// <summary>A SCRAM principal (<c>User:&lt;Username&gt;</c>) and its grants.</summary>
    public sealed record PrincipalGrants(string Username, IReadOnlyList<HostGrant> Grants)
    {
        public string Principal => "User:" + Username;
    }

    /// <summary>
    /// The ACLs declared with SCRAM, by user name: each consumer (<see cref="KafkaAcls.Consumer"/>: Read and Describe on
    /// its topics and group), each producer (Write and Describe on its topics, IdempotentWrite on the cluster, Write and
    /// Describe on its transactional-id prefix: issue 16 item 1), and each <c>users[]</c> entry exactly as declared.
    /// </summary>
    public static IReadOnlyList<PrincipalGrants> Grants(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        static HostGrant Any(AclGrant g) => new(g.Resource, g.Name, g.Pattern, g.Operations, "*");
        var result = new List<PrincipalGrants>();
        foreach (var consumer in plan.Consumers)
        {
            var grants = consumer.Config.Topics.Where(t => t != consumer.Config.Topic).Distinct(StringComparer.Ordinal).Select(t => AclGrant.Topic(t, "Read", "Describe"));
            result.Add(new PrincipalGrants(consumer.Name, [.. KafkaAcls.Consumer(consumer).Grants.Concat(grants).Select(Any)]));
        }

        foreach (var p in plan.Config.Producers)
        {
            var grants = p.Topics.Distinct(StringComparer.Ordinal).Select(t => AclGrant.Topic(t, "Write", "Describe")).Append(AclGrant.Cluster("IdempotentWrite")).ToList();
            if (p.TransactionalIdPrefix is { } prefix)
            {
                grants.Add(new AclGrant(AclResource.TransactionalId, prefix, AclPattern.Prefixed, ["Write", "Describe"]));
            }

            result.Add(new PrincipalGrants(p.Name, [.. grants.Select(Any)]));
        }

        foreach (var u in plan.Config.Users)
        {
            result.Add(new PrincipalGrants(u.Name, [.. u.Acls.Select(rule => new HostGrant(
                rule.Resource.Type switch
                {
                    "group" => AclResource.Group,
                    "cluster" => AclResource.Cluster,
                    "transactionalId" => AclResource.TransactionalId,
                    _ => AclResource.Topic,
                },
                rule.Resource.Type == "cluster" ? AclGrant.ClusterName : rule.Resource.Name ?? "*",
                rule.Resource.PatternType == "prefix" ? AclPattern.Prefixed : AclPattern.Literal,
                rule.Operations,
                rule.Host))]));
        }

        return result;
    }
}
