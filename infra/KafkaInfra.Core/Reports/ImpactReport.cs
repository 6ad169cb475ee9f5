using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>What a change touches. The order here is the order changes are listed in (after unsafe ones).</summary>
public enum ChangeKind
{
    Platform,
    ClusterReplaced,
    Environment,
    KafkaVersion,
    Brokers,
    Storage,
    InstanceType,
    TopicAdded,
    TopicRemoved,
    Partitions,
    ReplicationFactor,
    MinInsyncReplicas,
    Retention,
    ConsumerAdded,
    ConsumerRemoved,
    ConsumerScaling,
    ConnectGroupAdded,
    ConnectGroupRemoved,
    ConnectReplicas,
    ConnectorAdded,
    ConnectorRemoved,
    ConnectorReplaced,
    KsqlDbGroupAdded,
    KsqlDbGroupRemoved,
    KsqlDbReplicas,
    ClientAuthentication,
}

/// <summary>
/// One reviewable change between two plans: what, from what to what, what it does to data and clients, and
/// whether it is unsafe (data loss, a refused operation, or a new cluster). <see cref="Acknowledge"/> says how to
/// proceed when a change is unsafe but can be made safe or acknowledged.
/// </summary>
/// <param name="Kind">What the change touches.</param>
/// <param name="Subject">The cluster, topic, consumer, group or connector name.</param>
/// <param name="Old">The value before (null when the subject is new).</param>
/// <param name="New">The value after (null when the subject is removed).</param>
/// <param name="Consequence">One line: what happens to data, clients and the platform.</param>
/// <param name="Unsafe">True when applying it loses data, is refused, or replaces the cluster.</param>
/// <param name="Acknowledge">How to resolve or acknowledge an unsafe change; null when nothing is needed.</param>
/// <param name="ConfigPath">The config key the change is made at, when it is one key (e.g. <c>kafka-infra:cluster.brokers</c>).</param>
/// <param name="Irreversible">True when the change cannot be undone by reverting the config: partitions cannot be removed,
/// storage cannot shrink, data past a shorter retention is deleted.</param>
public sealed record Change(ChangeKind Kind, string Subject, string? Old, string? New, string Consequence, bool Unsafe, string? Acknowledge = null, string? ConfigPath = null, bool Irreversible = false)
{
    /// <summary>"old → new", "(new) → new" or "old → (removed)".</summary>
    public string Transition => $"{Old ?? "(none)"} → {New ?? "(removed)"}";
}

/// <summary>Reviewer acknowledgements that turn an otherwise unsafe change into an accepted one.</summary>
/// <param name="AllowedTopicDeletions">Topic names whose removal (and data deletion) is intended: <c>kafka-infra diff --allow-topic-deletion &lt;name&gt;</c>.</param>
/// <param name="ThrottleMBps">Replication throttle assumed for data-movement estimates.</param>
public sealed record ImpactOptions(IReadOnlyCollection<string> AllowedTopicDeletions, double ThrottleMBps = Defaults.ReassignmentThrottleMBps)
{
    public static ImpactOptions Default { get; } = new(Array.Empty<string>());
}

/// <summary>
/// The outcome of planning both sides of a change (<see cref="ImpactReport.Plan"/>): both plans, or the errors of
/// the side that is invalid. <see cref="Refusals"/> are the planner errors that appear only because of what is
/// deployed (a partition or storage decrease, an undrained MSK scale-in) or only under prod's rules (a capacity
/// shortfall, a durability rule): the new config is otherwise valid, but the change is refused.
/// </summary>
public sealed record ImpactPlans(
    CapacityPlan? OldPlan,
    CapacityPlan? NewPlan,
    IReadOnlyList<Diagnostic> BaseErrors,
    IReadOnlyList<Diagnostic> NewErrors,
    IReadOnlyList<Diagnostic> Refusals,
    bool IsNewStack)
{
    /// <summary>The base config is invalid: nothing can be compared against it.</summary>
    public bool BaseInvalid => BaseErrors.Count > 0;

    /// <summary>The new config is invalid on its own.</summary>
    public bool NewInvalid => NewErrors.Count > 0;

    public bool IsValid => !BaseInvalid && !NewInvalid && NewPlan is not null;
}

