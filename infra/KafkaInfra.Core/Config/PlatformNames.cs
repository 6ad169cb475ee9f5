using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>
/// Every name kafka-infra derives from the stack config, in one place: Kubernetes object names, Strimzi's derived
/// names, the MSK resource and its outputs, Kafka Connect's and ksqlDB's internal topics and groups. The planner,
/// the desired-state builders, the Pulumi program and the reports call these instead of formatting names themselves.
/// </summary>
public static partial class KafkaResources
{
    /// <summary>The only Strimzi API version 1.x serves.</summary>
    public const string StrimziApiVersion = "kafka.strimzi.io/v1";

    /// <summary>Strimzi's internal TLS listener's port (the project's listener layout).</summary>
    public const int StrimziTlsPort = 9093;

    /// <summary>Strimzi's optional plain listener's port.</summary>
    public const int StrimziPlainPort = 9092;

    /// <summary>Name of the dedicated KRaft controller pool.</summary>
    public const string ControllerPool = "controller";

    /// <summary>Name of the broker pool; its replicas are the stack's <c>cluster.brokers</c>.</summary>
    public const string BrokerPool = "broker";

    /// <summary>
    /// Partitions of a Kafka Connect group's internal topics: the config topic must have exactly 1; Kafka's defaults
    /// <c>offset.storage.partitions</c> = 25 and <c>status.storage.partitions</c> = 5 (Apache Kafka, DistributedConfig).
    /// </summary>
    public const int ConnectConfigPartitions = 1;

    /// <inheritdoc cref="ConnectConfigPartitions"/>
    public const int ConnectOffsetPartitions = 25;

    /// <inheritdoc cref="ConnectConfigPartitions"/>
    public const int ConnectStatusPartitions = 5;

    /// <summary>All partitions of one Connect group's three internal topics.</summary>
    public const int ConnectInternalPartitions = ConnectConfigPartitions + ConnectOffsetPartitions + ConnectStatusPartitions;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomainPattern();

    // ---- Strimzi ------------------------------------------------------------------------------------------------

    /// <summary><c>&lt;cluster&gt;-kafka-bootstrap.&lt;ns&gt;.svc:9093</c>: the TLS listener's bootstrap address.</summary>
    public static string StrimziTlsBootstrap(string cluster, string ns) => $"{cluster}-kafka-bootstrap.{ns}.svc:{StrimziTlsPort}";

    /// <summary>The Secret with the cluster CA certificate (key <c>ca.crt</c>).</summary>
    public static string ClusterCaSecret(string cluster) => $"{cluster}-cluster-ca-cert";

    /// <summary>Key of the PEM CA certificate in <see cref="ClusterCaSecret"/>.</summary>
    public const string ClusterCaCertKey = "ca.crt";

    /// <summary>Glob for every CA certificate in <see cref="ClusterCaSecret"/>, the current and (during a CA key replacement) the previous one.</summary>
    public const string ClusterCaCertPattern = "*.crt";

    /// <summary>Key of the PKCS12 truststore Strimzi writes into <see cref="ClusterCaSecret"/> (platform-facts 8.2).</summary>
    public const string ClusterCaP12Key = "ca.p12";

    /// <summary>Key of the password of <see cref="ClusterCaP12Key"/> in <see cref="ClusterCaSecret"/> (platform-facts 8.2).</summary>
    public const string ClusterCaPasswordKey = "ca.password";

    /// <summary>
    /// Cruise Control is deployed from this many brokers on: with one broker there is nothing to balance, and raising a
    /// topic's replication factor (which the Topic Operator hands to Cruise Control) needs a second broker anyway.
    /// </summary>
    public const int CruiseControlMinBrokers = 2;

    /// <summary>The KafkaRebalance template Cruise Control's auto-rebalance uses for <paramref name="mode"/> (add-brokers, remove-brokers).</summary>
    public static string RebalanceTemplate(string cluster, string mode) => $"{cluster}-rebalance-{mode}";

    /// <summary>The KafkaUser name a consumer workload wants: <c>&lt;ns&gt;-&lt;consumer&gt;</c> (made unique by <see cref="UniqueNames"/>).</summary>
    public static string ConsumerUser(ConsumerConfig c) => $"{c.Namespace}-{c.Name}";

    /// <summary>The KafkaUser name a Connect group wants: <c>connect-&lt;group&gt;</c>.</summary>
    public static string ConnectUser(string group) => $"connect-{group}";

    /// <summary>The KafkaUser (and MSK SCRAM client) name a ksqlDB group wants: <c>ksqldb-&lt;group&gt;</c>.</summary>
    public static string KsqlDbUser(string group) => $"ksqldb-{group}";

    /// <summary>
    /// The <c>metadata.name</c> of a topic's KafkaTopic: the topic name itself when it is a valid Kubernetes name
    /// (a DNS subdomain: lower-case letters, digits, '-' and '.'), else a lower-cased form with '_' turned into '-'
    /// plus a stable hash of the real name, so that names differing only in case or '_' never collide.
    /// </summary>
    public static string KafkaTopic(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length <= 253 && DnsSubdomainPattern().IsMatch(topic))
        {
            return topic;
        }

        var sb = new StringBuilder(topic.Length);
        foreach (var ch in topic.ToLowerInvariant())
        {
            sb.Append(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? ch : '-');
        }

