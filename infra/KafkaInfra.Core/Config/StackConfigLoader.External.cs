using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The <c>cluster.external</c> reader: a Kafka cluster the stack does not own (docs/external.md). The cluster block
/// keeps only <c>name</c> and <c>kafkaVersion</c>; everything about the brokers is the owner's.
/// </summary>
public static partial class StackConfigLoader
{
    private static readonly Dictionary<string, ExternalAuthentication> ExternalAuthentications = new(StringComparer.Ordinal)
    {
        ["scram-sha-512"] = ExternalAuthentication.ScramSha512,
        ["tls"] = ExternalAuthentication.Tls,
        ["none"] = ExternalAuthentication.None,
    };

    /// <summary>Keys of the cluster block that size brokers kafka-infra owns: they mean nothing on an external cluster.</summary>
    private static readonly string[] OwnedClusterKeys = ["brokers", "storageGiB", "brokerIngressMBps", "maxPartitionsPerBroker"];

    /// <summary>Null when exactly one of the platform sections is set, else the message naming the keys.</summary>
    private static string? PlatformChoiceProblem(bool strimzi, bool msk, bool external)
    {
        var set = new[] { (strimzi, "strimzi"), (msk, "msk"), (external, "external") }.Where(p => p.Item1).Select(p => $"'{p.Item2}'").ToArray();
        return set.Length switch
        {
            1 => null,
            0 => "must set exactly one of 'strimzi' (Kafka on Kubernetes), 'msk' (Amazon MSK) or 'external' (a cluster this stack does not own), got none",
            _ => $"must set exactly one of 'strimzi', 'msk' or 'external', got {string.Join(" and ", set)}",
        };
    }

    /// <summary>The cluster block of an external stack: name, an optional protocol version, and the external section.</summary>
    private static ClusterConfig? ReadExternalCluster(ObjectReader r, string? name, ExternalConfig? external, StrimziConfig? strimzi, MskConfig? msk)
    {
        foreach (var key in OwnedClusterKeys.Where(r.Has))
        {
            var instead = key == "brokers" ? "; give the owner's broker count as cluster.external.brokers (it informs the checks only)" : "";
            r.Errors.Add(r.Child(key), $"must not be set with 'external': the cluster's owner sizes its brokers and storage, kafka-infra does not{instead}");
        }

        // The Kafka provider speaks this protocol version (Sarama's MAJOR.MINOR.PATCH): the brokers' version, or an older one they support.
        var version = r.String("kafkaVersion", expected: "the brokers' Kafka version such as 3.9.0") ?? Defaults.KafkaVersion;
        if (r.Has("kafkaVersion") && !KafkaVersionPattern().IsMatch(version))
        {
            r.Errors.Add(r.Child("kafkaVersion"), $"must be the brokers' Kafka version as MAJOR.MINOR or MAJOR.MINOR.PATCH (e.g. 3.9.0), which the Kafka provider speaks; got {Describe.Quote(version)}");
        }

        return name is null || ClusterPlatform.Of(strimzi, msk, external) is not { } platform
            ? null
            : new ClusterConfig(name, version, external!.Brokers ?? 0, 0, null, null, platform);
    }

