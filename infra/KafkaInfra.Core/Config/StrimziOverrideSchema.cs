using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>
/// What <c>cluster.strimzi.overrides.*</c> may hold: the properties of each rendered section with their JSON types,
/// written from the Strimzi 1.2.0 CRDs (040-Crd-kafka.yaml <c>spec.kafka</c>, <c>spec.cruiseControl</c>,
/// <c>spec.entityOperator</c>, <c>spec.kafkaExporter</c>; 045-Crd-kafkanodepool.yaml <c>spec</c>), minus the
/// properties another key owns (they would silently undo what the planner or a typed key decided).
/// </summary>
internal static class StrimziOverrideSchema
{
    private const string O = "object";
    private const string A = "array";
    private const string S = "string";
    private const string B = "boolean";

    private static readonly Dictionary<string, string> KafkaProps = new(StringComparer.Ordinal)
    {
        ["metadataVersion"] = S, ["image"] = S, ["brokerRackInitImage"] = S, ["livenessProbe"] = O, ["readinessProbe"] = O,
        ["jvmOptions"] = O, ["jmxOptions"] = O, ["logging"] = O, ["template"] = O, ["tieredStorage"] = O, ["quotas"] = O,
    };

    private static readonly Dictionary<string, string> PoolProps = new(StringComparer.Ordinal)
    {
        ["resources"] = O, ["jvmOptions"] = O, ["template"] = O,
    };

    private static readonly Dictionary<string, string> CruiseControlProps = new(StringComparer.Ordinal)
    {
        ["image"] = S, ["resources"] = O, ["livenessProbe"] = O, ["readinessProbe"] = O, ["jvmOptions"] = O, ["logging"] = O,
        ["template"] = O, ["brokerCapacity"] = O, ["config"] = O, ["metricsConfig"] = O, ["apiUsers"] = O,
    };

    private static readonly Dictionary<string, string> EntityOperatorProps = new(StringComparer.Ordinal)
    {
        ["topicOperator"] = O, ["userOperator"] = O, ["template"] = O,
    };

    private static readonly Dictionary<string, string> KafkaExporterProps = new(StringComparer.Ordinal)
    {
        ["image"] = S, ["groupRegex"] = S, ["topicRegex"] = S, ["groupExcludeRegex"] = S, ["topicExcludeRegex"] = S, ["resources"] = O,
        ["logging"] = S, ["livenessProbe"] = O, ["readinessProbe"] = O, ["enableSaramaLogging"] = B, ["showAllOffsets"] = B, ["template"] = O,
    };

    /// <summary>Properties of a section another key owns, with that key.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Owned = new(StringComparer.Ordinal)
    {
        ["kafka"] = new(StringComparer.Ordinal)
        {
            ["version"] = "cluster.kafkaVersion", ["listeners"] = "cluster.strimzi.listeners", ["config"] = "cluster.strimzi.kafkaConfig",
            ["metricsConfig"] = "cluster.strimzi.metrics", ["rack"] = "cluster.strimzi.rackTopologyKey",
            ["authorization"] = "the KafkaUsers' ACLs (simple authorization is required by them)",
        },
        ["brokerPool"] = PoolOwned(),
        ["controllerPool"] = PoolOwned(),
        ["cruiseControl"] = new(StringComparer.Ordinal) { ["autoRebalance"] = "the broker-change rebalancing the planner sets up" },
        ["entityOperator"] = new(StringComparer.Ordinal),
        ["kafkaExporter"] = new(StringComparer.Ordinal),
    };

    /// <summary>The override sections (the keys of <c>cluster.strimzi.overrides</c>).</summary>
    public static IReadOnlyList<string> Sections { get; } = ["kafka", "brokerPool", "controllerPool", "cruiseControl", "entityOperator", "kafkaExporter"];

    private static Dictionary<string, string> PoolOwned() => new(StringComparer.Ordinal)
    {
        ["replicas"] = "cluster.brokers / cluster.strimzi.controllers / nodePools[].replicas",
        ["roles"] = "cluster.strimzi.nodePools[].roles",
        ["storage"] = "cluster.storageGiB / cluster.strimzi.nodePools[].storage",
    };

    private static Dictionary<string, string> Props(string section) => section switch
    {
        "kafka" => KafkaProps,
        "brokerPool" or "controllerPool" => PoolProps,
        "cruiseControl" => CruiseControlProps,
        "entityOperator" => EntityOperatorProps,
        _ => KafkaExporterProps,
    };

    /// <summary>Checks one section's mapping, adding an error (with the config path) for each property it may not hold.</summary>
    public static void Check(string section, JsonElement value, string path, ErrorBag errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping of {section} properties, got {Describe.Value(value)}");
            return;
        }

        var props = Props(section);
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (Owned[section].TryGetValue(property.Name, out var owner))
            {
                errors.Add(at, $"is set by {owner}; it cannot be overridden here");
            }
            else if (!props.TryGetValue(property.Name, out var type))
            {
                errors.Add(at, ObjectReader.UnknownKeyMessage(property.Name, props.Keys.Order(StringComparer.Ordinal).ToList()) + $" (Strimzi 1.2 {section} properties)");
            }
            else if (!Matches(property.Value, type))
            {
                errors.Add(at, $"must be {(type == O ? "a mapping" : type == A ? "a list" : "a " + type)} (Strimzi 1.2 CRD), got {Describe.Value(property.Value)}");
            }
        }
    }

    private static bool Matches(JsonElement v, string type) => type switch
    {
        O => v.ValueKind == JsonValueKind.Object,
        A => v.ValueKind == JsonValueKind.Array,
        B => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => v.ValueKind == JsonValueKind.String,
    };
}
