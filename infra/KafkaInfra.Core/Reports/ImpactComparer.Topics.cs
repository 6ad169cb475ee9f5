using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>Topic changes: added, removed, partitions, replication, min.insync.replicas, retention.</summary>
internal sealed partial class ImpactComparer
{
    // ---- topics ------------------------------------------------------------------------------------------------

    private void Topics(CapacityPlan old)
    {
        foreach (var t in newPlan.Topics)
        {
            if (!old.TryGetTopic(t.Name, out var before))
            {
                TopicAdded(t);
                continue;
            }

            if (before.Partitions != t.Partitions)
            {
                Partitions(t.Name, before.Partitions, t, before);
            }

            ReplicationFactor(before, t);
            MinInsyncReplicas(before, t);
            Retention(before, t);
        }

        foreach (var t in old.Topics.Where(t => !newPlan.TryGetTopic(t.Name, out _)))
        {
            TopicRemoved(t.Name, $"{Plural(t.Partitions, "partition", "partitions")}, RF {t.ReplicationFactor}", t, Readers(old, t.Name));
        }
    }

    private static List<string> Readers(CapacityPlan plan, string topic)
    {
        var readers = plan.Consumers.Where(c => c.Topic == topic).Select(c => $"group {c.Config.ConsumerGroup}").ToList();
        readers.AddRange(plan.Connect.SelectMany(g => g.Connectors)
            .Where(c => c.Config.Kind == ConnectorKind.Sink && c.Config.Topics.Contains(topic, StringComparer.Ordinal))
            .Select(c => $"connector {c.Name}"));
        readers.AddRange(plan.KsqlDb.Where(g => g.Config.Topics.Contains(topic, StringComparer.Ordinal)).Select(g => $"ksqlDB {g.Name}"));
        return readers;
    }

    private void TopicAdded(TopicPlan t)
    {
        _topicsAdded++;
        var replicas = (long)t.Partitions * t.ReplicationFactor;
        var perBroker = HasBrokers(newPlan) && newPlan.Cluster.Brokers > 0
            ? $" ({Fmt.GiB(t.StorageBytes / newPlan.Cluster.Brokers)} per broker)"
            : "";
        Add(ChangeKind.TopicAdded, t.Name, null, $"{Plural(t.Partitions, "partition", "partitions")}, RF {t.ReplicationFactor}",
            $"creates the topic: {Fmt.N(t.Partitions)} partitions × RF {t.ReplicationFactor} = {Plural(replicas, "replica", "replicas")}, min.insync.replicas {t.MinInsyncReplicas}, retention {Fmt.Retention(t.RetentionMs)}, {(t.StorageUnsized is null ? $"about {Fmt.GiB(t.StorageBytes)} at full retention{perBroker}" : "storage not estimated")}");
    }

    private void TopicRemoved(string name, string old, TopicPlan? before, List<string> readers)
    {
        var data = before is null ? "its data" : $"its data (about {Fmt.GiB(before.StorageBytes)} at full retention)";
        var who = readers.Count > 0 ? $"; its readers ({string.Join(", ", readers)}) lose their input" : "";
        var how = Profile.TopicDeletion;
        var consequence = $"deletes the topic and {data}: {how}{who}";
        var byConfig = newPlan.Config.Deletions.AllowsTopic(name);
        var byOption = options.AllowedTopicDeletions.Contains(name, StringComparer.Ordinal);
        var by = byConfig ? $"{AllowTopicsKey} listing {name}" : $"--allow-topic-deletion {name}";
        Add(ChangeKind.TopicRemoved, name, old, null,
            byConfig || byOption ? $"acknowledged with {by}: {consequence}" : consequence,
            !byConfig && !byOption,
            TopicDeletionSteps(name, newPlan.Config.IsProd, _topicsAdded > 0));
    }

    /// <summary>The config key that acknowledges a topic deletion.</summary>
    internal static string AllowTopicsKey => ConfigKeys.Qualified(ConfigKeys.AllowDeletion) + ".topics";

    /// <summary>
    /// How to delete a topic on purpose, or keep it. In prod the topic is Pulumi-protected, and the engine refuses to
    /// delete a protected resource that the program no longer declares (it reads protect from the state): the
    /// acknowledgement is applied first, with the topic still declared, so the program declares it unprotected.
    /// </summary>
    internal static string TopicDeletionSteps(string name, bool prod, bool renameLikely)
    {
        var rename = renameLikely ? "a rename is a new topic plus the deletion of the old one (Kafka cannot rename a topic); " : "";
        var steps = prod
            ? $"to delete it, add {name} to {AllowTopicsKey} with the topic still in {ConfigKeys.Qualified(ConfigKeys.Topics)} and run `pulumi up` (that lifts its protect), then remove it from {ConfigKeys.Qualified(ConfigKeys.Topics)} and run `pulumi up` again"
            : $"to delete it, add {name} to {AllowTopicsKey} (e.g. `pulumi config set --path '{AllowTopicsKey}[0]' {name}`)";
        return $"{rename}{steps}; to keep it and its data, keep it in {ConfigKeys.Qualified(ConfigKeys.Topics)}";
    }

