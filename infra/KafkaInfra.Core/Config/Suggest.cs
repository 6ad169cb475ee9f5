namespace KafkaInfra.Core.Config;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggest
{
    /// <summary>The closest candidate within a small edit distance (case-insensitive), or null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, input.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// Keys other tools spell differently, by their kafka-infra name: a Strimzi <c>Kafka</c> or <c>KafkaNodePool</c>
    /// says <c>replicas</c> and <c>version</c>, a <c>KafkaTopic</c> says <c>partitions</c>/<c>replicas</c>, KEDA says
    /// <c>minReplicaCount</c>. Too far apart for an edit distance, but meant for the key named here.
    /// </summary>
    private static readonly (string Foreign, string[] Ours)[] Aliases =
    [
        ("replicas", ["brokers", "replicationFactor"]),
        ("version", ["kafkaVersion"]),
        ("storage", ["storageGiB"]),
        ("size", ["storageGiB"]),
        ("retention", ["retentionHours"]),
        ("retentionMs", ["retentionHours"]),
        ("minInsync", ["minInsyncReplicas"]),
        ("minIsr", ["minInsyncReplicas"]),
        ("minReplicaCount", ["minReplicas"]),
        ("maxReplicaCount", ["maxReplicas"]),
        ("group", ["consumerGroup"]),
        ("groupId", ["consumerGroup"]),
        ("rate", ["messagesPerSecond"]),
        ("throughput", ["messagesPerSecond"]),
    ];

    /// <summary>The key of <paramref name="candidates"/> another tool's name <paramref name="input"/> stands for, or null.</summary>
    public static string? Alias(string input, IEnumerable<string> candidates)
    {
        var known = candidates.ToHashSet(StringComparer.Ordinal);
        foreach (var (foreign, ours) in Aliases)
        {
            if (string.Equals(foreign, input, StringComparison.OrdinalIgnoreCase) && ours.FirstOrDefault(known.Contains) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
