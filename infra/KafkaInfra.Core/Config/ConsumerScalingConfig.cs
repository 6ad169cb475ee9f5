namespace KafkaInfra.Core.Config;

/// <summary>
/// The KEDA settings of one <c>kafka-infra:consumers[]</c> entry beyond its range (issue 16 item 7). Names and meanings
/// are KEDA 2.20's: ScaledObject <c>pollingInterval</c>, <c>cooldownPeriod</c>,
/// <c>advanced.horizontalPodAutoscalerConfig.behavior</c>, and the kafka trigger's <c>limitToPartitionsWithLag</c>,
/// <c>excludePersistentLag</c>, <c>scaleToZeroOnInvalidOffset</c> (platform-facts 2.1, 2.2).
/// </summary>
/// <param name="Topics">Every topic the group reads (<c>topic</c>, or <c>topics</c>); the first is <see cref="ConsumerConfig.Topic"/>.</param>
/// <param name="PollingIntervalSeconds">How often KEDA checks the lag, or null for KEDA's 30 s.</param>
/// <param name="CooldownPeriodSeconds">How long KEDA waits before the last step 1 → 0, or null for KEDA's 300 s.</param>
/// <param name="Behavior">The HPA's scale-up and scale-down behaviour, or null for the HPA's defaults.</param>
/// <param name="TopicsListed">True when the config gave <c>topics</c> (error paths then name <c>topics[i]</c>).</param>
public sealed record ConsumerScalingConfig(
    IReadOnlyList<string> Topics,
    int? PollingIntervalSeconds,
    int? CooldownPeriodSeconds,
    HpaBehaviorConfig? Behavior,
    bool LimitToPartitionsWithLag,
    bool ExcludePersistentLag,
    bool ScaleToZeroOnInvalidOffset,
    bool TopicsListed = false);

/// <summary><c>behavior</c>: the HPA's <c>autoscaling/v2</c> HorizontalPodAutoscalerBehavior.</summary>
public sealed record HpaBehaviorConfig(HpaScalingRulesConfig? ScaleUp, HpaScalingRulesConfig? ScaleDown);

/// <summary><c>behavior.scaleUp</c> / <c>behavior.scaleDown</c>: HPAScalingRules.</summary>
public sealed record HpaScalingRulesConfig(int? StabilizationWindowSeconds, string? SelectPolicy, IReadOnlyList<HpaScalingPolicyConfig> Policies);

/// <summary>One HPAScalingPolicy: change by <see cref="Value"/> pods or percent within <see cref="PeriodSeconds"/>.</summary>
public sealed record HpaScalingPolicyConfig(string Type, int Value, int PeriodSeconds);
