using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired.Kubernetes;

/// <summary>
/// <c>kafka-infra:tags</c> as Kubernetes labels: every pair that is a valid label goes on the metadata of every object
/// kafka-infra renders (Strimzi CRs, KafkaAccess, KEDA objects, ksqlDB workloads), after kafka-infra's own labels and
/// never replacing one of them. Pod templates keep their labels: a tag change must not roll the pods.
/// </summary>
public static class TagLabels
{
    /// <summary>
    /// <paramref name="objects"/> with the valid tags added to their labels; a key the object already has keeps
    /// kafka-infra's value. Objects are returned as they are when there is nothing to add.
    /// </summary>
    public static IReadOnlyList<KubernetesObject> Apply(IReadOnlyList<KubernetesObject> objects, IReadOnlyDictionary<string, string>? tags)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var labels = TagLabelRules.Valid(tags);
        if (labels.Count == 0)
        {
            return objects;
        }

        return objects.Select(o =>
        {
            var own = o.Labels.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
            var extra = labels.Where(l => !own.Contains(l.Key)).ToList();
            return extra.Count == 0 ? o : o with { Labels = [.. o.Labels, .. extra] };
        }).ToList();
    }
}
