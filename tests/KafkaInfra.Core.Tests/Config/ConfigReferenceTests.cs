using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>
/// The config reference of docs/config.md and Pulumi.yaml is generated from the key table the loader reads. These tests
/// fail when either file drifts from the table; <c>KAFKA_INFRA_UPDATE_GOLDEN=1 dotnet test --filter ConfigReference</c>
/// rewrites the generated part (between the marker lines) and nothing else.
/// </summary>
public class ConfigReferenceTests
{
    private static void AssertGenerated(string fileName, string begin, string end, string generated)
    {
        var path = Path.Combine(TestStacks.RepoRoot(), fileName);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("KAFKA_INFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, ConfigReference.Splice(text, begin, end, generated));
            return;
        }

        var current = ConfigReference.Between(text, begin, end);
        Assert.True(current is not null, $"{fileName} has no generated config reference (markers '{begin}' and '{end}')");
        Assert.Equal(generated, current);
    }

    [Fact]
    public void Docs_config_reference_is_the_key_table() =>
        AssertGenerated("docs/config.md", ConfigReference.MarkdownBegin, ConfigReference.MarkdownEnd, ConfigReference.Markdown());

    [Fact]
    public void Pulumi_yaml_config_reference_is_the_key_table() =>
        AssertGenerated("Pulumi.yaml", ConfigReference.YamlBegin, ConfigReference.YamlEnd, ConfigReference.Yaml());

