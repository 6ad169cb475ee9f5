using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// The fast YAML path (<see cref="BlockYaml"/>) writes exactly what the emitter writes, or declines: every Kubernetes
/// object of every stack in the repository and of a generated stack is written both ways and compared byte for byte,
/// and the objects a large stack is made of (topics, consumers' objects) do take the fast path.
/// </summary>
public class BlockYamlTests
{
    public static TheoryData<string> Strings() =>
    [
        "plain", "true", "True", "FALSE", "yes", "no", "on", "null", "Null", "0", "12", "0o17", "0x1F", "1e3", "100m", "2Gi",
        "3.6.0", "strimzi.io/cluster", "a=b", "kafka:9092", "key:", "y", "N", "Off", "1_000", "0b101", "017", "1:30",
        "190:20:30.15", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "1.2.3", "0.", "-", "-x", ".hidden", "/path",
        "_under", "abcdef", "deadbeef", "0xdeadbeefcafe", "1e100000", "falsey", "nullable", "offset", "Ontario",
        "topic-name.with.dots", "CamelCase", "x/y:z=1", "a-", "9092abc", "12345678901234567890", "*", "**", "*x",
        new string('a', 200), new string('b', 201),
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void Strings_as_values_keys_and_list_items_match_the_emitter_or_are_declined(string text)
    {
        var tree = new Tree
        {
            ["value"] = text,
            [text] = "as-key",
            ["list"] = Tree.List(text, "other"),
            ["nested"] = new Tree { ["items"] = Tree.List(new Tree { ["name"] = text, ["port"] = 9092, ["tls"] = true }, new Tree { ["n"] = 0 }) },
        };
        var fast = BlockYaml.TryWrite(tree);
        if (fast is not null)
        {
            Assert.Equal(ManifestWriter.EmitYaml(tree), fast);
        }
    }

    [Fact]
    public void Simple_trees_take_the_fast_path_and_others_are_declined()
    {
        Assert.NotNull(BlockYaml.TryWrite(new Tree { ["a"] = new Tree { ["b"] = Tree.List("c", 1, false) } }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = "has a space" }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = -1 }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = 0.5 }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = new Tree() }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = Tree.List() }));
        Assert.Null(BlockYaml.TryWrite(new Tree { ["a"] = Tree.List(Tree.List("nested")) }));
    }

    public static TheoryData<string> Stacks()
    {
        var root = TestStacks.RepoRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "Pulumi.*.yaml", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(root, f))
                     .Where(f => !f.StartsWith("tests", StringComparison.Ordinal) && !f.Contains("bin", StringComparison.Ordinal) && !f.Contains("obj", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_object_of_every_repository_stack_is_written_as_the_emitter_writes_it(string file)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(TestStacks.RepoRoot(), file)), file);
        var result = CapacityPlanner.PlanBase(parsed.Values);
        if (result.Plan is not { } plan)
        {
            return; // an example that shows a refusal has nothing to render
        }

        foreach (var obj in DesiredStateBuilder.Build(plan).Kubernetes)
        {
            var tree = obj.ToManifest();
            var fast = BlockYaml.TryWrite(tree);
            if (fast is not null)
            {
                Assert.Equal(ManifestWriter.EmitYaml(tree), fast);
            }
        }
    }

    [Fact]
    public void A_generated_stack_renders_the_same_and_its_topics_and_consumer_objects_take_the_fast_path()
    {
        var plan = StrimziStacks.Plan(StrimziStacks.StrimziYaml(topics: GeneratedTopics(200), tail: GeneratedConsumers(20)));
        var objects = DesiredStateBuilder.Build(plan).Kubernetes;
        var fastKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            var tree = obj.ToManifest();
            var fast = BlockYaml.TryWrite(tree);
            if (fast is not null)
            {
                Assert.Equal(ManifestWriter.EmitYaml(tree), fast);
                fastKinds.Add(obj.Kind);
            }
        }

        Assert.Superset(new HashSet<string>(["KafkaTopic", "KafkaUser", "KafkaAccess", "ScaledObject"], StringComparer.Ordinal), fastKinds);
        Assert.All(objects.Where(o => o.Kind == "KafkaTopic"), o => Assert.NotNull(BlockYaml.TryWrite(o.ToManifest())));
    }

    private static string GeneratedConsumers(int count) => "  kafka-infra:consumers:" + string.Concat(Enumerable.Range(0, count).Select(i => $"""

            - name: consumer-{i}
              namespace: apps
              topic: domain{i % 7}.events-{i}
              consumerGroup: group-{i}
              lagThreshold: 100000
              minReplicas: 1
              maxReplicas: 4
        """));

    private static string GeneratedTopics(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"""

          - name: domain{i % 7}.events-{i}
            messagesPerSecond: {1_000 + (i * 7_919 % 40_000)}
            messagesPerSecondPerConsumer: 5000
            messageBytes: {200 + (i % 5 * 300)}
            retentionHours: {1 + (i % 168)}
        """));
}
