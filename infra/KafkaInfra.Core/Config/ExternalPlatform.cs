namespace KafkaInfra.Core.Config;

/// <summary>How kafka-infra's clients authenticate to a cluster it does not own (<c>cluster.external.authentication</c>).</summary>
public enum ExternalAuthentication
{
    /// <summary>SASL SCRAM-SHA-512 with users the cluster's owner created; ACLs name them as <c>User:&lt;name&gt;</c>.</summary>
    ScramSha512,

    /// <summary>Mutual TLS: every client presents a certificate; principals are certificate names kafka-infra cannot derive.</summary>
    Tls,

    /// <summary>No client authentication (dev only; with or without TLS encryption).</summary>
    None,
}

/// <summary>A key of a Kubernetes Secret: the Secret's name and the key within it.</summary>
public sealed record SecretKeyRef(string Name, string Key);

/// <summary>
/// <c>kafka-infra:cluster.external</c>: a Kafka cluster kafka-infra does not own. It manages topics (and ACLs with
/// SCRAM) through the Kafka provider and KEDA's objects, never brokers, storage or Cruise Control.
/// </summary>
/// <param name="BootstrapServers">The <c>host:port</c> list, comma-separated as Kafka clients take it.</param>
/// <param name="Authentication">How the deployer, KEDA and the clients log in.</param>
/// <param name="Tls">TLS encryption to the brokers.</param>
/// <param name="CaSecret">The PEM CA of the brokers' certificates for in-cluster clients (in KEDA's namespace); null: the system's trusted CAs.</param>
/// <param name="AdminUsername">SCRAM: the deployer's user (the Kafka provider's); its password is the secret config <c>kafka:saslPassword</c>.</param>
/// <param name="KedaSecret">The Secret in <see cref="KedaNamespace"/> KEDA logs in with (SCRAM <c>username</c>/<c>password</c>, mTLS <c>tls.crt</c>/<c>tls.key</c>).</param>
/// <param name="KedaNamespace">KEDA's cluster-object namespace, where its ClusterTriggerAuthentication reads Secrets.</param>
/// <param name="Brokers">The cluster's broker count when the owner tells it, for RF and partitions-per-broker checks.</param>
/// <param name="ManageAcls">SCRAM: declare each client's least-privilege ACLs (the deployer needs Alter on the cluster).</param>
public sealed record ExternalConfig(
    string BootstrapServers,
    ExternalAuthentication Authentication,
    bool Tls,
    SecretKeyRef? CaSecret,
    string? AdminUsername,
    string? KedaSecret,
    string KedaNamespace,
    int? Brokers,
    bool ManageAcls)
{
    /// <summary>The bootstrap servers one by one.</summary>
    public IReadOnlyList<string> Servers => BootstrapServers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when kafka-infra declares ACLs: SCRAM (principals are the user names) and <see cref="ManageAcls"/>.</summary>
    public bool DeclaresAcls => Authentication == ExternalAuthentication.ScramSha512 && ManageAcls;

    /// <summary>The value as the config spells it.</summary>
    public static string Name(ExternalAuthentication authentication) => authentication switch
    {
        ExternalAuthentication.ScramSha512 => "scram-sha-512",
        ExternalAuthentication.Tls => "tls",
        _ => "none",
    };
}

/// <summary>A Kafka cluster the stack does not own (<c>cluster.external</c>): no brokers, storage or operator to declare.</summary>
public sealed record ExternalPlatform(ExternalConfig Config) : ClusterPlatform
{
    public override Platform Kind => Platform.External;
}

/// <summary>
/// The profile of an external cluster: kafka-infra sizes no broker and no storage there, so the broker checks need
/// <c>cluster.external.brokers</c> (PlanContext.External.cs) and the reports name the owner as the one who acts.
/// Topics change through Pulumi.Kafka, as on MSK (the base class's texts).
/// </summary>
internal sealed class ExternalProfile : PlatformProfile
{
    public static readonly ExternalProfile Instance = new();

    private ExternalProfile()
    {
    }

    public override Platform Kind => Platform.External;

    public override string Name => "external cluster";

    public override bool IsMsk => false;

    /// <summary>The brokers are the owner's: <c>cluster.brokers</c> means nothing here (<c>cluster.external.brokers</c> informs checks only).</summary>
    public override bool HasBrokers => false;

    public override int? MaxConnectWorkers => null;

    /// <summary>Renaming the cluster renames every topic resource: Pulumi.Kafka would delete the topics (Topic.name forces a replacement).</summary>
    public override IReadOnlyList<string> ReplacingKeys { get; } = ["name"];

    public override PartitionLimit? PartitionsPerBroker(ClusterConfig cluster) => null;

    public override string Replaced(string key) => $"every topic resource is named after cluster.{key}: Pulumi.Kafka deletes the stack's topics on the external cluster with their data and creates them again empty (the cluster itself is not touched)";

    public override string PlanText(ClusterConfig cluster) => $"external cluster ({cluster.External!.BootstrapServers})";

    public override string Summary(ClusterConfig cluster) => cluster.External!.Brokers is { } b
        ? $"{Name} at {cluster.External.BootstrapServers}, {b} brokers (not managed here)"
        : $"{Name} at {cluster.External!.BootstrapServers} (not managed here)";

    public override string VersionUpgrade => "the cluster's owner upgrades the brokers; kafka-infra only changes the protocol version its Kafka provider speaks";

    public override string BrokersAdded(ClusterConfig cluster, int fromBrokers) => "the cluster's owner moves partitions onto the new brokers (kafka-infra does not manage them)";

    public override string StorageGrowth => "the cluster's owner manages broker storage";
}