/// <summary>
/// The scaling-impact report: every change between an old and a new capacity plan with its consequence in plain
/// language. Pure and deterministic; renderings (text, markdown, JSON, log lines) are in ImpactReport.Render.cs.
/// </summary>
public sealed partial class ImpactReport
{
    private ImpactReport(CapacityPlan newPlan, IReadOnlyList<Change> changes, IReadOnlyList<Diagnostic> refusals, bool isNewStack, bool fromDeployedOnly, IReadOnlyList<Diagnostic>? newWarnings = null, double? brokerMoveHours = null)
    {
        NewPlan = newPlan;
        Changes = changes;
        Rollout = RolloutSteps(changes, newPlan, brokerMoveHours);
        // A refusal that an unsafe change already explains (same config key) is not listed twice.
        var unsafePaths = changes.Where(c => c.Unsafe && c.ConfigPath is not null).Select(c => c.ConfigPath!).ToHashSet(StringComparer.Ordinal);
        Refusals = [.. refusals.Where(r => !unsafePaths.Contains(r.Path))];
        // A warning at the key of a listed change (e.g. "grows partitions") repeats that change.
        var paths = changes.Where(c => c.ConfigPath is not null).Select(c => c.ConfigPath!).ToHashSet(StringComparer.Ordinal);
        // A refusal is not repeated as the warning the lenient plan raised at the same key.
        paths.UnionWith(refusals.Select(r => r.Path));
        NewWarnings = [.. (newWarnings ?? []).Where(w => !paths.Contains(w.Path))];
        IsNewStack = isNewStack;
        FromDeployedOnly = fromDeployedOnly;
    }

    /// <summary>The platform after the change (drawn in the markdown's Mermaid chart).</summary>
    public CapacityPlan NewPlan { get; }

    /// <summary>Every change, in a fixed order: cluster, then topics (config order, removed ones last), consumers, Connect, ksqlDB.</summary>
    public IReadOnlyList<Change> Changes { get; }

    /// <summary>Planner errors caused only by the transition (see <see cref="ImpactPlans.Refusals"/>).</summary>
    public IReadOnlyList<Diagnostic> Refusals { get; }

    /// <summary>Planner warnings of the new plan that the old plan did not have.</summary>
    public IReadOnlyList<Diagnostic> NewWarnings { get; }

    /// <summary>No base existed: everything is new.</summary>
    public bool IsNewStack { get; }

    /// <summary>Built from the deployed numbers only (partitions, brokers, storage), not a whole old config.</summary>
    public bool FromDeployedOnly { get; }

    /// <summary>The changes with the unsafe ones first (stable: otherwise in <see cref="Changes"/> order).</summary>
    public IReadOnlyList<Change> Ordered => [.. Changes.Where(c => c.Unsafe), .. Changes.Where(c => !c.Unsafe)];

    public int UnsafeCount => Changes.Count(c => c.Unsafe);

    /// <summary>True when the change must not go ahead as is (exit code 3 of <c>kafka-infra diff</c>).</summary>
    public bool HasUnsafe => UnsafeCount > 0 || Refusals.Count > 0;

