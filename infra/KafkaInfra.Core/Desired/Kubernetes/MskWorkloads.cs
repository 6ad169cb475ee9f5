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
        var msk = plan.Config.Cluster.Msk ?? throw new ArgumentException("not an msk: stack (cluster.msk is not set)", nameof(plan));
        var cluster = plan.Config.Cluster.Name;
        var access = Access(cluster, msk);
        var ns = Defaults.MskWorkloadNamespace;

        var objects = new List<KubernetesObject>();
        var namespaces = new List<string>();
        if (plan.KsqlDb.Count > 0)
        {
            namespaces.Add(ns);
        }

        namespaces.AddRange(plan.Consumers.Select(c => c.Config.Namespace));
        objects.AddRange(namespaces.Distinct(StringComparer.Ordinal).Where(n => !KubeObjects.IsBuiltInNamespace(n)).Select(n => KubeObjects.Namespace(n, cluster)));

        foreach (var g in plan.KsqlDb)
        {
            objects.AddRange(KsqlDbRenderer.Build(g, ns, access, Identity(access, $"ksqldb-{g.Name}"), cluster));
        }

        foreach (var c in plan.Consumers)
        {
            objects.AddRange(KedaRenderer.ForConsumer(c, access, Identity(access, c.Name), cluster));
        }

        return objects;
    }

    /// <summary>
    /// The MSK cluster resource's bootstrap output and client settings for <see cref="MskConfig.Authentication"/>:
    /// IAM (and serverless) → <c>bootstrapBrokersSaslIam</c>; SCRAM → <c>bootstrapBrokersSaslScram</c>; TLS → <c>bootstrapBrokersTls</c>.
    /// </summary>
    public static ClientAccess Access(string cluster, MskConfig msk)
    {
        ArgumentNullException.ThrowIfNull(msk);
        var resource = $"{cluster}-msk";
        return msk.Serverless || msk.Authentication == MskAuthentication.Iam
            ? new ClientAccess(Text.Of(new OutputRef(resource, CloudOutput.BootstrapBrokersSaslIam)), ClientSecurity.MskIam, AwsRegion: msk.Region)
            : msk.Authentication == MskAuthentication.Scram
                ? new ClientAccess(Text.Of(new OutputRef(resource, CloudOutput.BootstrapBrokersSaslScram)), ClientSecurity.ScramTls)
                : new ClientAccess(Text.Of(new OutputRef(resource, CloudOutput.BootstrapBrokersTls)), ClientSecurity.Tls);
    }

    /// <summary>
    /// With MSK SCRAM the user name is the client's name and its password lives in a Secret the operator creates in
    /// the workload's namespace, <c>&lt;client&gt;-kafka-scram</c>, with keys <c>password</c> and <c>sasl.jaas.config</c>
    /// (the same shape Strimzi writes); the credentials themselves are MSK's AWS Secrets Manager secrets.
    /// </summary>
    private static ClientIdentity? Identity(ClientAccess access, string client) =>
        access.UsesPassword ? new ClientIdentity(client, $"{client}-kafka-scram") : null;
}
