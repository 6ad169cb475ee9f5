using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>Rules across entries: unique names, and every topic a consumer, connector or ksqlDB group names is declared in <c>kafka-infra:topics</c>.</summary>
public static partial class StackConfigLoader
{
    private static void CheckTopics(List<TopicConfig> topics, ErrorBag errors)
    {
        var byName = new Dictionary<string, TopicConfig>(topics.Count, StringComparer.Ordinal);
        var byCollision = new Dictionary<string, TopicConfig>(topics.Count, StringComparer.Ordinal);
        foreach (var t in topics)
        {
            if (byName.TryGetValue(t.Name, out var first))
            {
                errors.Add($"{t.Path}.name", $"duplicates {first.Path}.name {Describe.Quote(t.Name)}; topic names must be unique");
                continue;
            }

            byName[t.Name] = t;
            var key = Names.CollisionKey(t.Name);
            if (byCollision.TryGetValue(key, out var other))
            {
                errors.Add($"{t.Path}.name", $"collides with {other.Path}.name {Describe.Quote(other.Name)}: Kafka treats '.' and '_' alike in metric names and refuses to create both");
            }
            else
            {
                byCollision[key] = t;
            }
        }
    }

    private static void CheckConsumers(List<ConsumerConfig> consumers, List<TopicConfig> topics, IReadOnlySet<string> declared, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<(string, string), ConsumerConfig>();
        var groups = new Dictionary<string, ConsumerConfig>(StringComparer.Ordinal);
        foreach (var c in consumers)
        {
            if (c.Scaling is { TopicsListed: true })
            {
                for (var i = 0; i < c.Topics.Count; i++)
                {
                    CheckTopicReference($"{c.Path}.topics[{i}]", c.Topics[i], topicNames, declared, errors);
                }
            }
            else
            {
                CheckTopicReference($"{c.Path}.topic", c.Topic, topicNames, declared, errors);
            }
            if (!names.TryAdd((c.Namespace, c.Name), c))
            {
                errors.Add($"{c.Path}.name", $"duplicates {names[(c.Namespace, c.Name)].Path}.name {Describe.Quote(c.Name)} in namespace {Describe.Quote(c.Namespace)}; each workload gets one ScaledObject");
            }

            if (!groups.TryAdd(c.ConsumerGroup, c))
            {
                errors.Add($"{c.Path}.consumerGroup", $"is already used by {groups[c.ConsumerGroup].Path} ({Describe.Quote(c.ConsumerGroup)}); two workloads in one group would each scale on the whole group's lag");
            }
        }
    }

    private static void CheckConnect(List<ConnectGroupConfig> groups, List<TopicConfig> topics, IReadOnlySet<string> declared, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, ConnectGroupConfig>(StringComparer.Ordinal);
        var connectorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!names.TryAdd(g.Name, g))
            {
                errors.Add($"{g.Path}.name", $"duplicates {names[g.Name].Path}.name {Describe.Quote(g.Name)}");
            }

            if (g.MaxReplicas is not null && !g.Connectors.Any(c => c.Kind == ConnectorKind.Sink))
            {
                errors.Add($"{g.Path}.maxReplicas", "needs at least one sink connector in the group: KEDA scales Connect workers on the lag of their sink connectors' consumer groups");
            }

            foreach (var c in g.Connectors)
            {
                var cPath = $"{g.Path}.connectors[{c.Index}]";
                if (!connectorNames.TryAdd(c.Name, cPath))
                {
                    errors.Add($"{cPath}.name", $"duplicates {connectorNames[c.Name]}.name {Describe.Quote(c.Name)}; connector names are unique across Connect groups (their consumer groups are connect-<name>)");
                }

                for (var i = 0; i < c.Topics.Count; i++)
                {
                    CheckTopicReference($"{cPath}.topics[{i}]", c.Topics[i], topicNames, declared, errors);
                }
            }
        }
    }

    private static void CheckKsql(List<KsqlDbGroupConfig> groups, List<TopicConfig> topics, IReadOnlySet<string> declared, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, KsqlDbGroupConfig>(StringComparer.Ordinal);
        var ids = new Dictionary<string, KsqlDbGroupConfig>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!names.TryAdd(g.Name, g))
            {
                errors.Add($"{g.Path}.name", $"duplicates {names[g.Name].Path}.name {Describe.Quote(g.Name)}");
            }
            else if (!ids.TryAdd(g.ServiceId, g))
            {
                errors.Add($"{g.Path}.serviceId", $"is already used by {ids[g.ServiceId].Path} ({Describe.Quote(g.ServiceId)}); groups sharing a service id would form one ksqlDB cluster");
            }

            for (var i = 0; i < g.Topics.Count; i++)
            {
                CheckTopicReference($"{g.Path}.topics[{i}]", g.Topics[i], topicNames, declared, errors);
            }
        }
    }

    private static void CheckTopicReference(string path, string topic, HashSet<string> topicNames, IReadOnlySet<string> declared, ErrorBag errors)
    {
        if (topicNames.Contains(topic) || declared.Contains(topic))
        {
            return;
        }

        var suggestion = Suggest.Closest(topic, topicNames.Order(StringComparer.Ordinal));
        errors.Add(path, suggestion is not null
            ? $"names topic {Describe.Quote(topic)}, which is not in kafka-infra:topics; did you mean {Describe.Quote(suggestion)}?"
            : $"names topic {Describe.Quote(topic)}, which is not in kafka-infra:topics");
    }

    /// <summary>The name of every entry of <c>kafka-infra:topics</c> that has one, valid or not.</summary>
    private static HashSet<string> DeclaredTopicNames(Dictionary<string, JsonElement> values)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (values.TryGetValue(ConfigKeys.Topics, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    names.Add(name.GetString()!);
                }
            }
        }

        return names;
    }
}
