using System.Globalization;

namespace KafkaInfra.Core.Config;

/// <summary><c>topics[].retentionMs</c> and <c>topics[].config</c>: Kafka's topic configs, checked by name and against the planner's keys.</summary>
public static partial class StackConfigLoader
{
    /// <summary>The keys that give a topic its time retention.</summary>
    private static readonly string[] RetentionKeys = ["retentionHours", "retentionMs"];

    /// <summary>
    /// <c>retentionMs</c>: positive, or <c>-1</c> for no time limit (Kafka TopicConfig.RETENTION_MS_DOC: "If set to -1, no
    /// time limit is applied"). One retention per topic: with <c>retentionHours</c> as well it is refused, naming both.
    /// </summary>
    private static long? ReadRetentionMs(ObjectReader r)
    {
        var ms = r.Long(Key("topics[].retentionMs"));
        if (ms == 0)
        {
            r.Errors.Add(r.Child("retentionMs"), "got 0, which deletes every closed segment as soon as the log cleaner runs; expected a positive retention in milliseconds, or -1 for no time limit");
            return null;
        }

        if (r.Has("retentionMs") && r.Has("retentionHours"))
        {
            r.Errors.Add(r.Child("retentionMs"), $"is set together with {r.Child("retentionHours")} (got retentionMs {Describe.Value(r.Raw("retentionMs")!.Value)}, retentionHours {Describe.Value(r.Raw("retentionHours")!.Value)}): a topic has one retention; keep one of them");
        }

        return ms;
    }

    /// <summary>
    /// Every <c>config</c> key must be a Kafka topic config (<see cref="KafkaTopicConfigs.Names"/>, with "did you mean"),
    /// not one the planner sets from its own keys, with a valid <c>cleanup.policy</c> and <c>retention.bytes</c>; a
    /// compacted-only topic takes no time or size retention (Kafka applies them only with the delete policy).
    /// </summary>
    private static void CheckTopicConfig(ObjectReader r, IReadOnlyDictionary<string, string> config)
    {
        var prefix = r.Child("config");
        foreach (var (key, value) in config)
        {
            if (KafkaTopicConfigs.PlannerOwned.FirstOrDefault(o => o.Config == key) is { Keys: { } owners })
            {
                r.Errors.Add($"{prefix}.{key}", $"got {Describe.Quote(value)}, but {key} is set by the topic's {owners}; set it there instead");
            }
            else if (!KafkaTopicConfigs.Names.Contains(key, StringComparer.Ordinal))
            {
                r.Errors.Add($"{prefix}.{key}", $"got {Describe.Quote(value)}, but {key} {KafkaTopicConfigs.UnknownKeyProblem(key)}");
            }
        }

        if (config.TryGetValue(KafkaTopicConfigs.CleanupPolicy, out var policy))
        {
            var items = KafkaTopicConfigs.SplitPolicy(policy);
            if (items.Length == 0 || items.Any(p => !KafkaTopicConfigs.Policies.Contains(p, StringComparer.Ordinal)))
            {
                r.Errors.Add($"{prefix}.{KafkaTopicConfigs.CleanupPolicy}", $"got {Describe.Quote(policy)}; expected delete, compact, or both as \"compact,delete\" (Kafka's cleanup.policy list)");
                return;
            }
        }

        if (config.TryGetValue(KafkaTopicConfigs.RetentionBytes, out var bytes)
            && (!long.TryParse(bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) || b < -1 || b == 0))
        {
            r.Errors.Add($"{prefix}.{KafkaTopicConfigs.RetentionBytes}", $"got {Describe.Quote(bytes)}; expected the most bytes one partition keeps, a positive integer (or -1 for no size limit)");
        }

        var compactedOnly = config.TryGetValue(KafkaTopicConfigs.CleanupPolicy, out var p2)
            && !KafkaTopicConfigs.SplitPolicy(p2).Contains(KafkaTopicConfigs.Delete, StringComparer.Ordinal);
        if (!compactedOnly)
        {
            return;
        }

        foreach (var key in RetentionKeys.Where(r.Has))
        {
            r.Errors.Add(r.Child(key), $"got {Describe.Value(r.Raw(key)!.Value)}, but {prefix}.cleanup.policy is {Describe.Quote(p2!)}: Kafka deletes by time only with the delete policy, so a compacted topic keeps every key's latest value whatever its retention; remove {key}, or set cleanup.policy to \"compact,delete\" to also delete by time");
        }

        if (config.ContainsKey(KafkaTopicConfigs.RetentionBytes))
        {
            r.Errors.Add($"{prefix}.{KafkaTopicConfigs.RetentionBytes}", $"got {Describe.Quote(bytes!)}, but {prefix}.cleanup.policy is {Describe.Quote(p2!)}: Kafka applies retention.bytes only with the delete policy; remove it, or set cleanup.policy to \"compact,delete\"");
        }
    }
}
