namespace KafkaInfra.Core.Config;

/// <summary>Rules across the cluster and its clients: which listener each client uses, and what prod refuses.</summary>
public static partial class StackConfigLoader
{
    /// <summary>The clients that choose a listener, as read (valid or not).</summary>
    private sealed record ListenerClients(
        List<ConsumerConfig> Consumers,
        List<ProducerConfig> Producers,
        List<ConnectGroupConfig> Connect,
        List<KsqlDbGroupConfig> KsqlDb,
        List<UserConfig> Users);

    /// <summary>The optional <c>listener</c> of a consumer, producer, Connect group or ksqlDB group.</summary>
    private static string? ReadListenerChoice(ObjectReader r) => r.String("listener", expected: "the name of a listener in cluster.strimzi.listeners");

    private static void CheckStrimziShape(ClusterConfig? cluster, DeploymentEnvironment? environment, ListenerClients all, ErrorBag errors)
    {
        var clients = all.Consumers.Select(c => (c.Path, c.Listener))
            .Concat(all.Producers.Select(p => (p.Path, p.Listener)))
            .Concat(all.Connect.Select(g => (g.Path, g.Listener)))
            .Concat(all.KsqlDb.Select(g => (g.Path, g.Listener)))
            .ToList();
        var connect = all.Connect;
        if (cluster?.Strimzi is not { } strimzi)
        {
            // MSK (or a cluster that did not load): listeners and Connect worker config are Strimzi's.
            if (cluster is not null)
            {
                foreach (var (path, _) in clients.Where(c => c.Listener is not null))
                {
                    errors.Add($"{path}.listener", "applies to Strimzi clusters only; MSK clients use the bootstrap brokers of cluster.msk.authentication");
                }

                foreach (var u in all.Users.Where(u => u.Namespace is not null))
                {
                    errors.Add($"{u.Path}.namespace", "applies to Strimzi clusters only (a KafkaAccess binds the KafkaUser's credentials there); leave it out on MSK");
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

        foreach (var u in all.Users.Where(u => u.Namespace is not null))
        {
            if (UserListenerProblem(strimzi, u) is { } problem)
            {
                errors.Add($"{u.Path}.{(u.Listener is null ? "namespace" : "listener")}", problem);
            }
        }
    }

    /// <summary>
    /// Why the KafkaAccess of <c>users[]</c> entry <paramref name="u"/> cannot bind through its listener, or null. Any
    /// listener type works (the Access Operator reads the bootstrap address from the Kafka status, external ones too),
    /// but its authentication must be the user's: the Access Operator refuses a KafkaUser on a listener of another kind
    /// and any KafkaUser on a listener without authentication (kafka-access-operator 0.3.0 KafkaParser.listenerAndUserAuthCompatible).
    /// </summary>
    private static string? UserListenerProblem(StrimziConfig strimzi, UserConfig u)
    {
        var auth = u.Authentication == UserAuthentication.Tls ? ListenerAuthentication.Tls : ListenerAuthentication.ScramSha512;
        var authName = auth == ListenerAuthentication.Tls ? "tls" : "scram-sha-512";
        if (strimzi.UserListener(u.Listener, u.Authentication) is not { } l)
        {
            return u.Listener is null
                ? $"needs a listener with authentication {authName} for user {Describe.Quote(u.Name)}'s KafkaAccess, and no internal one has it; add one to cluster.strimzi.listeners or name one with users[].listener"
                : $"names listener {Describe.Quote(u.Listener)}, which is not in cluster.strimzi.listeners ({string.Join(", ", strimzi.Listeners.Select(x => x.Name))})";
        }

        return l.Authentication == auth
            ? null
            : $"names listener {Describe.Quote(l.Name)} with authentication {l.AuthenticationType ?? "none"}, but user {Describe.Quote(u.Name)} authenticates with {authName}; the Access Operator binds a KafkaUser only through a listener of its own kind";
    }

    /// <summary>
    /// Why a client cannot use the listener <paramref name="name"/> (null: the default one), or null when it can. The
    /// clients kafka-infra renders run inside the cluster and log in as a KafkaUser: with SCRAM-SHA-512 on a
    /// <c>scram-sha-512</c> listener, with the User Operator's client certificate on a <c>tls</c> one.
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

        // authentication: none. kafka-infra's Kafka always runs authorization: simple, which Strimzi renders as Kafka's
        // StandardAuthorizer with only super users (strimzi 1.2.0 KafkaBrokerConfigurationBuilder.configureSimpleAuthorization);
        // a client that does not authenticate is User:ANONYMOUS, and with allow.everyone.if.no.acl.found at Kafka's
        // default false the ACLs of the client's KafkaUser never match it: every request is denied. The Access
        // Operator also refuses a KafkaUser on such a listener (0.3.0 KafkaParser.listenerAndUserAuthCompatible).
        return l.Authentication == ListenerAuthentication.None
            ? $"names listener {Describe.Quote(l.Name)} with authentication none: the cluster runs authorization: simple, where an unauthenticated client is User:ANONYMOUS and the ACLs kafka-infra grants its KafkaUser never apply, so every request would be denied; name a listener with authentication scram-sha-512 or tls"
            : null;
    }
}
