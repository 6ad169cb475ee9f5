using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>Name rules of Kafka and Kubernetes, with messages that say what was received.</summary>
public static partial class Names
{
    /// <summary>Kafka's topic name limit (Topic.MAX_NAME_LENGTH).</summary>
    public const int MaxTopicNameLength = 249;

    /// <summary>RFC 1123 label limit.</summary>
    public const int MaxKubernetesNameLength = 63;

    /// <summary>RFC 1123 subdomain limit: the names of most Kubernetes objects (not Services, Namespaces or label values).</summary>
    public const int MaxKubernetesSubdomainLength = 253;

    [GeneratedRegex("^[a-zA-Z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomainPattern();

    /// <summary>Null when <paramref name="name"/> is a legal Kafka topic name, else what is wrong.</summary>
    public static string? TopicNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name is "." or "..")
        {
            return $"must not be '.' or '..' (Kafka topic name rules), got {Describe.Quote(name)}";
        }

        if (name.Length > MaxTopicNameLength)
        {
            return $"must be at most {MaxTopicNameLength} characters (Kafka topic name rules), got {name.Length}";
        }

        return TopicPattern().IsMatch(name)
            ? null
            : $"must contain only ASCII letters, digits, '.', '_' and '-' (Kafka topic name rules), got {Describe.Quote(name)}";
    }

    /// <summary>Null when <paramref name="name"/> is a legal Kubernetes object name (RFC 1123 label), else what is wrong.</summary>
    public static string? KubernetesNameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > MaxKubernetesNameLength)
        {
            return $"must be at most {MaxKubernetesNameLength} characters (a Kubernetes name), got {name.Length}";
        }

        return DnsLabelPattern().IsMatch(name)
            ? null
            : $"must be a valid Kubernetes name (lower-case letters, digits and '-', starting and ending with a letter or digit), got {Describe.Quote(name)}";
    }

    /// <summary>Null when <paramref name="name"/> is a legal Kubernetes object name of the DNS-subdomain kind (Secrets, ConfigMaps, custom resources), else what is wrong.</summary>
    public static string? KubernetesSubdomainProblem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > MaxKubernetesSubdomainLength)
        {
            return $"must be at most {MaxKubernetesSubdomainLength} characters (a Kubernetes object name), got {name.Length}";
        }

        return DnsSubdomainPattern().IsMatch(name)
            ? null
            : $"must be a valid Kubernetes object name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit), got {Describe.Quote(name)}";
    }

    /// <summary>Kafka treats '.' and '_' alike in metric names and refuses topics that differ only there.</summary>
    public static string CollisionKey(string topicName) => topicName.Replace('.', '_');
}
