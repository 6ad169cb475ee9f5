using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Reports;

/// <summary>Changes to the workloads that read the topics: KEDA-scaled consumers, Kafka Connect groups, ksqlDB groups.</summary>
internal sealed partial class ImpactComparer
{
    // ---- consumers ---------------------------------------------------------------------------------------------

    private static string ConsumerKey(ConsumerPlan c) => $"{c.Config.Namespace}/{c.Name}";

    private static string Range(ConsumerPlan c) => $"{Fmt.N(c.MinReplicas)}-{Fmt.N(c.MaxReplicas)} replicas, lagThreshold {Fmt.N(c.Config.LagThreshold)}";

    private static string CapNote(ConsumerPlan c) =>
        $"maxReplicas {Fmt.N(c.Config.MaxReplicas)} is capped at {Fmt.N(c.MaxReplicas)}, the partitions of {c.Topic}: {Fmt.N(c.Config.MaxReplicas - c.MaxReplicas)} more replicas would idle (raise the topic's partitions to scale further)";

    private void ConsumerAdded(ConsumerPlan c)
    {
        var cap = c.Capped ? "; " + CapNote(c) : "";
        Add(ChangeKind.ConsumerAdded, ConsumerKey(c), null, Range(c),
            $"KEDA scales {c.Config.Kind} {ConsumerKey(c)} between {Fmt.N(c.MinReplicas)} and {Fmt.N(c.MaxReplicas)} replicas on the lag of group {c.Config.ConsumerGroup} on {c.Topic} (target average lag {Fmt.N(c.Config.LagThreshold)} per replica){cap}");
    }

    private void Consumers(CapacityPlan old)
    {
        var before = old.Consumers.ToDictionary(ConsumerKey, StringComparer.Ordinal);
        var after = newPlan.Consumers.Select(ConsumerKey).ToHashSet(StringComparer.Ordinal);
        foreach (var c in newPlan.Consumers)
        {
            if (!before.TryGetValue(ConsumerKey(c), out var b))
            {
                ConsumerAdded(c);
                continue;
            }

            var parts = new List<string>();
            if (b.Topic != c.Topic || b.Config.ConsumerGroup != c.Config.ConsumerGroup)
            {
                parts.Add($"now reads {c.Topic} as group {c.Config.ConsumerGroup} (was {b.Topic} as {b.Config.ConsumerGroup}); a new group starts where its offset reset policy says");
            }

            if (b.MinReplicas != c.MinReplicas || b.MaxReplicas != c.MaxReplicas)
            {
                var grows = c.MinReplicas > b.MinReplicas || c.MaxReplicas > b.MaxReplicas;
                var shrinks = c.MinReplicas < b.MinReplicas || c.MaxReplicas < b.MaxReplicas;
                var members = (grows, shrinks) switch
                {
                    (true, true) => "each member that joins or leaves",
                    (false, true) => "each member that leaves",
                    _ => "each member that joins",
                };
                parts.Add($"KEDA now runs {Fmt.N(c.MinReplicas)} to {Fmt.N(c.MaxReplicas)} replicas (was {Fmt.N(b.MinReplicas)} to {Fmt.N(b.MaxReplicas)}); {members} triggers a consumer-group rebalance");
            }

            if (c.Capped && (!b.Capped || b.Config.MaxReplicas != c.Config.MaxReplicas || b.MaxReplicas != c.MaxReplicas))
            {
                parts.Add(CapNote(c));
            }
            else if (b.Capped && !c.Capped)
            {
                parts.Add($"maxReplicas {Fmt.N(c.Config.MaxReplicas)} is no longer capped by the partitions of {c.Topic}");
            }

            if (b.Config.LagThreshold != c.Config.LagThreshold)
            {
                var sooner = c.Config.LagThreshold < b.Config.LagThreshold ? "scales out sooner" : "scales out later";
                parts.Add($"lagThreshold {Fmt.N(b.Config.LagThreshold)} → {Fmt.N(c.Config.LagThreshold)} (target average lag per replica): KEDA {sooner}");
            }

            if (parts.Count > 0)
            {
                Add(ChangeKind.ConsumerScaling, ConsumerKey(c), Range(b), Range(c), string.Join("; ", parts));
            }
        }

        foreach (var b in old.Consumers.Where(c => !after.Contains(ConsumerKey(c))))
        {
            Add(ChangeKind.ConsumerRemoved, ConsumerKey(b), Range(b), null,
                $"deletes the KEDA ScaledObject: {b.Config.Kind} {ConsumerKey(b)} stays at its current replica count and is no longer scaled on lag; group {b.Config.ConsumerGroup}'s committed offsets remain until Kafka expires them");
        }
    }