        var body = sb.ToString().Trim('-', '.');
        if (body.Length > 200)
        {
            body = body[..200].TrimEnd('-', '.');
        }

        var hash = ShortHash(topic);
        return body.Length == 0 ? "topic-" + hash : $"{body}-{hash}";
    }

    /// <summary>
    /// Gives each wanted name to its key in order; a name already taken gets a 6-character hash of its key as a
    /// suffix, so that a rare clash (e.g. consumer <c>a-b</c> in <c>x</c> and <c>b</c> in <c>x-a</c>) stays unique.
    /// </summary>
    public static Dictionary<string, string> UniqueNames(IEnumerable<(string Key, string Name)> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, name) in wanted)
        {
            var unique = taken.Contains(name) ? $"{name}-{ShortHash(key, 6)}" : name;
            taken.Add(unique);
            names[key] = unique;
        }

        return names;
    }

    /// <summary>A short, stable hash of <paramref name="value"/> (lower-case hex), for name suffixes.</summary>
    public static string ShortHash(string value, int length = 8) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];

    // ---- MSK ----------------------------------------------------------------------------------------------------

    /// <summary>IAM role names are at most 64 characters (platform-facts.md 8.4; IAM quotas, "Role name").</summary>
    public const int MaxIamRoleName = 64;

    /// <summary>
    /// The explicit IAM role name for a role whose natural name is <paramref name="natural"/>: the name itself up to
    /// <see cref="MaxIamRoleName"/> characters, else its first characters plus '-' and an 8-character hash of the whole
    /// natural name, so the result is deterministic, at most 64 characters and distinct for distinct natural names.
    /// An explicit name also keeps Pulumi from appending 7 random characters to the resource name.
    /// </summary>
    public static string IamRole(string natural)
    {
        ArgumentNullException.ThrowIfNull(natural);
        if (natural.Length <= MaxIamRoleName)
        {
            return natural;
        }

        var hash = ShortHash(natural);
        return natural[..(MaxIamRoleName - hash.Length - 1)].TrimEnd('-', '.') + "-" + hash;
    }

    /// <summary>The MSK cluster resource: <c>&lt;cluster&gt;-msk</c>.</summary>
    public static string MskCluster(string cluster) => cluster + "-msk";

    /// <summary>
    /// The MSK cluster resource's bootstrap output for an authentication mode: IAM → <c>bootstrapBrokersSaslIam</c>,
    /// SCRAM → <c>bootstrapBrokersSaslScram</c>, TLS → <c>bootstrapBrokersTls</c>.
    /// </summary>
    public static string MskBootstrapOutput(MskAuthentication authentication) => authentication switch
    {
        MskAuthentication.Iam => "bootstrapBrokersSaslIam",
        MskAuthentication.Scram => "bootstrapBrokersSaslScram",
        MskAuthentication.Tls => "bootstrapBrokersTls",
        _ => throw new ArgumentOutOfRangeException(nameof(authentication), authentication, "unknown MSK authentication"),
    };

    /// <summary>
    /// The Secret with an MSK SCRAM client's <c>password</c> and <c>sasl.jaas.config</c> in its workload's namespace:
    /// <c>&lt;client&gt;-kafka-scram</c> (the same shape Strimzi writes).
    /// </summary>
    public static string MskScramSecret(string client) => $"{client}-kafka-scram";

    // ---- Kafka Connect and ksqlDB -------------------------------------------------------------------------------

    /// <summary>The consumer group Kafka Connect gives a sink connector: <c>connect-&lt;connector&gt;</c>.</summary>
    public static string ConnectorConsumerGroup(string connector) => "connect-" + connector;

    /// <summary>A Connect group's config topic: <c>&lt;group&gt;-configs</c>.</summary>
    public static string ConnectConfigTopic(string group) => group + "-configs";

    /// <summary>A Connect group's offsets topic: <c>&lt;group&gt;-offsets</c>.</summary>
    public static string ConnectOffsetTopic(string group) => group + "-offsets";

    /// <summary>A Connect group's status topic: <c>&lt;group&gt;-status</c>.</summary>
    public static string ConnectStatusTopic(string group) => group + "-status";

    /// <summary>A Connect group's three internal topics with their partitions, in the order Connect creates them.</summary>
    public static IReadOnlyList<(string Topic, int Partitions)> ConnectInternalTopics(string group) =>
    [
        (ConnectConfigTopic(group), ConnectConfigPartitions),
        (ConnectOffsetTopic(group), ConnectOffsetPartitions),
        (ConnectStatusTopic(group), ConnectStatusPartitions),
    ];

    /// <summary>
    /// The default service id of ksqlDB group <paramref name="group"/>: its name followed by <c>_</c>, as ksqlDB's own
    /// default <c>default_</c> ends (platform-facts 3). The id is used as an ACL / IAM prefix (platform-facts 8.2): without
    /// the separator, group <c>analytics</c>'s prefix <c>_confluent-ksql-analytics</c> would also match <c>analytics2</c>'s topics.
    /// </summary>
    public static string KsqlDbDefaultServiceId(string group) => group + "_";

    /// <summary>ksqlDB names its internal topics <c>_confluent-ksql-&lt;service id&gt;</c>...; its command topic is <c>..._command_topic</c>.</summary>
    public static string KsqlDbInternalTopicPrefix(string serviceId) => "_confluent-ksql-" + serviceId;
}
