using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>
/// Config changes that replace the cluster: a new cluster is created and the old one deleted with all its data. The keys
/// come from <see cref="PlatformProfile.ReplacingKeys"/>; on <c>aws:msk/cluster:Cluster</c> they are clusterName,
/// clientSubnets, securityGroups and encryptionAtRestKmsKeyArn (platform-facts.md 8.4; <c>inCluster</c> also forces a
/// replacement but the stack always sets it to true, so no config change reaches it).
/// </summary>
internal sealed partial class ImpactComparer
{
    /// <summary>The config key that acknowledges a cluster replacement.</summary>
    internal static string AllowReplacementKey => ConfigKeys.Qualified(ConfigKeys.AllowDeletion) + ".clusterReplacement";

    private bool ReplacementAcknowledged => newPlan.Config.Deletions.ClusterReplacement;

    private void Replacement(CapacityPlan old)
    {
        foreach (var key in Profile.ReplacingKeys)
        {
            var from = ReplacingValue(old.Config.Cluster, key);
            var to = ReplacingValue(newPlan.Config.Cluster, key);
            if (from == to)
            {
                continue;
            }

            var path = $"{ClusterPath}.{key}";
            var consequence = Profile.Replaced(key);
            Add(ChangeKind.ClusterReplaced, newPlan.Config.Cluster.Name, from, to,
                ReplacementAcknowledged ? $"acknowledged with {AllowReplacementKey}: {consequence}" : consequence,
                !ReplacementAcknowledged,
                $"keep {path} at {from}; to move, run a second stack with the new value, mirror the topics into it (e.g. MirrorMaker 2) and move the clients; if the data may go, set {AllowReplacementKey}: true (this lifts the cluster's protect in prod for that run) and remove it afterwards",
                path);
        }
    }

    /// <summary>
    /// The value of a replacing key as a reviewer reads it. Subnets and security groups are sets on the AWS resource
    /// (their order does not replace the cluster), so they compare sorted.
    /// </summary>
    internal static string ReplacingValue(ClusterConfig cluster, string key) => key switch
    {
        "name" => cluster.Name,
        "strimzi.namespace" => cluster.Strimzi?.Namespace ?? "(none)",
        "msk.clientSubnets" => Set(cluster.Msk?.ClientSubnets),
        "msk.securityGroups" => Set(cluster.Msk?.SecurityGroups),
        "msk.kmsKeyArn" => cluster.Msk?.KmsKeyArn ?? "(a key the stack creates)",
        _ => throw new ArgumentException($"no comparison for the replacing key {key}", nameof(key)),
    };

    private static string Set(IReadOnlyList<string>? values) =>
        values is null ? "(none)" : "[" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "]";
}