    // ---- Connect -----------------------------------------------------------------------------------------------

    private static string Workers(ConnectGroupPlan g) => g.MaxReplicas is { } max
        ? $"{Fmt.N(g.Replicas)}-{Fmt.N(max)} workers (KEDA)"
        : Plural(g.Replicas, "worker", "workers");

    private void ConnectGroupAdded(ConnectGroupPlan g)
    {
        Add(ChangeKind.ConnectGroupAdded, g.Name, null, Workers(g),
            $"creates Kafka Connect group {g.Name} with {Workers(g)} and internal topics {g.ConfigStorageTopic}, {g.OffsetStorageTopic}, {g.StatusStorageTopic}");
        foreach (var c in g.Connectors)
        {
            ConnectorAdded(g, c);
        }
    }

    private void ConnectorAdded(ConnectGroupPlan g, ConnectorPlan c)
    {
        var reads = c.Config.Kind == ConnectorKind.Sink
            ? $"reads {string.Join(", ", c.Config.Topics)} as consumer group {c.ConsumerGroup}"
            : c.Config.Topics.Count > 0 ? $"writes to {string.Join(", ", c.Config.Topics)}" : "a source connector";
        Add(ChangeKind.ConnectorAdded, $"{g.Name}/{c.Name}", null, $"tasksMax {Fmt.N(c.TasksMax)}",
            $"starts {c.Config.Class} with up to {Plural(c.TasksMax, "task", "tasks")}: {reads}");
    }

    private void Connect(CapacityPlan old)
    {
        var before = old.Connect.ToDictionary(g => g.Name, StringComparer.Ordinal);
        foreach (var g in newPlan.Connect)
        {
            if (!before.TryGetValue(g.Name, out var b))
            {
                ConnectGroupAdded(g);
                continue;
            }

            if (b.Replicas != g.Replicas || b.MaxReplicas != g.MaxReplicas)
            {
                Add(ChangeKind.ConnectReplicas, g.Name, Workers(b), Workers(g),
                    $"Connect rebalances the group's tasks across {Workers(g)}; every connector of the group pauses briefly while its tasks move");
            }

            var connectors = b.Connectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var c in g.Connectors)
            {
                if (!connectors.TryGetValue(c.Name, out var bc))
                {
                    ConnectorAdded(g, c);
                }
                else if (Profile.IsMsk && ConnectorDefinitionChanged(bc, c))
                {
                    // MSK Connect changes only a connector's capacity in place: in aws_mskconnect_connector every other
                    // argument, connector_configuration (class, topics, tasks.max, config) included, is ForceNew
                    // (terraform-provider-aws internal/service/kafkaconnect/connector.go), so Pulumi replaces it.
                    Add(ChangeKind.ConnectorReplaced, $"{g.Name}/{c.Name}", $"tasksMax {Fmt.N(bc.TasksMax)}", $"tasksMax {Fmt.N(c.TasksMax)}",
                        "MSK Connect cannot change a connector's configuration in place, so the connector is deleted and created again: it stops for the minutes MSK Connect takes to create one"
                        + (c.Config.Kind == ConnectorKind.Sink
                            ? $"; its offsets stay in group {c.ConsumerGroup}, so the new connector resumes where the old one stopped"
                            : "; a source connector's offsets live in MSK Connect's offsets topic and survive only while the connector name stays the same"));
                }
                else if (bc.TasksMax != c.TasksMax)
                {
                    Add(ChangeKind.ConnectReplicas, $"{g.Name}/{c.Name}", $"tasksMax {Fmt.N(bc.TasksMax)}", $"tasksMax {Fmt.N(c.TasksMax)}",
                        $"the connector restarts its tasks and spreads {Plural(c.TasksMax, "task", "tasks")} over the group's workers");
                }
            }

            foreach (var bc in b.Connectors.Where(c => !g.Connectors.Any(n => n.Name == c.Name)))
            {
                Add(ChangeKind.ConnectorRemoved, $"{g.Name}/{bc.Name}", $"tasksMax {Fmt.N(bc.TasksMax)}", null,
                    bc.Config.Kind == ConnectorKind.Sink
                        ? $"stops and deletes the connector; its offsets stay in group {bc.ConsumerGroup}, so a connector re-created with the same name resumes where it stopped"
                        : "stops and deletes the connector; its source offsets stay in the group's offsets topic");
            }
        }

