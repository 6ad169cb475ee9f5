using System.Globalization;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// A topic's retention and the storage it needs at full retention: by time (rate × size × retention × RF), by size
/// (<c>retention.bytes</c> × partitions × RF), the smaller when both bound it, or not estimated with the reason.
/// </summary>
internal sealed partial class PlanContext
{
    private sealed record TopicStorage(long? RetentionMs, double Bytes, Derivation Derivation, string? Unsized);

    private TopicStorage PlanTopicStorage(TopicConfig t, int partitions, int messageBytes, int rf)
    {
        if (t.CompactedOnly)
        {
            // Kafka deletes by time and size only with the delete policy (UnifiedLog.deleteOldSegments): a compacted topic
            // keeps the latest value of every key, so its size follows the number of keys, which no key here declares.
            const string why = "compacted (cleanup.policy=compact): it keeps the latest value of each key, so its size follows the number of distinct keys; not counted in the storage check";
            Advice.Add(new Diagnostic($"{t.Path}.config.cleanup.policy", $"{Describe.Quote(t.Name)} is {why}; leave room for it in storageGiB"));
            return new TopicStorage(null, 0, new Derivation("not sized (compacted)", why), why);
        }

        var retentionMs = t.RetentionMs ?? TopicPlan.ToRetentionMs(t.RetentionHours ?? config.TopicDefaults.RetentionHours);
        var retentionKey = t.RetentionMs is not null ? "retentionMs" : t.RetentionHours is not null ? "retentionHours" : "topicDefaults.retentionHours";
        long? perPartition = t.Config.TryGetValue(KafkaTopicConfigs.RetentionBytes, out var text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : null;

        Derivation? byTime = null;
        var timeBytes = double.PositiveInfinity;
        if (retentionMs > 0 && t.StorageMessagesPerSecond is { } rate)
        {
            timeBytes = CapacityPlanner.TopicStorageBytes(rate, messageBytes, retentionMs, rf);
            var source = t.AverageMessagesPerSecond is null ? "messagesPerSecond" : "averageMessagesPerSecond";
            var (unit, retentionText) = retentionMs % 3_600_000 == 0
                ? ("retentionHours × 3600", $"{Fmt.N(retentionMs / 3_600_000)} h × 3600")
                : ("retentionMs ÷ 1000", $"{Fmt.N(retentionMs)} ms ÷ 1000");
            byTime = new Derivation(
                $"{source} × messageBytes × {unit} × replicationFactor",
                $"{Fmt.N(rate)}{(t.AverageMessagesPerSecond is null ? "" : " (average)")} × {Fmt.N(messageBytes)} B × {retentionText} × {rf} = {Fmt.GiB(timeBytes)}");
        }

        Derivation? bySize = null;
        var sizeBytes = double.PositiveInfinity;
        if (perPartition is { } limit)
        {
            // retention.bytes bounds one partition (Kafka TopicConfig.RETENTION_BYTES_DOC); Kafka deletes whole segments,
            // so a partition can hold up to one segment more than the limit.
            sizeBytes = (double)limit * partitions * rf;
            bySize = new Derivation("retention.bytes × partitions × replicationFactor", $"{Fmt.N(limit)} B × {Fmt.N(partitions)} × {rf} = {Fmt.GiB(sizeBytes)} (plus up to one segment per partition)");
        }

        if (byTime is not null && bySize is not null)
        {
            var both = Math.Min(timeBytes, sizeBytes);
            return new TopicStorage(retentionMs, both, new Derivation($"min({byTime.Formula}, {bySize.Formula})", $"min({byTime.Explanation}, {bySize.Explanation}) = {Fmt.GiB(both)}"), null);
        }

        if ((byTime ?? bySize) is { } only)
        {
            return new TopicStorage(retentionMs, Math.Min(timeBytes, sizeBytes), only, null);
        }

        if (retentionMs < 0)
        {
            var why = $"unbounded: {retentionKey} is -1 (no time limit) and config.retention.bytes is not set, so Kafka never deletes its data; not counted in the storage check";
            Warn($"{t.Path}.{(t.RetentionMs is not null ? "retentionMs" : "retentionHours")}", $"storage of {Describe.Quote(t.Name)} is {why}. Set config.retention.bytes (per partition) to bound it, or a finite retention");
            return new TopicStorage(retentionMs, 0, new Derivation("not sized (no time or size limit)", why), why);
        }

        const string unsized = "not sized: no messagesPerSecond and no config.retention.bytes, so nothing bounds its storage estimate; not counted in the storage check";
        return new TopicStorage(retentionMs, 0, new Derivation("not sized", unsized), unsized);
    }
}