    private static ExternalConfig? ReadExternal(ObjectReader cluster)
    {
        if (cluster.Object("external", required: true, KeysOf("cluster.external")) is not { } r)
        {
            return null;
        }

        var bootstrap = r.String("bootstrapServers", required: true, expected: "a comma-separated host:port list such as kafka-1.example.com:9093,kafka-2.example.com:9093") ?? "";
        CheckBootstrapServers(r, bootstrap);
        // One spelling for every client: KEDA, the Kafka provider and the stack output get "a:1,b:2", without spaces.
        bootstrap = string.Join(',', bootstrap.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        ExternalAuthentication? auth = ExternalAuthentications[Defaults.ExternalAuthentication];
        if (r.Has("authentication") && r.String("authentication") is { } text)
        {
            auth = ExternalAuthentications.TryGetValue(text, out var known) ? known : null;
            if (auth is null)
            {
                r.Errors.Add(r.Child("authentication"), text is "iam" or "aws-iam" or "aws_msk_iam"
                    ? $"cannot be {Describe.Quote(text)}: MSK IAM needs IAM policies on the cluster's ARN and roles for every client, which only an msk: stack declares. Declare the MSK cluster with cluster.msk (or import it), or use a SCRAM or mutual-TLS listener of it with authentication: scram-sha-512 | tls"
                    : $"must be one of {string.Join(", ", ExternalAuthentications.Keys)}; got {Describe.Quote(text)}");
            }
        }

        var tls = r.Bool("tls", true);
        if (!tls && auth == ExternalAuthentication.Tls)
        {
            r.Errors.Add(r.Child("tls"), "must be true with authentication: tls (client certificates are presented in the TLS handshake); got false");
        }

        SecretKeyRef? ca = null;
        if (r.Object("caSecret", required: false, KeysOf("cluster.external.caSecret")) is { } c)
        {
            var caName = KubernetesName(c, "name", required: true);
            var caKey = c.String("key", expected: "the key of the PEM CA in the Secret") ?? Defaults.ExternalCaKey;
            ca = caName is null ? null : new SecretKeyRef(caName, caKey);
            if (!tls)
            {
                r.Errors.Add(r.Child("caSecret"), "applies only with tls: true (a CA verifies the brokers' TLS certificates); tls is false");
            }
        }

        var admin = r.String("adminUsername", expected: "the deployer's SCRAM user name");
        if (auth == ExternalAuthentication.ScramSha512 && admin is null)
        {
            r.Errors.Add(r.Child("adminUsername"), "is required with authentication: scram-sha-512: the Kafka provider signs in as this existing user (its password is the secret stack config kafka:saslPassword); expected a SCRAM user name");
        }
        else if (auth is { } a && a != ExternalAuthentication.ScramSha512 && admin is not null)
        {
            r.Errors.Add(r.Child("adminUsername"), $"applies only with authentication: scram-sha-512; authentication is {Describe.Quote(ExternalConfig.Name(a))} (with tls the deployer's certificate is the secret stack config kafka:clientCert and kafka:clientKey)");
        }

        var kedaSecret = KubernetesName(r, "kedaSecret", required: false);
        if (auth == ExternalAuthentication.None && kedaSecret is not null)
        {
            r.Errors.Add(r.Child("kedaSecret"), "applies only when the cluster authenticates clients; authentication is \"none\"");
        }

        var kedaNamespace = KubernetesName(r, "kedaNamespace", required: false) ?? Defaults.KedaNamespace;
        var brokers = r.Int(Key("cluster.external.brokers"));
        var manageAcls = r.Bool("manageAcls", true);
        if (r.Has("manageAcls") && manageAcls && auth is { } acl && acl != ExternalAuthentication.ScramSha512)
        {
            r.Errors.Add(r.Child("manageAcls"), $"can be true only with authentication: scram-sha-512, where a client's principal is User:<its user name>; with {Describe.Quote(ExternalConfig.Name(acl))} kafka-infra cannot name the principals, so the owner grants the ACLs. Remove it");
        }

        return auth is { } chosen ? new ExternalConfig(bootstrap, chosen, tls, ca, admin, kedaSecret, kedaNamespace, brokers, manageAcls) : null;
    }

    /// <summary>Each entry is <c>host:port</c>: no scheme, no spaces, a port from 1 to 65535.</summary>
    private static void CheckBootstrapServers(ObjectReader r, string bootstrap)
    {
        if (bootstrap.Length == 0)
        {
            return;
        }

        var entries = bootstrap.Split(',', StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            var colon = entry.LastIndexOf(':');
            var host = colon > 0 ? entry[..colon] : "";
            var portOk = colon > 0 && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;
            if (!portOk || host.Length == 0 || host.Contains("//", StringComparison.Ordinal) || host.Any(char.IsWhiteSpace))
            {
                r.Errors.Add(r.Child("bootstrapServers"), $"must be a comma-separated list of host:port (no scheme, a port from 1 to 65535), such as kafka-1.example.com:9093; got {Describe.Quote(entry)} in {Describe.Quote(bootstrap)}");
                return;
            }
        }
    }

    /// <summary>A string that must be a Kubernetes object name (Secrets, namespaces); null when absent or invalid (reported).</summary>
    private static string? KubernetesName(ObjectReader r, string key, bool required)
    {
        var value = r.String(key, required, expected: "a Kubernetes name");
        if (value is { Length: > 0 } && Names.KubernetesNameProblem(value) is { } problem)
        {
            r.Errors.Add(r.Child(key), problem);
            return null;
        }

        return value is { Length: > 0 } ? value : null;
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}(\.\d{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex KafkaVersionPattern();
}
