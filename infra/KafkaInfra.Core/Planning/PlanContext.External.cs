using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// The rules of a cluster the stack does not own (<c>cluster.external</c>, docs/external.md): what kafka-infra can
/// declare there (topics, SCRAM ACLs, KEDA objects), what it refuses with the way forward (Connect, ksqlDB, users
/// whose principal it cannot name), and the broker checks it can make only when the owner states the broker count.
/// </summary>
internal sealed partial class PlanContext
{
    private static readonly string ExternalPath = ClusterPath + ".external";

    private void CheckExternal(ExternalConfig e)
    {
        var auth = ExternalConfig.Name(e.Authentication);
        if (e.Authentication == ExternalAuthentication.None)
        {
            ProdError($"{ExternalPath}.authentication", "is none: the cluster accepts any client, and kafka-infra can neither authenticate nor authorize its clients there; use scram-sha-512 or tls");
        }

        if (!e.Tls)
        {
            ProdError($"{ExternalPath}.tls", "is false: data (and SCRAM exchanges) travel unencrypted to the brokers; use the cluster's TLS listener");
        }

        if (e.Authentication != ExternalAuthentication.None && e.KedaSecret is null && config.Consumers.Count > 0)
        {
            Error($"{ExternalPath}.kedaSecret", $"is required with {config.Consumers.Count} consumer(s) on a cluster with authentication {auth}: KEDA's lag trigger logs in with the Secret named here, in namespace {Describe.Quote(e.KedaNamespace)} ({(e.Authentication == ExternalAuthentication.Tls ? "keys tls.crt and tls.key" : "keys username and password")}), through one ClusterTriggerAuthentication; create it there and name it");
        }

        const string Forward = "keep the topics here and run the workers yourself against cluster.external.bootstrapServers, or declare the cluster with cluster.strimzi or cluster.msk";
        foreach (var g in config.Connect)
        {
            // kafka-infra runs Connect as Strimzi's KafkaConnect (with KafkaUsers and the cluster CA of a Strimzi cluster) or as MSK Connect (IAM to an msk: cluster).
            Error(g.Path, $"cannot run against an external cluster: kafka-infra runs Connect as a Strimzi KafkaConnect with the credentials and CA of a cluster it declares, or as MSK Connect on an msk: cluster; {Forward}");
        }

        foreach (var g in config.KsqlDb)
        {
            // ksqlDB needs a PKCS12 truststore and its own SCRAM user's JAAS config in its namespace (platform-facts 8.2), which only a declared cluster provides.
            Error(g.Path, $"cannot run against an external cluster: ksqlDB needs its own user's credentials and a PKCS12 truststore of the cluster's CA in its namespace, which kafka-infra writes only for a cluster it declares; {Forward}");
        }

        CheckExternalClients(e, auth);
    }

    /// <summary>Who gets ACLs: SCRAM clients by user name when <c>manageAcls</c> is on; nobody else, which the plan says.</summary>
    private void CheckExternalClients(ExternalConfig e, string auth)
    {
        foreach (var u in config.Users.Where(_ => !e.DeclaresAcls))
        {
            Error(u.Path, e.Authentication == ExternalAuthentication.ScramSha512
                ? $"declares ACLs for user {Describe.Quote(u.Name)}, but cluster.external.manageAcls is false; set it to true (the deployer then needs Alter on the cluster), or let the owner grant them and remove the user"
                : $"declares ACLs for user {Describe.Quote(u.Name)}, but with authentication {auth} kafka-infra cannot name the principal (a client certificate's name, or none); let the cluster's owner grant them, or use authentication: scram-sha-512");
        }

        foreach (var u in config.Users.Where(u => u.Authentication != UserAuthentication.ScramSha512 && e.DeclaresAcls))
        {
            Error($"{u.Path}.authentication", $"is tls, but this external cluster authenticates with scram-sha-512: user {Describe.Quote(u.Name)} must be a SCRAM user (the owner creates it); got \"tls\"");
        }

        var withQuotas = config.Consumers.Where(c => c.Quotas is not null).Select(c => c.Path)
            .Concat(config.Producers.Where(p => p.Quotas is not null).Select(p => p.Path))
            .Concat(config.Users.Where(u => u.Quotas is not null).Select(u => u.Path))
            .ToList();
        if (withQuotas.Count > 0)
        {
            Warn($"{withQuotas[0]}.quotas", $"quotas are not applied on an external cluster (kafka-infra renders them into Strimzi KafkaUsers only); ask the owner to set them with kafka-configs. Also set for: {string.Join(", ", withQuotas.Skip(1).DefaultIfEmpty("nothing else"))}");
        }

        var clients = config.Consumers.Select(c => c.Name).Concat(config.Producers.Select(p => p.Name)).Concat(config.Users.Select(u => u.Name)).Distinct(StringComparer.Ordinal).ToList();
        if (clients.Count == 0)
        {
            return;
        }

        if (e.DeclaresAcls)
        {
            Advice.Add(new Diagnostic($"{ExternalPath}.manageAcls", $"kafka-infra declares ACLs for the principals User:{string.Join(", User:", clients)}; their SCRAM users must already exist on the cluster (the owner creates them: kafka-infra creates no credentials on a cluster it does not own), and the deployer {Describe.Quote(e.AdminUsername ?? "")} needs Alter on the cluster"));
        }
        else if (config.Producers.Count > 0 || config.Consumers.Count > 0)
        {
            Warn($"{ExternalPath}.authentication", $"is {auth}{(e.Authentication == ExternalAuthentication.ScramSha512 ? " with manageAcls: false" : "")}: kafka-infra declares no ACLs for {string.Join(", ", clients)}; the cluster's owner grants them (least privilege: docs/external.md)");
        }
    }

    /// <summary>
    /// The broker checks of an owned cluster, made only when <c>cluster.external.brokers</c> gives the count: RF within
    /// the brokers, and partition replicas per broker against the general ceiling (a warning: the owner's limit may differ).
    /// </summary>
    private void CheckExternalCapacity()
    {
        if (Platform is not ExternalPlatform { Config: var e })
        {
            return;
        }

        if (e.Brokers is not { } brokers)
        {
            Warn($"{ExternalPath}.brokers", "is not set, so the plan cannot check that each topic's replication factor fits the brokers, nor partition replicas per broker; set it to the broker count the cluster's owner states");
            return;
        }

        foreach (var t in Topics.Where(t => t.ReplicationFactor > brokers))
        {
            var rfPath = t.Config.ReplicationFactor is null ? $"{TopicDefaultsPath}.replicationFactor" : $"{t.Config.Path}.replicationFactor";
            Error(rfPath, $"replication factor {t.ReplicationFactor} of topic {Describe.Quote(t.Name)} is greater than the {Fmt.Count(brokers, "broker", "brokers")} of the external cluster (cluster.external.brokers); each replica needs its own broker");
        }

        var replicas = Topics.Sum(t => (long)t.Partitions * t.ReplicationFactor);
        var perBroker = CapacityPlanner.CeilDiv(replicas, brokers);
        if (perBroker > Defaults.MaxPartitionsPerBroker)
        {
            Warn($"{ExternalPath}.brokers", $"this stack's topics alone put {Fmt.N(perBroker)} partition replicas on each of the {Fmt.N(brokers)} brokers (⌈{Fmt.N(replicas)} ÷ {Fmt.N(brokers)}⌉), above the general ceiling of {Fmt.N(Defaults.MaxPartitionsPerBroker)}; check the cluster's limit with its owner");
        }
    }
}