    [Fact]
    public void A_hand_edit_of_the_reference_is_detected()
    {
        var readme = ConfigReference.Splice($"intro\n{ConfigReference.MarkdownBegin}\nold\n{ConfigReference.MarkdownEnd}\nrest\n", ConfigReference.MarkdownBegin, ConfigReference.MarkdownEnd, ConfigReference.Markdown());
        var edited = readme.Replace("| `cluster.strimzi.namespace` |", "| `cluster.strimzi.ns` |", StringComparison.Ordinal);
        Assert.NotEqual(readme, edited);
        Assert.NotEqual(ConfigReference.Markdown(), ConfigReference.Between(edited, ConfigReference.MarkdownBegin, ConfigReference.MarkdownEnd));
        Assert.StartsWith("intro\n", readme, StringComparison.Ordinal);
        Assert.EndsWith("\nrest\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_appears_once_in_each_reference()
    {
        var markdown = ConfigReference.Markdown();
        var yaml = ConfigReference.Yaml().Split('\n');
        foreach (var key in ConfigKeyTable.All)
        {
            Assert.Single(markdown.Split('\n'), line => line.StartsWith($"| `{key.Path}` |", StringComparison.Ordinal));
        }

        Assert.Equal(ConfigKeyTable.All.Count, yaml.Count(l => l.Contains("; default: ", StringComparison.Ordinal)));
        Assert.All(yaml, l => Assert.True(l.Length <= 120, l));
    }

    [Fact]
    public void Documented_defaults_are_the_ones_the_loader_applies()
    {
        // The table takes its defaults from Defaults.cs; a loaded minimal stack shows the same values.
        var config = TestStacks.Load(TestStacks.StrimziCluster).GetOrThrow();
        Assert.Equal($"`{config.Cluster.KafkaVersion}`", Default("cluster.kafkaVersion"));
        Assert.Equal($"`{config.Cluster.Strimzi!.Namespace}`", Default("cluster.strimzi.namespace"));
        Assert.Equal(config.Cluster.Strimzi.Controllers.ToString(System.Globalization.CultureInfo.InvariantCulture), Default("cluster.strimzi.controllers"));
        Assert.Equal(config.TopicDefaults.RetentionHours.ToString(System.Globalization.CultureInfo.InvariantCulture), Default("topicDefaults.retentionHours"));
        Assert.Equal("required", Default("environment"));
    }

    [Theory]
    [InlineData("", "environment,environmentRules,cluster,topicDefaults,topics,consumers,connect,ksqldb,producers,users,tags,allowDeletion")]
    [InlineData("allowDeletion", "topics,clusterReplacement")]
    [InlineData("cluster", "name,kafkaVersion,brokers,storageGiB,brokerIngressMBps,maxPartitionsPerBroker,strimzi,msk,external")]
    [InlineData("cluster.external", "bootstrapServers,authentication,tls,caSecret,adminUsername,kedaSecret,kedaNamespace,brokers,manageAcls")]
    [InlineData("connect[]", "name,replicas,maxReplicas,lagThreshold,image,resources,connectors,listener,awsRoleArn,policyStatements,workerConfig,plugin,build")]
    [InlineData("connect[].connectors[]", "name,class,kind,topics,tasksMax,config")]
    public void The_loader_accepts_exactly_the_keys_of_the_table(string parent, string keys) =>
        Assert.Equal(keys.Split(','), ConfigKeyTable.KeysOf(parent));

    [Fact]
    public void A_key_missing_from_the_table_is_refused_by_the_loader()
    {
        // Sections read their keys from the table: a key the table does not list is unknown, with a suggestion.
        var result = TestStacks.Load(TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { namespac: kafka }", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:cluster.strimzi.namespac: unknown key; did you mean 'namespace'?", TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void The_structured_keys_are_the_mappings_and_lists_of_the_table()
    {
        Assert.Equal(["cluster", "topicDefaults", "topics", "consumers", "connect", "ksqldb", "producers", "users", "tags", "allowDeletion"], ConfigKeys.All.Where(ConfigKeys.Structured.Contains));
        Assert.DoesNotContain(ConfigKeys.Environment, ConfigKeys.Structured);
    }

    private static string Default(string path) => ConfigKeyTable.All.Single(k => k.Path == path).Default;

    public static TheoryData<string, string> RangedKeys => new()
    {
        { "cluster.brokers", TestStacks.StrimziCluster.Replace("brokers: 3", "brokers: VALUE", StringComparison.Ordinal) },
        { "cluster.strimzi.controllers", TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { controllers: VALUE }", StringComparison.Ordinal) },
        { "topics[].partitions", TestStacks.StrimziCluster + "  kafka-infra:topics:\n    - { name: t, messagesPerSecond: 1, partitions: VALUE }\n" },
        { "topics[].messagesPerSecond", TestStacks.StrimziCluster + "  kafka-infra:topics:\n    - { name: t, messagesPerSecond: VALUE, partitions: 1 }\n" },
        { "ksqldb[].replicas", TestStacks.StrimziCluster + "  kafka-infra:ksqldb:\n    - { name: q, replicas: VALUE }\n" },
        { "cluster.external.brokers", "  kafka-infra:cluster:\n    name: shared\n    external: { bootstrapServers: \"k:9093\", authentication: none, brokers: VALUE }\n" },
    };

    [Theory]
    [MemberData(nameof(RangedKeys))]
    public void The_loader_enforces_the_range_of_the_table(string path, string template)
    {
        // The reader takes the range from the table entry; the reference prints the same entry.
        var range = ConfigKeyTable.Find(path).Range!;
        var field = path[(path.LastIndexOf('.') + 1)..];
        string Errors(long value) => string.Join("\n", TestStacks.Lines(TestStacks.Load(template.Replace("VALUE", value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Errors));

        Assert.Contains($".{field}: must be <= {range.Max}, got {range.Max + 1}", Errors(range.Max + 1), StringComparison.Ordinal);
        Assert.Contains($".{field}: must be {(range.ExclusiveMin ? ">" : ">=")} {range.Min}, got {range.Min - (range.ExclusiveMin ? 0 : 1)}", Errors(range.Min - (range.ExclusiveMin ? 0 : 1)), StringComparison.Ordinal);
        Assert.DoesNotContain($".{field}:", Errors(range.Max), StringComparison.Ordinal);
        Assert.Contains($"| `{path}` | integer, {range} |", ConfigReference.Markdown(), StringComparison.Ordinal);
    }
}
