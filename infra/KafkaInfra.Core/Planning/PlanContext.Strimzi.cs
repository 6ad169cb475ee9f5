using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>Warnings about the Strimzi cluster shape: unencrypted listeners, metrics the dashboards miss, pools, turned-off Cruise Control.</summary>
internal sealed partial class PlanContext
{
    private void CheckStrimziShape(StrimziConfig s)
    {
        var i = 0;
        foreach (var l in s.Listeners)
        {
            // plainListener has its own message (and prod error) in CheckPlatform.
            if (!l.Tls && !s.PlainListener)
            {
                Warn($"{ClusterPath}.strimzi.listeners[{i}].tls", $"listener {l.Name} is unencrypted: data and SCRAM exchanges cross the network in clear text");
            }

            if (l.Authentication == ListenerAuthentication.None)
            {
                Warn($"{ClusterPath}.strimzi.listeners[{i}].authentication", $"listener {l.Name} has no authentication: its clients are User:ANONYMOUS, which the cluster's simple authorization denies unless an ACL names it");
            }

            i++;
        }

        if (s.MetricsAllowList is { } allow && StrimziMetrics.DashboardMetricsDropped(allow) is { Count: > 0 } dropped)
        {
            Warn($"{ClusterPath}.strimzi.metrics.allowList", $"leaves out {dropped.Count} of the {StrimziMetrics.DashboardMetrics.Count} metrics Strimzi's Kafka and KRaft dashboards use ({string.Join(", ", dropped.Take(5))}{(dropped.Count > 5 ? ", ..." : "")}); remove allowList to keep Strimzi's default list");
        }

        if (!s.CruiseControl && config.Cluster.Brokers >= KafkaResources.CruiseControlMinBrokers)
        {
            Warn($"{ClusterPath}.strimzi.cruiseControl", "is false: broker changes are not rebalanced automatically and replication-factor changes of topics fail (the Topic Operator needs Cruise Control for them)");
        }

        foreach (var p in s.NodePools.Where(p => p.IsBroker && p.Storage.HasEphemeral))
        {
            Warn($"{ClusterPath}.strimzi.nodePools[{p.Index}].storage", $"broker pool {p.Name} has ephemeral storage: its partition replicas are lost whenever a pod restarts");
        }
    }
}
