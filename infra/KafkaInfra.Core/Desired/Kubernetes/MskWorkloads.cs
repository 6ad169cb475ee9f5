using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>
/// The Kubernetes side of an msk: stack (on EKS): namespaces, ksqlDB servers and KEDA scalers, connected to the MSK
/// cluster's bootstrap output for its authentication mode.
/// </summary>
public static class MskWorkloads
{
    /// <summary>Namespaces, ksqlDB Deployments + Services, and KEDA objects, in creation order.</summary>
    public static IReadOnlyList<KubernetesObject> Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var msk = plan.Config.Cluster.Platform as MskPlatform ?? throw new ArgumentException("not an msk: stack (cluster.msk is not set)", nameof(plan));
        var cluster = plan.Config.Cluster.Name;
        var ns = Defaults.MskWorkloadNamespace;

        var objects = new List<KubernetesObject>();

        // The ksqlDB namespace is the stack's own (kept on delete, protected in prod by the Pulumi program); consumer
        // namespaces are never declared: they exist already and hold the workloads KEDA scales (platform-facts.md 8.3).
        if (plan.KsqlDb.Count > 0 && !KubeObjects.IsBuiltInNamespace(ns) && !plan.Consumers.Any(c => c.Config.Namespace == ns))
        {
            objects.Add(KubeObjects.Namespace(ns, cluster));
        }

        // Each client connects with its own mechanism (its authentication, else the cluster's first) and that
        // mechanism's bootstrap output.
        foreach (var g in plan.KsqlDb)
        {
            var access = Access(cluster, msk, msk.MechanismOf(g.Config.Authentication));
            objects.AddRange(KsqlDbRenderer.Build(g, ns, access, Identity(access, KafkaResources.KsqlDbUser(g.Name), KafkaResources.KsqlDbUser(g.Name)), cluster));
        }

        foreach (var c in plan.Consumers)
        {
            var access = Access(cluster, msk, msk.MechanismOf(c.Config.Authentication));

            // The SCRAM user is <namespace>-<name> (KafkaAcls.Consumer); the Secret keeps the consumer's name in its namespace.
            objects.AddRange(KedaRenderer.ForConsumer(c, access, Identity(access, KafkaResources.ConsumerUser(c.Config), c.Name), cluster));
        }

        return objects;
    }

    /// <summary>
    /// The MSK cluster resource's bootstrap output (<see cref="MskPlatform.BootstrapOutput"/>) and the client settings
    /// for the platform's authentication: IAM (always on serverless), SCRAM over TLS, or TLS.
    /// </summary>
    public static ClientAccess Access(string cluster, MskPlatform msk) => Access(cluster, msk, (msk ?? throw new ArgumentNullException(nameof(msk))).Authentication);

    /// <summary>The client settings and bootstrap output of one mechanism of the cluster (IAM 9098, SCRAM 9096, TLS 9094).</summary>
    public static ClientAccess Access(string cluster, MskPlatform msk, MskAuthentication mechanism)
    {
        ArgumentNullException.ThrowIfNull(msk);
        var bootstrap = Text.Of(MskOutputs.BootstrapOf(cluster, mechanism));
        return mechanism switch
        {
            MskAuthentication.Iam => new ClientAccess(bootstrap, ClientSecurity.MskIam, AwsRegion: msk.Config.Region),
            MskAuthentication.Scram => new ClientAccess(bootstrap, ClientSecurity.ScramTls),
            _ => new ClientAccess(bootstrap, ClientSecurity.Tls),
        };
    }

    /// <summary>
    /// With MSK SCRAM the user name is the client's SCRAM user (<see cref="KafkaAcls.For"/>) and its password lives in a
    /// Secret the operator creates in the workload's namespace, <c>&lt;client&gt;-kafka-scram</c>, with keys
    /// <c>password</c> and <c>sasl.jaas.config</c> (the same shape Strimzi writes); the credentials themselves are MSK's
    /// AWS Secrets Manager secrets.
    /// </summary>
    private static ClientIdentity? Identity(ClientAccess access, string username, string client) =>
        access.UsesPassword ? new ClientIdentity(username, KafkaResources.MskScramSecret(client)) : null;
}