    private void Partitions(string name, int from, TopicPlan t, TopicPlan? before)
    {
        var path = $"{t.Config.Path}.partitions";
        if (t.Partitions < from)
        {
            var data = before is null ? "its data" : $"its data (about {Fmt.GiB(before.StorageBytes)})";
            Add(ChangeKind.Partitions, name, Fmt.N(from), Fmt.N(t.Partitions),
                $"refused: Kafka cannot remove partitions; Pulumi.Kafka would delete and recreate the topic, losing {data}, and Strimzi refuses it (NotSupported), leaving the topic at {Fmt.N(from)}",
                true,
                $"keep {path} at {Fmt.N(from)} or more; to get fewer partitions, create a new topic and move producers and consumers to it", path);
            return;
        }

        var added = t.Partitions - from;
        var readers = Readers(newPlan, name);
        var who = readers.Count > 0 ? $" ({string.Join(", ", readers)})" : "";
        var how = Profile.PartitionsAdded;
        Add(ChangeKind.Partitions, name, Fmt.N(from), Fmt.N(t.Partitions),
            $"keys remap to other partitions (per-key ordering breaks across the change); existing data stays where it is; consumers with auto.offset.reset=latest{who} can miss messages written to the {Plural(added, "new partition", "new partitions")} before they are assigned them; {how}; partitions can never be removed again", path: path, irreversible: true);
    }

    private void ReplicationFactor(TopicPlan before, TopicPlan t)
    {
        if (before.ReplicationFactor == t.ReplicationFactor)
        {
            return;
        }

        var from = before.ReplicationFactor;
        var to = t.ReplicationFactor;
        var delta = Math.Abs(to - from);
        var bytes = before.StorageBytes * delta / from;
        var formula = $"{Fmt.GiB(before.StorageBytes)} × {delta}/{from}";
        var survives = $"an acknowledged write now survives {Plural(to - 1, "broker loss", "broker losses")} (was {Fmt.N(from - 1)})";
        string consequence;
        if (to > from)
        {
            var how = Profile.ReplicationRaised;
            consequence = $"{how}: {formula} = {Fmt.GiB(bytes)} copied ({Transfer(bytes)}); {survives}";
        }
        else
        {
            var how = Profile.ReplicationLowered;
            consequence = $"{how} of each of the {Fmt.N(t.Partitions)} partitions: {formula} = {Fmt.GiB(bytes)} freed, nothing copied; {survives}";
        }

        Add(ChangeKind.ReplicationFactor, t.Name, Fmt.N(from), Fmt.N(to), consequence);
    }

    private void MinInsyncReplicas(TopicPlan before, TopicPlan t)
    {
        if (before.MinInsyncReplicas == t.MinInsyncReplicas)
        {
            return;
        }

        var from = before.MinInsyncReplicas;
        var to = t.MinInsyncReplicas;
        var tolerated = t.ReplicationFactor - to;
        var wasTolerated = before.ReplicationFactor - from;
        var direction = to > from
            ? "more durable, less available"
            : "more available, less durable";
        Add(ChangeKind.MinInsyncReplicas, t.Name, Fmt.N(from), Fmt.N(to),
            $"{direction}: each acks=all write is on at least {Plural(to, "broker", "brokers")} (was {Fmt.N(from)}), and acks=all producers keep writing through {Plural(tolerated, "broker outage", "broker outages")} per partition (was {Fmt.N(wasTolerated)}) before failing with NotEnoughReplicas; a topic config change, nothing restarts");
    }

    private void Retention(TopicPlan before, TopicPlan t)
    {
        if (before.RetentionMs == t.RetentionMs)
        {
            return;
        }

        // No time limit (-1) and compacted-only (no retention.ms) both keep data until something else deletes it.
        static long Effective(long? ms) => ms is > 0 ? ms.Value : long.MaxValue;
        var shorter = Effective(t.RetentionMs) < Effective(before.RetentionMs);
        var effect = shorter
            ? $"data older than {Fmt.Retention(t.RetentionMs)} is deleted at the next log cleanup"
            : "data is kept longer from now on (older segments already deleted do not come back)";
        static string Ms(long? ms) => ms is { } v ? Fmt.N(v) : "none (compacted)";
        static string Storage(TopicPlan p) => p.StorageUnsized is null ? Fmt.GiB(p.StorageBytes) : "not estimated";
        Add(ChangeKind.Retention, t.Name, Fmt.Retention(before.RetentionMs), Fmt.Retention(t.RetentionMs),
            $"retention.ms {Ms(before.RetentionMs)} → {Ms(t.RetentionMs)}: {effect}; the topic's storage at full retention goes from {Storage(before)} to {Storage(t)}",
            irreversible: shorter);
    }
}