    /// <summary>
    /// Plans both sides of a change: the old config alone, then the new config with the old plan's partitions,
    /// brokers and storage as <see cref="DeployedState"/> (so decreases are caught). <paramref name="oldRaw"/> null
    /// means the stack is new. A platform switch plans the new side from scratch (it is a new cluster).
    /// </summary>
    public static ImpactPlans Plan(IReadOnlyDictionary<string, string?>? oldRaw, IReadOnlyDictionary<string, string?> newRaw)
    {
        ArgumentNullException.ThrowIfNull(newRaw);
        CapacityPlan? oldPlan = null;
        if (oldRaw is not null)
        {
            // The base is what is deployed: only its numbers matter, so prod's errors are warnings there.
            var oldResult = CapacityPlanner.PlanBase(oldRaw);
            if (!oldResult.IsValid)
            {
                return new ImpactPlans(null, null, oldResult.Errors, [], [], false);
            }

            oldPlan = oldResult.Plan!;
        }

        // The new config must be valid on its own; errors that appear only against the deployed state are refusals.
        // The config is loaded once; the common case (same platform, no refusal) plans it once.
        var load = StackConfigLoader.Load(newRaw);
        if (!load.IsValid)
        {
            return new ImpactPlans(oldPlan, null, [], load.Errors, [], oldPlan is null);
        }

        var config = load.Config!;
        if (oldPlan is null || oldPlan.Cluster.Platform != config.Cluster.Platform.Kind)
        {
            var fresh = CapacityPlanner.Plan(config);
            if (fresh.IsValid)
            {
                return new ImpactPlans(oldPlan, fresh.Plan, [], [], [], oldPlan is null);
            }

            // Only prod's rules refuse it (a capacity shortfall, a durability rule): they are refusals, and the rest of
            // the change is still reported.
            var lenientFresh = CapacityPlanner.PlanLenient(config);
            return lenientFresh.IsValid
                ? new ImpactPlans(oldPlan, lenientFresh.Plan, [], [], fresh.Errors, oldPlan is null)
                : new ImpactPlans(oldPlan, null, [], fresh.Errors, [], oldPlan is null);
        }

        var deployed = DeployedOf(oldPlan);
        var against = CapacityPlanner.Plan(config, deployed);
        if (against.IsValid)
        {
            return new ImpactPlans(oldPlan, against.Plan, [], [], [], false);
        }

        var alone = CapacityPlanner.Plan(config);
        var lenient = !alone.IsValid;
        if (lenient && CapacityPlanner.PlanLenient(config) is { IsValid: false })
        {
            return new ImpactPlans(oldPlan, null, [], alone.Errors, [], false);
        }

        // Refused: plan again without the refused comparisons, so the report still shows every other change with
        // the partitions the planner keeps (a computed count never drops below what is deployed).
        var explicitCounts = config.Topics.Where(t => t.Partitions is not null).ToDictionary(t => t.Name, t => t.Partitions!.Value, StringComparer.Ordinal);
        var keep = deployed.TopicPartitions
            .Where(p => !explicitCounts.TryGetValue(p.Key, out var explicitPartitions) || explicitPartitions >= p.Value)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var relaxed = lenient ? CapacityPlanner.PlanLenient(config, new DeployedState(keep)) : CapacityPlanner.Plan(config, new DeployedState(keep));
        var fallback = lenient ? CapacityPlanner.PlanLenient(config).Plan : alone.Plan;
        return new ImpactPlans(oldPlan, relaxed.IsValid ? relaxed.Plan : fallback, [], [], against.Errors, false);
    }

    /// <summary>What a plan deploys: its partitions per topic, broker count and per-broker storage.</summary>
    public static DeployedState DeployedOf(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var profile = plan.Cluster.Profile;
        return new DeployedState(plan.TopicPartitions(), profile.HasBrokers ? plan.Cluster.Brokers : null, profile.HasStorage ? plan.Config.Cluster.StorageGiB : null);
    }

    /// <summary>The report for planned sides (see <see cref="Plan"/>); the plans must be valid.</summary>
    public static ImpactReport From(ImpactPlans plans, ImpactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (!plans.IsValid)
        {
            throw new ArgumentException("both plans must be valid to compare them", nameof(plans));
        }

        var comparer = new ImpactComparer(plans.OldPlan, plans.NewPlan!, options ?? ImpactOptions.Default);
        var changes = comparer.Compare();
        return new ImpactReport(plans.NewPlan!, changes, plans.Refusals, plans.OldPlan is null, false, WarningsAdded(plans.OldPlan, plans.NewPlan!), comparer.BrokerMoveHours);
    }

