using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>
/// The cloud resources of the real Pulumi.prod.yaml, one JSON file each, named as <c>kafka-infra render</c> names them.
/// Rewritten only when KAFKA_INFRA_UPDATE_GOLDEN=1.
/// </summary>
public class MskGoldenTests
{
    public const string GoldenFolder = "tests/KafkaInfra.Core.Tests/Golden/msk-prod";

    public static string RepoRoot() => TestStacks.RepoRoot();

    /// <summary>File name → content, as render writes the cloud resources of the prod stack.</summary>
    public static SortedDictionary<string, string> Rendered()
    {
        var root = RepoRoot();
        var stack = StackFile.Parse(File.ReadAllText(Path.Combine(root, "Pulumi.prod.yaml")), "Pulumi.prod.yaml");
        Assert.True(stack.IsValid, string.Join("\n", stack.Errors));
        var result = CapacityPlanner.Plan(stack.Values);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var cloud = DesiredStateBuilder.Build(result.Plan!).Cloud;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < cloud.Count; i++)
        {
            files.Add($"cloud-{i:000}-{cloud[i].Name}.json", ManifestWriter.ToJson(cloud[i]));
        }

        return files;
    }

    [Fact]
    public void Prod_stack_renders_the_golden_cloud_resources()
    {
        var folder = Path.Combine(RepoRoot(), GoldenFolder);
        var rendered = Rendered();
        if (Environment.GetEnvironmentVariable("KAFKA_INFRA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.GetFiles(folder, "*.json"))
            {
                File.Delete(stale);
            }

            foreach (var (name, content) in rendered)
            {
                File.WriteAllText(Path.Combine(folder, name), content);
            }
        }

        var golden = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(golden, rendered.Keys.ToList());
        foreach (var (name, content) in rendered)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, name)), content);
        }
    }
}
