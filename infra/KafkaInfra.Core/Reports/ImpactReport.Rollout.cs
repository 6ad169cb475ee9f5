using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>
/// The rollout order: when one update combines disk expansion, broker scale-out (with its rebalance) and partition
/// increases, the order to apply them in, what each step restarts and how long the data movement takes.
/// </summary>
public sealed partial class ImpactReport
{
    /// <summary>
    /// The steps to apply this change in, one <c>pulumi up</c> each, with the lead time; empty when the change has at
    /// most one of disk expansion, broker scale-out and partition increases (nothing to order).
    /// </summary>
    public IReadOnlyList<string> Rollout { get; }

    /// <summary>Irreversible changes: reverting the config does not undo them.</summary>
    public IReadOnlyList<Change> Irreversible => [.. Changes.Where(c => c.Irreversible)];

    private static List<string> RolloutSteps(IReadOnlyList<Change> changes, CapacityPlan newPlan, double? brokerMoveHours)
    {
        var storage = changes.FirstOrDefault(c => c.Kind == ChangeKind.Storage && c.Irreversible);
        var brokers = changes.FirstOrDefault(c => c.Kind == ChangeKind.Brokers && !c.Unsafe && IsIncrease(c));
        var partitions = changes.Where(c => c.Kind == ChangeKind.Partitions && c.Irreversible).ToList();
        var consumers = changes.Where(c => c.Kind == ChangeKind.ConsumerScaling).ToList();
        var kinds = (storage is null ? 0 : 1) + (brokers is null ? 0 : 1) + (partitions.Count > 0 ? 1 : 0);
        if (kinds < 2)
        {
            return [];
        }

        var profile = newPlan.Cluster.Profile;
        var steps = new List<string>();
        var lead = new List<string>();
        if (storage is not null)
        {
            var restarts = newPlan.Cluster.Platform == Platform.Strimzi
                ? "wait until every broker is back and its partitions are in sync"
                : "nothing restarts; MSK allows the next storage change only after a cool-down of at least 6 hours";
            steps.Add($"grow storage first (cluster.storageGiB {storage.Transition}), so the brokers have room before data moves onto them: {profile.StorageGrowth}; {restarts}");
            lead.Add(newPlan.Cluster.Platform == Platform.Strimzi ? "a rolling restart" : "the volume expansion");
        }

        if (brokers is not null)
        {
            var hours = brokerMoveHours is { } h ? $"; the data movement takes about {ImpactComparer.Duration(h)} at the reassignment throttle" : "";
            steps.Add($"then add brokers (cluster.brokers {brokers.Transition}) and let the rebalance finish before the next step: {profile.BrokersAdded(newPlan.Config.Cluster, Count(brokers.Old))}; the existing brokers do not restart{hours}");
            if (brokerMoveHours is { } moved)
            {
                lead.Add($"about {ImpactComparer.Duration(moved)} of data movement");
            }
        }

        if (partitions.Count > 0)
        {
            var names = string.Join(", ", partitions.Select(p => $"{p.Subject} {p.Transition}"));
            steps.Add($"then raise the partitions ({names}), so the new partitions are placed on every broker: {profile.PartitionsAdded}; nothing restarts, and keys remap from that moment");
        }

        if (consumers.Count > 0)
        {
            steps.Add($"last, the consumer scaling ({string.Join(", ", consumers.Select(c => c.Subject))}): KEDA can only use as many replicas as the topic has partitions");
        }

        var result = steps.Select((s, i) => $"{i + 1}. {s}").ToList();
        result.Add($"Lead time before the peak: {(lead.Count > 0 ? string.Join(" plus ", lead) : "a few minutes")}; apply each step as its own commit, or apply this change that long before the traffic arrives.");
        return result;
    }

    private static bool IsIncrease(Change c) => Count(c.New) > Count(c.Old);

    /// <summary>A count as the report prints it ("1,200"), or 0.</summary>
    private static int Count(string? text) =>
        int.TryParse(text?.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