    /// <summary>Every change from <paramref name="oldPlan"/> to <paramref name="newPlan"/>.</summary>
    public static ImpactReport Compare(CapacityPlan oldPlan, CapacityPlan newPlan, ImpactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldPlan);
        ArgumentNullException.ThrowIfNull(newPlan);
        var comparer = new ImpactComparer(oldPlan, newPlan, options ?? ImpactOptions.Default);
        var changes = comparer.Compare();
        return new ImpactReport(newPlan, changes, [], false, false, WarningsAdded(oldPlan, newPlan), comparer.BrokerMoveHours);
    }

    /// <summary>
    /// The report a <c>pulumi preview</c> logs: against the previous deployment's plan inputs when it recorded them
    /// (the whole report, as <c>kafka-infra diff</c> gives), else against the deployed numbers alone, else — nothing
    /// deployed — a new stack.
    /// </summary>
    public static ImpactReport ForUpdate(DeployedState deployed, IReadOnlyDictionary<string, string?>? previousInputs, CapacityPlan newPlan)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        ArgumentNullException.ThrowIfNull(newPlan);
        if (previousInputs is not null && CapacityPlanner.PlanBase(previousInputs) is { IsValid: true } previous)
        {
            return Compare(previous.Plan!, newPlan);
        }

        return deployed.TopicPartitions.Count == 0 && deployed.Brokers is null && deployed.StorageGiB is null
            ? NewStack(newPlan)
            : FromDeployed(deployed, newPlan);
    }

    /// <summary>A stack with nothing deployed: every resource is new.</summary>
    public static ImpactReport NewStack(CapacityPlan newPlan)
    {
        ArgumentNullException.ThrowIfNull(newPlan);
        var changes = new ImpactComparer(null, newPlan, ImpactOptions.Default).Compare();
        return new ImpactReport(newPlan, changes, [], true, false);
    }

    /// <summary>
    /// The report when only the deployed numbers are known (the Pulumi program reads them back from the previous
    /// deployment's outputs): partition changes, new and removed topics, broker count and storage.
    /// </summary>
    public static ImpactReport FromDeployed(DeployedState deployed, CapacityPlan newPlan, ImpactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        ArgumentNullException.ThrowIfNull(newPlan);
        var comparer = new ImpactComparer(null, newPlan, options ?? ImpactOptions.Default);
        var changes = comparer.CompareDeployed(deployed);
        return new ImpactReport(newPlan, changes, [], false, true, null, comparer.BrokerMoveHours);
    }

    /// <summary>Warnings of <paramref name="newPlan"/> not already raised (same key, same text) by <paramref name="oldPlan"/>.</summary>
    private static List<Diagnostic> WarningsAdded(CapacityPlan? oldPlan, CapacityPlan newPlan)
    {
        var old = (oldPlan?.Warnings ?? []).ToHashSet();
        return [.. newPlan.Warnings.Where(w => !old.Contains(w))];
    }

    /// <summary>
    /// The share of the data that moves when the broker count changes from <paramref name="oldBrokers"/> to
    /// <paramref name="newBrokers"/>: k ÷ (n + k) on scale-out (the new brokers' even share, a lower bound), and
    /// k ÷ n on scale-in (everything the removed brokers hold).
    /// </summary>
    public static double MovedShare(int oldBrokers, int newBrokers)
    {
        if (oldBrokers <= 0 || newBrokers <= 0 || oldBrokers == newBrokers)
        {
            return 0;
        }

        return newBrokers > oldBrokers
            ? (double)(newBrokers - oldBrokers) / newBrokers
            : (double)(oldBrokers - newBrokers) / oldBrokers;
    }

    /// <summary>Hours to copy <paramref name="bytes"/> at <paramref name="throttleMBps"/>: bytes ÷ (MB/s × 10⁶) ÷ 3600.</summary>
    public static double TransferHours(double bytes, double throttleMBps) =>
        throttleMBps <= 0 ? double.PositiveInfinity : bytes / (throttleMBps * Units.MB) / 3600d;
}
