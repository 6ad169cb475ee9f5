using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The reader of a consumer's KEDA settings (<see cref="ConsumerScalingConfig"/>). Ranges are the Kubernetes HPA's
/// (autoscaling/v2 validation: stabilization window 0-3600 s, policy period 1-1800 s, value > 0) and KEDA's
/// (pollingInterval ≥ 1, cooldownPeriod ≥ 0).
/// </summary>
public static partial class StackConfigLoader
{
    private static readonly string[] SelectPolicies = ["Max", "Min", "Disabled"];

    private static readonly string[] PolicyTypes = ["Pods", "Percent"];

    /// <summary>An optional string that must be one of <paramref name="allowed"/>; null when absent or refused.</summary>
    private static string? Choice(ObjectReader r, string key, string[] allowed, bool required = false)
    {
        var value = r.String(key, required, expected: string.Join(" or ", allowed));
        if (value is null || Array.IndexOf(allowed, value) >= 0)
        {
            return value;
        }

        r.Errors.Add(r.Child(key), $"must be one of {string.Join(", ", allowed)}; got {Describe.Quote(value)}");
        return null;
    }

    /// <summary>The topics of a consumer: exactly one of <c>topic</c> or <c>topics</c> (at least one name, no repeats).</summary>
    private static IReadOnlyList<string> ReadConsumerTopics(ObjectReader r)
    {
        var hasOne = r.Has("topic");
        var hasMany = r.Has("topics");
        if (hasOne && hasMany)
        {
            r.Errors.Add(r.Child("topics"), "must not be set together with topic: use topic for one topic, topics for several");
            return [];
        }

        if (!hasMany)
        {
            var topic = r.String("topic", required: true, expected: "the name of a topic in kafka-infra:topics (or topics: [...] for several)");
            return topic is null ? [] : [topic];
        }

        var topics = r.StringList("topics", required: true);
        if (topics.Count == 0)
        {
            r.Errors.Add(r.Child("topics"), "must list at least one topic");
        }

        foreach (var twice in topics.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            r.Errors.Add(r.Child("topics"), $"lists {Describe.Quote(twice.Key)} {twice.Count()} times");
        }

        return topics;
    }

    private static ConsumerScalingConfig ReadConsumerScaling(ObjectReader r, IReadOnlyList<string> topics)
    {
        var polling = r.Int(Key("consumers[].pollingIntervalSeconds"));
        var cooldown = r.Int(Key("consumers[].cooldownPeriodSeconds"));
        var behavior = ReadBehavior(r);
        var limit = r.Bool("limitToPartitionsWithLag", false);
        if (limit && topics.Count > 1)
        {
            // KEDA's kafka scaler refuses limitToPartitionsWithLag without its single topic (pkg/scalers/kafka_scaler.go, platform-facts 2.2).
            r.Errors.Add(r.Child("limitToPartitionsWithLag"), $"needs a single topic: KEDA's kafka trigger refuses it without one, and a group reading {topics.Count} topics is measured without; got true");
        }

        return new ConsumerScalingConfig(topics, polling, cooldown, behavior, limit, r.Bool("excludePersistentLag", false), r.Bool("scaleToZeroOnInvalidOffset", false), r.Has("topics"));
    }

    private static HpaBehaviorConfig? ReadBehavior(ObjectReader consumer)
    {
        if (consumer.Object("behavior", required: false, KeysOf("consumers[].behavior")) is not { } r)
        {
            return null;
        }

        return new HpaBehaviorConfig(ReadScalingRules(r, "scaleUp"), ReadScalingRules(r, "scaleDown"));
    }

    private static HpaScalingRulesConfig? ReadScalingRules(ObjectReader behavior, string key)
    {
        if (behavior.Object(key, required: false, KeysOf("consumers[].behavior." + key)) is not { } r)
        {
            return null;
        }

        var window = r.Int(Key($"consumers[].behavior.{key}.stabilizationWindowSeconds"));
        var select = Choice(r, "selectPolicy", SelectPolicies);
        var policies = new List<HpaScalingPolicyConfig>();
        foreach (var (p, _) in r.Objects("policies", KeysOf($"consumers[].behavior.{key}.policies[]")))
        {
            var type = Choice(p, "type", PolicyTypes, required: true);
            var value = p.Int(Key($"consumers[].behavior.{key}.policies[].value"), required: true);
            var period = p.Int(Key($"consumers[].behavior.{key}.policies[].periodSeconds"), required: true);
            if (type is not null && value is not null && period is not null)
            {
                policies.Add(new HpaScalingPolicyConfig(type, value.Value, period.Value));
            }
        }

        return new HpaScalingRulesConfig(window, select, policies);
    }
}
