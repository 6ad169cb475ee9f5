namespace KafkaInfra.Core.Config;

/// <summary>Rules across the cluster and its clients: which listener each client uses, and what prod refuses.</summary>
public static partial class StackConfigLoader
{
    /// <summary>The optional <c>listener</c> of a consumer, Connect group or ksqlDB group.</summary>
    private static string? ReadListenerChoice(ObjectReader r) => r.String("listener", expected: "the name of a listener in cluster.strimzi.listeners");

    private static void CheckStrimziShape(ClusterConfig? cluster, DeploymentEnvironment? environment, List<ConsumerConfig> consumers, List<ConnectGroupConfig> connect, List<KsqlDbGroupConfig> ksql, ErrorBag errors)
    {
        var clients = consumers.Select(c => (c.Path, c.Listener))
            .Concat(connect.Select(g => (g.Path, g.Listener)))
            .Concat(ksql.Select(g => (g.Path, g.Listener)))
            .ToList();
        if (cluster?.Strimzi is not { } strimzi)
        {
            // MSK (or a cluster that did not load): listeners and Connect worker config are Strimzi's.
            if (cluster is not null)
            {
                foreach (var (path, _) in clients.Where(c => c.Listener is not null))
                {
                    errors.Add($"{path}.listener", "applies to Strimzi clusters only; MSK clients use the bootstrap brokers of cluster.msk.authentication");
                }
            }

            return;
        }

        var clusterPath = ConfigKeys.Qualified(ConfigKeys.Cluster) + ".strimzi";
        if (environment == DeploymentEnvironment.Prod)
        {
            var i = 0;
            foreach (var l in strimzi.Listeners)
            {
                if (l.Authentication == ListenerAuthentication.None)
                {
                    errors.Add($"{clusterPath}.listeners[{i}].authentication", $"must not be none in prod: listener {Describe.Quote(l.Name)} would accept unauthenticated clients; use scram-sha-512 or tls");
                }

                i++;
            }

            foreach (var p in strimzi.NodePools.Where(p => p.IsBroker && p.Storage.HasEphemeral))
            {
                errors.Add($"{clusterPath}.nodePools[{p.Index}].storage", $"must not be ephemeral for broker pool {Describe.Quote(p.Name)} in prod: its partitions are lost whenever a pod restarts");
            }
        }

        foreach (var g in connect)
        {
            GuardConfig(g.WorkerConfig ?? StrimziDefaults.NoConfig, $"{g.Path}.workerConfig", StrimziDefaults.ConnectForbiddenPrefixes, StrimziDefaults.ConnectForbiddenExceptions, StrimziDefaults.PlannerConnectKeys, "KafkaConnect spec.config", errors);
        }

        foreach (var (path, name) in clients)
        {
            if (ClientListenerProblem(strimzi, name) is { } problem)
            {
                errors.Add($"{path}.listener", problem);
            }
        }
    }

    /// <summary>
    /// Why a client cannot use the listener <paramref name="name"/> (null: the default one), or null when it can. The
    /// clients kafka-infra renders run inside the cluster and log in with a KafkaUser's SCRAM credentials.
    /// </summary>
    internal static string? ClientListenerProblem(StrimziConfig strimzi, string? name)
    {
        var names = string.Join(", ", strimzi.Listeners.Select(l => l.Name));
        if (strimzi.ClientListener(name) is not { } l)
        {
            return name is null
                ? $"is required: the cluster has no internal TLS listener with scram-sha-512 to default to; name one of: {names}"
                : $"names listener {Describe.Quote(name)}, which is not in cluster.strimzi.listeners ({names})";
        }

        if (!l.IsInCluster)
        {
            return $"names listener {Describe.Quote(l.Name)} of type {l.Type}: its brokers advertise addresses outside the Kubernetes cluster; in-cluster clients use an internal or cluster-ip listener";
        }

        return l.Authentication == ListenerAuthentication.ScramSha512
            ? null
            : $"names listener {Describe.Quote(l.Name)} with authentication {l.AuthenticationType ?? "none"}: kafka-infra's clients log in with SCRAM-SHA-512 KafkaUsers, so they need a listener with authentication scram-sha-512";
    }
}
