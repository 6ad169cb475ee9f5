namespace KafkaInfra.Core.Config;

/// <summary>The stack config namespace and its top-level keys (the user-facing contract).</summary>
public static class ConfigKeys
{
    /// <summary>The Pulumi config namespace (the project name).</summary>
    public const string Namespace = "kafka-infra";

    public const string Environment = "environment";
    public const string EnvironmentRules = "environmentRules";
    public const string Cluster = "cluster";
    public const string TopicDefaults = "topicDefaults";
    public const string Topics = "topics";
    public const string Consumers = "consumers";
    public const string Connect = "connect";
    public const string KsqlDb = "ksqldb";
    public const string Producers = "producers";
    public const string Users = "users";
    public const string AllowDeletion = "allowDeletion";

    /// <summary><c>kafka-infra:tags</c>: tags of every AWS resource.</summary>
    public const string Tags = "tags";

    /// <summary>Every top-level key, in the order the contract documents them (from the key table).</summary>
    public static IReadOnlyList<string> All => ConfigKeyTable.TopLevel;

    /// <summary>Keys whose values are structured (YAML mappings or lists, JSON text in raw form).</summary>
    public static IReadOnlySet<string> Structured => ConfigKeyTable.Structured;

    /// <summary><c>kafka-infra:&lt;key&gt;</c>.</summary>
    public static string Qualified(string key) => $"{Namespace}:{key}";
}
