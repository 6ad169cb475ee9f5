using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>What <c>plan --base</c> compared the plan with.</summary>
/// <param name="Name">The file or git ref named by <c>--base</c>.</param>
/// <param name="Exists">False when the stack file does not exist at that ref (a new stack).</param>
public sealed record PlanBaseline(string Name, bool Exists);

/// <summary>Renders a plan for people (text) and machines (JSON).</summary>
public static class PlanReport
{
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
    public static string Json(PlanResult result, string stackName, PlanBaseline? baseline = null) =>
        JsonReport.ToText(w => WriteJson(w, result, stackName, baseline));

    /// <summary>Writes the JSON of <see cref="Json"/> to <paramref name="output"/> as it is produced.</summary>
    public static void WriteJson(TextWriter output, PlanResult result, string stackName, PlanBaseline? baseline = null) =>
        JsonReport.Write(output, w => WriteJson(w, result, stackName, baseline));

    private static void WriteJson(Utf8JsonWriter w, PlanResult result, string stackName, PlanBaseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        w.WriteStartObject();
        w.WriteString("stack", stackName);
        w.WriteBoolean("valid", result.IsValid);
        JsonReport.StringOrNull(w, "comparedWith", baseline?.Name);
        if (result.Plan is { } plan)
        {
            WritePlan(w, plan);
            JsonReport.Diagnostics(w, "advice", plan.Advice);
        }

        JsonReport.Diagnostics(w, "warnings", result.Warnings);
        JsonReport.Diagnostics(w, "errors", result.Errors);
        w.WriteEndObject();
    }

    private static void WritePlan(Utf8JsonWriter w, CapacityPlan plan)
    {
        var k = plan.Cluster;
        w.WriteString("environment", plan.Config.EnvironmentLabel);
        w.WriteString("rules", plan.Config.Environment.ToString().ToLowerInvariant());
        w.WriteString("platform", k.Platform.ToString());
        w.WriteString("cluster", plan.Config.Cluster.Name);
        w.WriteNumber("brokers", k.Brokers);
        w.WriteNumber("storageGiB", k.StorageGiB);
        w.WriteStartObject("sizing");
        w.WriteNumber("ingressMBps", Math.Round(k.IngressMBps, 3));
        w.WriteNumber("writeMBps", Math.Round(k.WriteMBps, 3));
        w.WriteNumber("brokerIngressMBps", k.BrokerIngressMBps);
        w.WriteNumber("minBrokersForThroughput", k.MinBrokersForThroughput);
        w.WriteNumber("storageGiBNeededPerBroker", k.StorageGiBNeededPerBroker);
        w.WriteNumber("replicasPerBroker", k.ReplicasPerBroker);
        JsonReport.NumberOrNull(w, "maxReplicasPerBroker", k.MaxReplicasPerBroker);
        w.WriteString("throughput", k.ThroughputDerivation.Explanation);
        w.WriteString("storage", k.StorageDerivation.Explanation);
        w.WriteString("replicas", k.ReplicasDerivation.Explanation);
        w.WriteEndObject();
        JsonReport.Objects(w, "topics", plan.Topics, static (w, t) =>
        {
            w.WriteString("name", t.Name);
            w.WriteNumber("partitions", t.Partitions);
            w.WriteNumber("computedPartitions", t.ComputedPartitions);
            JsonReport.NumberOrNull(w, "deployedPartitions", t.DeployedPartitions);
            w.WriteNumber("replicationFactor", t.ReplicationFactor);
            w.WriteNumber("minInsyncReplicas", t.MinInsyncReplicas);
            JsonReport.NumberOrNull(w, "retentionMs", t.RetentionMs);
            w.WriteString("cleanupPolicy", string.Join(",", t.Config.CleanupPolicies));
            w.WriteBoolean("sized", t.IsSized);
            JsonReport.NumberOrNull(w, "messagesPerSecond", t.MessagesPerSecond);
            w.WriteString("partitionsFrom", t.PartitionsDerivation.Explanation);
            if (t.StorageUnsized is null)
            {
                w.WriteNumber("storageGiB", Math.Round(t.StorageBytes / Units.GiB, 3));
            }
            else
            {
                w.WriteNull("storageGiB");
            }

            w.WriteString("storageFrom", t.StorageDerivation.Explanation);
        });

        JsonReport.Objects(w, "consumers", plan.Consumers, static (w, c) =>
        {
            w.WriteString("name", c.Name);
            w.WriteString("namespace", c.Config.Namespace);
            w.WriteString("topic", c.Topic);
            w.WriteString("consumerGroup", c.Config.ConsumerGroup);
            w.WriteNumber("minReplicas", c.MinReplicas);
            w.WriteNumber("maxReplicas", c.MaxReplicas);
            JsonReport.NumberOrNull(w, "requestedMaxReplicas", c.Config.MaxReplicas);
            w.WriteNumber("lagThreshold", c.Config.LagThreshold);
        });

        JsonReport.Objects(w, "connect", plan.Connect, static (w, g) =>
        {
            w.WriteString("name", g.Name);
            w.WriteNumber("replicas", g.Replicas);
            JsonReport.NumberOrNull(w, "maxReplicas", g.MaxReplicas);
            JsonReport.Objects(w, "connectors", g.Connectors, static (w, c) =>
            {
                w.WriteString("name", c.Name);
                w.WriteNumber("tasksMax", c.TasksMax);
            });
        });

        JsonReport.Objects(w, "ksqldb", plan.KsqlDb, static (w, g) =>
        {
            w.WriteString("name", g.Name);
            w.WriteNumber("replicas", g.Replicas);
            w.WriteString("serviceId", g.ServiceId);
        });
    }

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
