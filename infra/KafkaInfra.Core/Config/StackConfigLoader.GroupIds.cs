namespace KafkaInfra.Core.Config;

/// <summary>
/// Kafka group ids the stack's workloads share a broker-wide namespace for: a consumer's <c>consumerGroup</c>, each
/// Connect group's worker group id (its name) and each sink connector's consumer group <c>connect-&lt;connector&gt;</c>
/// (platform-facts 8.2). A consumer joining one of Connect's groups would take partitions from the connector (or
/// break the worker group's protocol) and KEDA would scale it on the connector's lag.
/// </summary>
public static partial class StackConfigLoader
{
    private static void CheckGroupIds(List<ConsumerConfig> consumers, List<ConnectGroupConfig> connect, ErrorBag errors)
    {
        var connectGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in connect)
        {
            connectGroups.TryAdd(g.Name, $"{g.Path}.name (the Connect workers' group.id)");
            foreach (var c in g.Connectors)
            {
                connectGroups.TryAdd(KafkaResources.ConnectorConsumerGroup(c.Name), $"{g.Path}.connectors[{c.Index}].name (its consumer group is connect-<connector>)");
            }
        }

        foreach (var c in consumers)
        {
            if (connectGroups.TryGetValue(c.ConsumerGroup, out var owner))
            {
                errors.Add($"{c.Path}.consumerGroup", $"is {Describe.Quote(c.ConsumerGroup)}, the Kafka group of {owner}: the consumer would share partitions with Kafka Connect and KEDA would scale it on Connect's lag; choose another consumerGroup");
            }
        }
    }
}
