using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>What <c>plan --base</c> compared the plan with.</summary>
/// <param name="Name">The file or git ref named by <c>--base</c>.</param>
/// <param name="Exists">False when the stack file does not exist at that ref (a new stack).</param>
public sealed record PlanBaseline(string Name, bool Exists);

/// <summary>Renders a plan for people (text) and machines (JSON).</summary>
public static class PlanReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The readable report printed by <c>kafka-infra plan</c>.</summary>
    /// <param name="result">The plan.</param>
    /// <param name="stackName">The stack's name, for the heading.</param>
    /// <param name="baseline">What the plan was compared with (<c>plan --base</c>): the deployed partitions, brokers and
    /// storage it was checked against; null prints that the plan was not compared with any deployment.</param>
    public static string Text(PlanResult result, string stackName, PlanBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (!result.IsValid)
        {
            sb.AppendLine(inv, $"Stack {stackName}: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}, nothing planned.");
            foreach (var e in result.Errors)
            {
                sb.AppendLine(inv, $"  error: {e}");
            }

            AppendList(sb, "Warnings", result.Warnings);
            sb.AppendLine();
            sb.AppendLine(BaselineLine(baseline));
            return sb.ToString();
        }

        var plan = result.Plan!;
        var c = plan.Config.Cluster;
        var k = plan.Cluster;
        sb.AppendLine(inv, $"Stack {stackName} ({plan.Config.EnvironmentDescription}): cluster {c.Name} on {c.Profile.PlanText(c)}, Kafka {c.KafkaVersion}");
        if (k.Profile.HasBrokers)
        {
            sb.AppendLine(inv, $"  brokers            {Fmt.N(k.Brokers)} (throughput needs at least {Fmt.N(k.MinBrokersForThroughput)}: {k.ThroughputDerivation.Explanation})");
            if (k.Profile.HasStorage)
            {
                sb.AppendLine(inv, $"  storage            {Fmt.N(c.StorageGiB)} GiB per broker; needed {Fmt.N(k.StorageGiBNeededPerBroker)} GiB ({k.StorageDerivation.Explanation})");
            }

            var limit = k.MaxReplicasPerBroker is { } max ? $" of {Fmt.N(max)} max" + (k.RecommendedReplicasPerBroker is { } rec ? $", {Fmt.N(rec)} recommended" : "") : "";
            sb.AppendLine(inv, $"  replicas/broker    {Fmt.N(k.ReplicasPerBroker)}{limit} ({k.ReplicasDerivation.Explanation})");
        }

        sb.AppendLine(inv, $"  ingress            {Fmt.D(k.IngressMBps, 2)} MB/s produced, {Fmt.D(k.WriteMBps, 2)} MB/s written with replication");
        sb.AppendLine();
        sb.AppendLine(inv, $"Topics ({plan.Topics.Count})");
        foreach (var t in plan.Topics)
        {
            sb.AppendLine(inv, $"  {t.Name}: {Fmt.Count(t.Partitions, "partition", "partitions")}, RF {Fmt.N(t.ReplicationFactor)}, min ISR {Fmt.N(t.MinInsyncReplicas)}, retention {Fmt.Retention(t.RetentionMs)}{(t.IsSized ? "" : ", not sized (no messagesPerSecond)")}");
            sb.AppendLine(inv, $"      partitions = {t.PartitionsDerivation.Explanation}");
            sb.AppendLine(inv, $"      storage    = {t.StorageDerivation.Explanation}");
        }

        if (plan.Consumers.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Consumers ({plan.Consumers.Count}, scaled by KEDA on lag)");
            foreach (var cp in plan.Consumers)
            {
                sb.AppendLine(inv, $"  {cp.Config.Namespace}/{cp.Name} on {cp.Topic} (group {cp.Config.ConsumerGroup}): {Fmt.N(cp.MinReplicas)}-{Fmt.N(cp.MaxReplicas)} replicas, lagThreshold {Fmt.N(cp.Config.LagThreshold)}; max = {cp.MaxReplicasDerivation.Explanation}");
            }
        }

        if (plan.Connect.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Kafka Connect ({plan.Connect.Count})");
            foreach (var g in plan.Connect)
            {
                var scaling = g.MaxReplicas is { } m ? $"{Fmt.N(g.Replicas)}-{Fmt.N(m)} workers (KEDA on sink lag; max = {g.MaxReplicasDerivation})" : Fmt.Count(g.Replicas, "worker", "workers");
                sb.AppendLine(inv, $"  {g.Name}: {scaling}");
                foreach (var cn in g.Connectors)
                {
                    sb.AppendLine(inv, $"      {cn.Name} ({cn.Config.Kind.ToString().ToLowerInvariant()}, {cn.Config.Class}): tasksMax {Fmt.N(cn.TasksMax)} = {cn.TasksMaxDerivation.Explanation}");
                }
            }
        }

        if (plan.KsqlDb.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"ksqlDB ({plan.KsqlDb.Count})");
            foreach (var g in plan.KsqlDb)
            {
                sb.AppendLine(inv, $"  {g.Name}: {Fmt.Count(g.Replicas, "server", "servers")}, service id {g.ServiceId}, internal topics RF {Fmt.N(g.InternalReplicationFactor)} ({g.InternalReplicationDerivation.Explanation})");
            }
        }

        AppendList(sb, "Warnings", plan.Warnings);
        AppendList(sb, "Advice", plan.Advice);
        sb.AppendLine();
        sb.AppendLine(BaselineLine(baseline));
        sb.AppendLine(inv, $"Plan OK: {Fmt.Count(plan.Topics.Count, "topic", "topics")}, {Fmt.Count(plan.Consumers.Count, "consumer", "consumers")}, {Fmt.Count(plan.Warnings.Count, "warning", "warnings")}.");
        return sb.ToString();
    }

    /// <summary>Whether the plan knows what is deployed: the one line every text plan ends with.</summary>
    public static string BaselineLine(PlanBaseline? baseline) => baseline switch
    {
        null => "Not compared with a deployment: partition decreases, storage shrinking and broker removals are checked against what is deployed only with --base <git-ref|file> (as in diff), or by pulumi preview.",
        { Exists: false } => $"Compared with {baseline.Name}: the stack file does not exist there, so everything is new.",
        _ => $"Compared with {baseline.Name}: its partitions, brokers and storage are taken as deployed (partitions never decrease, storage only grows).",
    };

    /// <summary>The JSON object printed by <c>kafka-infra plan --output json</c>.</summary>
    public static string Json(PlanResult result, string stackName, PlanBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new JsonObject
        {
            ["stack"] = stackName,
            ["valid"] = result.IsValid,
            ["comparedWith"] = baseline?.Name,
        };
        if (result.Plan is { } plan)
        {
            var k = plan.Cluster;
            root["environment"] = plan.Config.EnvironmentLabel;
            root["rules"] = plan.Config.Environment.ToString().ToLowerInvariant();
            root["platform"] = k.Platform.ToString();
            root["cluster"] = plan.Config.Cluster.Name;
            root["brokers"] = k.Brokers;
            root["storageGiB"] = k.StorageGiB;
            root["sizing"] = new JsonObject
            {
                ["ingressMBps"] = Math.Round(k.IngressMBps, 3),
                ["writeMBps"] = Math.Round(k.WriteMBps, 3),
                ["brokerIngressMBps"] = k.BrokerIngressMBps,
                ["minBrokersForThroughput"] = k.MinBrokersForThroughput,
                ["storageGiBNeededPerBroker"] = k.StorageGiBNeededPerBroker,
                ["replicasPerBroker"] = k.ReplicasPerBroker,
                ["maxReplicasPerBroker"] = k.MaxReplicasPerBroker,
                ["throughput"] = k.ThroughputDerivation.Explanation,
                ["storage"] = k.StorageDerivation.Explanation,
                ["replicas"] = k.ReplicasDerivation.Explanation,
            };
            root["topics"] = new JsonArray(plan.Topics.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["partitions"] = t.Partitions,
                ["computedPartitions"] = t.ComputedPartitions,
                ["deployedPartitions"] = t.DeployedPartitions,
                ["replicationFactor"] = t.ReplicationFactor,
                ["minInsyncReplicas"] = t.MinInsyncReplicas,
                ["retentionMs"] = t.RetentionMs,
                ["cleanupPolicy"] = string.Join(",", t.Config.CleanupPolicies),
                ["sized"] = t.IsSized,
                ["messagesPerSecond"] = t.MessagesPerSecond,
                ["partitionsFrom"] = t.PartitionsDerivation.Explanation,
                ["storageGiB"] = t.StorageUnsized is null ? Math.Round(t.StorageBytes / Units.GiB, 3) : null,
                ["storageFrom"] = t.StorageDerivation.Explanation,
            }).ToArray());
            root["consumers"] = new JsonArray(plan.Consumers.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["namespace"] = c.Config.Namespace,
                ["topic"] = c.Topic,
                ["consumerGroup"] = c.Config.ConsumerGroup,
                ["minReplicas"] = c.MinReplicas,
                ["maxReplicas"] = c.MaxReplicas,
                ["requestedMaxReplicas"] = c.Config.MaxReplicas,
                ["lagThreshold"] = c.Config.LagThreshold,
            }).ToArray());
            root["connect"] = new JsonArray(plan.Connect.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Name,
                ["replicas"] = g.Replicas,
                ["maxReplicas"] = g.MaxReplicas,
                ["connectors"] = new JsonArray(g.Connectors.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["tasksMax"] = c.TasksMax }).ToArray()),
            }).ToArray());
            root["ksqldb"] = new JsonArray(plan.KsqlDb.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Name,
                ["replicas"] = g.Replicas,
                ["serviceId"] = g.ServiceId,
            }).ToArray());
            root["advice"] = Diagnostics(plan.Advice);
        }

        root["warnings"] = Diagnostics(result.Warnings);
        root["errors"] = Diagnostics(result.Errors);
        return root.ToJsonString(Indented);
    }

    private static JsonArray Diagnostics(IEnumerable<Diagnostic> items) =>
        new(items.Select(d => (JsonNode)new JsonObject { ["path"] = d.Path, ["message"] = d.Message }).ToArray());

    private static void AppendList(StringBuilder sb, string title, IReadOnlyList<Diagnostic> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title} ({items.Count})");
        foreach (var item in items)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {item}");
        }
    }
}
