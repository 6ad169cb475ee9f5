using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary><c>kafka-infra:allowDeletion</c>: the acknowledgements of changes that delete data.</summary>
public static partial class StackConfigLoader
{
    private static AllowDeletionConfig ReadAllowDeletion(Dictionary<string, JsonElement> values, ErrorBag errors)
    {
        if (!values.TryGetValue(ConfigKeys.AllowDeletion, out var element))
        {
            return AllowDeletionConfig.None;
        }

        var path = ConfigKeys.Qualified(ConfigKeys.AllowDeletion);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping such as {{ topics: [orders.v1], clusterReplacement: true }}, got {Describe.Value(element)}");
            return AllowDeletionConfig.None;
        }

        var r = new ObjectReader(element, path, errors, KeysOf(ConfigKeys.AllowDeletion));
        var topics = r.StringList("topics");
        foreach (var duplicate in topics.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(r.Child("topics"), $"lists {Describe.Quote(duplicate.Key)} more than once");
        }

        return new AllowDeletionConfig(topics.Distinct(StringComparer.Ordinal).ToArray(), r.Bool("clusterReplacement", false));
    }
}
