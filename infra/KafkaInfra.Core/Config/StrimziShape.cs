using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>How clients authenticate on a Strimzi listener (<c>cluster.strimzi.listeners[].authentication</c>).</summary>
public enum ListenerAuthentication
{
    /// <summary>SASL SCRAM-SHA-512 (Strimzi <c>authentication.type: scram-sha-512</c>).</summary>
    ScramSha512,

    /// <summary>Mutual TLS: clients present a certificate the clients CA signed (<c>authentication.type: tls</c>; needs <c>tls: true</c>).</summary>
    Tls,

    /// <summary>No authentication: every client is <c>User:ANONYMOUS</c>, which simple authorization denies unless an ACL names it.</summary>
    None,
}

/// <summary>
/// One listener of the Kafka cluster (<c>cluster.strimzi.listeners[]</c>, Strimzi 1.2 <c>spec.kafka.listeners[]</c>:
/// name pattern <c>^[a-z0-9]{1,11}$</c>, port ≥ 9092 except 9404 and 9999; 040-Crd-kafka.yaml).
/// </summary>
/// <param name="Configuration">The listener's <c>configuration</c> mapping, passed through (null when not set).</param>
public sealed record StrimziListenerConfig(string Name, int Port, string Type, bool Tls, ListenerAuthentication Authentication, JsonElement? Configuration = null)
{
    /// <summary>Listener types whose bootstrap service in-cluster clients can use (Strimzi advertises in-cluster addresses only for these).</summary>
    public bool IsInCluster => Type is "internal" or "cluster-ip";

    /// <summary>
    /// The bootstrap address in-cluster clients use: <c>&lt;cluster&gt;-kafka-bootstrap</c> for <c>internal</c>
    /// listeners, <c>&lt;cluster&gt;-kafka-&lt;listener&gt;-bootstrap</c> for every other type, on the listener's port
    /// (strimzi 1.2.0 : documentation/modules/overview/con-configuration-points-listener-names.adoc).
    /// </summary>
    public string Bootstrap(string cluster, string ns) => Type == "internal"
        ? $"{cluster}-kafka-bootstrap.{ns}.svc:{Port}"
        : $"{cluster}-kafka-{Name}-bootstrap.{ns}.svc:{Port}";

    /// <summary>The Strimzi <c>authentication.type</c> value, null for none.</summary>
    public string? AuthenticationType => Authentication switch
    {
        ListenerAuthentication.ScramSha512 => "scram-sha-512",
        ListenerAuthentication.Tls => "tls",
        _ => null,
    };
}

/// <summary>One volume of a node pool's storage (a <c>jbod</c> volume, or the single volume of the other types).</summary>
/// <param name="Type"><c>persistent-claim</c> or <c>ephemeral</c>.</param>
/// <param name="SizeGiB">Size of a persistent claim (null for ephemeral).</param>
/// <param name="KraftMetadata">True on the volume that holds the KRaft metadata log (<c>kraftMetadata: shared</c>).</param>
public sealed record PoolVolumeConfig(int Id, string Type, int? SizeGiB, string? Class, bool DeleteClaim, bool KraftMetadata);

/// <summary><c>cluster.strimzi.nodePools[].storage</c>: <c>persistent-claim</c>, <c>ephemeral</c> or <c>jbod</c> (045-Crd-kafkanodepool.yaml).</summary>
public sealed record PoolStorageConfig(string Type, IReadOnlyList<PoolVolumeConfig> Volumes)
{
    /// <summary>Persistent disk of one node, all volumes together (0 when every volume is ephemeral).</summary>
    public int PersistentGiB => Volumes.Sum(v => v.SizeGiB ?? 0);

    /// <summary>True when any volume is ephemeral (its data is lost when the pod restarts).</summary>
    public bool HasEphemeral => Volumes.Any(v => v.Type == "ephemeral");
}

/// <summary>One entry of <c>cluster.strimzi.nodePools[]</c>: a KafkaNodePool named <c>&lt;cluster&gt;-&lt;name&gt;</c>.</summary>
/// <param name="JvmOptions">The pool's <c>jvmOptions</c> mapping, passed through (null when not set).</param>
public sealed record NodePoolConfig(int Index, string Name, IReadOnlyList<string> Roles, int Replicas, PoolStorageConfig Storage, ResourcesConfig? Resources, JsonElement? JvmOptions)
{
    public bool IsBroker => Roles.Contains("broker");

    public bool IsController => Roles.Contains("controller");
}

/// <summary><c>cluster.strimzi.overrides</c>: mappings deep-merged into the rendered spec sections (null when not set).</summary>
public sealed record StrimziOverrides(
    JsonElement? Kafka = null,
    JsonElement? BrokerPool = null,
    JsonElement? ControllerPool = null,
    JsonElement? CruiseControl = null,
    JsonElement? EntityOperator = null,
    JsonElement? KafkaExporter = null);
