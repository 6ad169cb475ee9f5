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
        var plan = TestStacks.Valid(CapacityPlanner.Plan(TestStacks.StackFileRaw("prod")));
        var cloud = DesiredStateBuilder.Build(plan).Cloud;
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
        GoldenFiles.AssertFolderMatches("msk-prod", Rendered(), "*.json");
    }
}
