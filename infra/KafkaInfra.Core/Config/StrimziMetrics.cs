using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The Strimzi Metrics Reporter's allow-list. Without <c>cluster.strimzi.metrics.allowList</c> the rendered
/// <c>metricsConfig</c> carries no <c>values</c>, and Strimzi applies its own default list (strimzi 1.2.0 :
/// cluster-operator/.../model/metrics/StrimziMetricsReporterModel.java takes <c>defaultAllowList</c> when
/// <c>values.allowList</c> is null; the list is KafkaCluster.java DEFAULT_METRICS_ALLOW_LIST), which its Grafana
/// dashboards are written against. A user list replaces it; the planner warns about dashboard metrics it drops.
/// </summary>
public static class StrimziMetrics
{
    /// <summary>Strimzi 1.2.0's default broker allow-list (KafkaCluster.java, DEFAULT_METRICS_ALLOW_LIST), for the reference and the check.</summary>
    public static IReadOnlyList<string> StrimziDefaultAllowList { get; } =
    [
        "kafka_cluster_partition.*",
        "kafka_controller_kafkacontroller.*",
        "kafka_controller_controllerstats_uncleanleaderelectionspersec",
        "kafka_log_log_size",
        "kafka_network_requestmetrics.*",
        "kafka_network_socketserver_networkprocessoravgidlepercent",
        "kafka_server_app_info.*",
        "kafka_server_brokertopicmetrics.*",
        "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
        "kafka_server_kafkaserver_brokerstate",
        "kafka_server_kafkaserver_clusterid",
        "kafka_server_kafkaserver_linux.*",
        "kafka_server_raft.*",
        "kafka_server_replicamanager.*",
        "kafka_server_request_queue_size",
        "kafka_server_socket_server.*",
    ];

    /// <summary>
    /// Metric families the Strimzi Metrics Reporter dashboards query (strimzi 1.2.0 :
    /// examples/metrics/strimzi-metrics-reporter/grafana-dashboards/strimzi-kafka.json and strimzi-kraft.json,
    /// every <c>kafka_*</c> name in an <c>expr</c>, with the reporter's <c>_total</c> suffix of counters removed).
    /// </summary>
    public static IReadOnlyList<string> DashboardMetrics { get; } =
    [
        "kafka_cluster_partition_atminisr",
        "kafka_cluster_partition_underminisr",
        "kafka_controller_controllerstats_uncleanleaderelectionspersec",
        "kafka_controller_kafkacontroller_activecontrollercount",
        "kafka_controller_kafkacontroller_offlinepartitionscount",
        "kafka_log_log_size",
        "kafka_network_socketserver_networkprocessoravgidlepercent",
        "kafka_server_brokertopicmetrics_bytesinpersec",
        "kafka_server_brokertopicmetrics_bytesoutpersec",
        "kafka_server_brokertopicmetrics_failedfetchrequestspersec",
        "kafka_server_brokertopicmetrics_failedproducerequestspersec",
        "kafka_server_brokertopicmetrics_messagesinpersec",
        "kafka_server_brokertopicmetrics_totalfetchrequestspersec",
        "kafka_server_brokertopicmetrics_totalproducerequestspersec",
        "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
        "kafka_server_kafkaserver_linux_disk_read_bytes",
        "kafka_server_kafkaserver_linux_disk_write_bytes",
        "kafka_server_raft_channel_metrics_incoming_byte",
        "kafka_server_raft_channel_metrics_outgoing_byte",
        "kafka_server_raft_channel_metrics_request",
        "kafka_server_raft_channel_metrics_response",
        "kafka_server_raft_metrics_append_records_rate",
        "kafka_server_raft_metrics_commit_latency_avg",
        "kafka_server_raft_metrics_current_epoch",
        "kafka_server_raft_metrics_current_leader",
        "kafka_server_raft_metrics_current_state_info",
        "kafka_server_raft_metrics_current_vote",
        "kafka_server_raft_metrics_fetch_records_rate",
        "kafka_server_raft_metrics_high_watermark",
        "kafka_server_raft_metrics_log_end_offset",
        "kafka_server_replicamanager_leadercount",
        "kafka_server_replicamanager_partitioncount",
        "kafka_server_replicamanager_underreplicatedpartitions",
        "kafka_server_socket_server_metrics_connection_count",
    ];

    /// <summary>The problem with an allow-list entry (not a valid regular expression), or null.</summary>
    public static string? PatternProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The dashboard metrics no entry of <paramref name="allowList"/> matches. The reporter matches a whole metric
    /// name against the entries (the default list ends its families with <c>.*</c>); a counter is also tried with its
    /// <c>_total</c> suffix.
    /// </summary>
    public static IReadOnlyList<string> DashboardMetricsDropped(IReadOnlyList<string> allowList)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        var patterns = allowList.Where(p => PatternProblem(p) is null)
            .Select(p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .ToList();
        return DashboardMetrics.Where(m => !patterns.Any(p => p.IsMatch(m) || p.IsMatch(m + "_total"))).ToList();
    }
}