        foreach (var b in old.Connect.Where(o => !newPlan.Connect.Any(g => g.Name == o.Name)))
        {
            Add(ChangeKind.ConnectGroupRemoved, b.Name, Workers(b), null,
                $"deletes the workers and their {Plural(b.Connectors.Count, "connector", "connectors")}; the internal topics {b.ConfigStorageTopic}, {b.OffsetStorageTopic}, {b.StatusStorageTopic} and sink offsets stay on the cluster");
        }
    }

    private static bool ConnectorDefinitionChanged(ConnectorPlan before, ConnectorPlan after) =>
        before.TasksMax != after.TasksMax
        || before.Config.Class != after.Config.Class
        || before.Config.Kind != after.Config.Kind
        || !before.Config.Topics.SequenceEqual(after.Config.Topics, StringComparer.Ordinal)
        || before.Config.Config.Count != after.Config.Config.Count
        || before.Config.Config.Any(kv => !after.Config.Config.TryGetValue(kv.Key, out var v) || v != kv.Value);

    // ---- ksqlDB ------------------------------------------------------------------------------------------------

    private void KsqlDbAdded(KsqlDbGroupPlan g)
    {
        Add(ChangeKind.KsqlDbGroupAdded, g.Name, null, Plural(g.Replicas, "server", "servers"),
            $"creates {Plural(g.Replicas, "ksqlDB server", "ksqlDB servers")} with service id {g.ServiceId}; internal topics {g.InternalTopicPrefix}* with RF {g.InternalReplicationFactor}");
    }

    private void KsqlDb(CapacityPlan old)
    {
        foreach (var g in newPlan.KsqlDb)
        {
            var b = old.KsqlDb.FirstOrDefault(o => o.Name == g.Name);
            if (b is null)
            {
                KsqlDbAdded(g);
            }
            else if (b.Replicas != g.Replicas)
            {
                Add(ChangeKind.KsqlDbReplicas, g.Name, Plural(b.Replicas, "server", "servers"), Plural(g.Replicas, "server", "servers"),
                    $"the servers sharing service id {g.ServiceId} rebalance the persistent queries' tasks; moved state stores are restored from their changelog topics before those tasks resume");
            }
        }

        foreach (var b in old.KsqlDb.Where(o => !newPlan.KsqlDb.Any(g => g.Name == o.Name)))
        {
            Add(ChangeKind.KsqlDbGroupRemoved, b.Name, Plural(b.Replicas, "server", "servers"), null,
                $"deletes the servers: their persistent queries stop; the internal topics {b.InternalTopicPrefix}* (command topic {b.InternalTopicPrefix}_command_topic) stay on the cluster");
        }
    }
}
