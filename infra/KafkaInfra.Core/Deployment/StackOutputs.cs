using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Deployment;

/// <summary>
/// The stack outputs of the Pulumi program: their names, and the values that come straight from the plan.
/// <see cref="TopicPartitions"/>, <see cref="Brokers"/> and <see cref="StorageGiB"/> are read back by the next
/// deployment (<see cref="DeployedStateReader"/>), so the names are a contract with the stack's own history.
/// </summary>
public static class StackOutputs
{
    /// <summary>Where clients connect: Strimzi's TLS bootstrap address, or the MSK bootstrap string for the auth mode.</summary>
    public const string BootstrapServers = "bootstrapServers";

    /// <summary>Map topic name → partitions, as deployed.</summary>
    public const string TopicPartitions = "topicPartitions";

    /// <summary>Broker count, as deployed (absent for MSK Serverless).</summary>
    public const string Brokers = "brokers";

    /// <summary>Per-broker storage in GiB, as deployed (absent for MSK Express and Serverless).</summary>
    public const string StorageGiB = "storageGiB";

    /// <summary>
    /// True once a deploy declared the Kafka ACLs of an MSK SCRAM or mTLS cluster; read back so the next deploy turns
    /// <c>allow.everyone.if.no.acl.found</c> off (absent on other stacks).
    /// </summary>
    public const string KafkaAclsDeclared = "kafkaAclsDeclared";

    /// <summary>Map consumer name → { min, max }: the KEDA replica range in effect (max capped at the topic's partitions).</summary>
    public const string ConsumerScaling = "consumerScaling";

    /// <summary>How many warnings the plan produced.</summary>
    public const string WarningCount = "warningCount";

    /// <summary>
    /// The raw config values this deployment was planned from (a JSON object of key → value), so the next preview
    /// can report the whole scaling impact against them. Holds only <c>kafka-infra:</c> keys and <c>aws:region</c>;
    /// the program exports it as a secret output when one of them was secret (<see cref="ConfigSecrets"/>).
    /// </summary>
    public const string PlanInputs = "planInputs";

    /// <summary>The <see cref="PlanInputs"/> value: the raw values as one JSON object, keys sorted, empty values left out.</summary>
    public static string PlanInputsValue(IReadOnlyDictionary<string, string?> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var kept = raw.Where(kv => kv.Value is not null && (kv.Key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal) || kv.Key == "aws:region"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return System.Text.Json.JsonSerializer.Serialize(kept, CoreJson.Default.DictionaryStringString);
    }

    /// <summary>
    /// Reads a previous <see cref="PlanInputs"/> output back; null when it is missing (a stack deployed before this
    /// output existed) or not a JSON object of strings — the report then falls back to the deployed numbers.
    /// </summary>
    public static IReadOnlyDictionary<string, string?>? ReadPlanInputs(object? value)
    {
        if (value is not string { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, CoreJson.Default.DictionaryStringString);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every output except <see cref="BootstrapServers"/>, as values Pulumi can serialise (string keys, int values,
    /// nested dictionaries). Brokers and storage are left out on the platforms that have none to compare.
    /// </summary>
    public static IReadOnlyDictionary<string, object> PlanValues(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [TopicPartitions] = plan.Topics.ToDictionary(t => t.Name, t => (object)t.Partitions, StringComparer.Ordinal),
        };
        // What was deployed, as the next run compares it: brokers except on Serverless; the configured per-broker
        // storage (not the live, possibly auto-scaled, volume) except on Express and Serverless.
        var profile = plan.Config.Cluster.Profile;
        if (profile.HasBrokers)
        {
            values[Brokers] = plan.Cluster.Brokers;
        }

        if (profile.HasStorage)
        {
            values[StorageGiB] = plan.Config.Cluster.StorageGiB;
        }

        if (Desired.Msk.MskCloudResources.AuthorizesWithAcls(plan))
        {
            values[KafkaAclsDeclared] = true;
        }

        values[ConsumerScaling] = plan.Consumers.ToDictionary(
            c => c.Name,
            c => (object)new Dictionary<string, object>(StringComparer.Ordinal) { ["min"] = c.MinReplicas, ["max"] = c.MaxReplicas },
            StringComparer.Ordinal);
        values[WarningCount] = plan.Warnings.Count;
        return values;
    }

    /// <summary>
    /// Where <see cref="BootstrapServers"/> comes from: a literal string for Strimzi
    /// (<c>&lt;cluster&gt;-kafka-bootstrap.&lt;ns&gt;.svc:9093</c>, the TLS listener), or the MSK cluster resource
    /// <c>&lt;cluster&gt;-msk</c>'s bootstrap output for the authentication mode.
    /// </summary>
    public static Text BootstrapServersSource(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cluster = plan.Config.Cluster;
        return cluster.Platform switch
        {
            // The address of the listener clients get by default (the internal TLS one), else the first listener's.
            StrimziPlatform strimzi => (strimzi.Config.ClientListener(null) ?? strimzi.Config.Listeners[0]).Bootstrap(cluster.Name, strimzi.Config.Namespace),
            MskPlatform msk => Text.Of(MskOutputs.BootstrapOf(cluster.Name, msk)),
            ExternalPlatform external => external.Config.BootstrapServers,
            _ => throw new InvalidOperationException($"no bootstrap address for {cluster.Platform.Kind}"),
        };
    }
}
