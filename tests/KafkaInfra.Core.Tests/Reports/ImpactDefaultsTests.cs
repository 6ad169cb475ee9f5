using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Reports;

public class ImpactDefaultsTests
{
    [Fact]
    public void Reassignment_throttle_default_is_pinned_and_documented()
    {
        Assert.Equal(50.0, Defaults.ReassignmentThrottleMBps);
        Assert.Equal(60_000, Defaults.DiffMarkdownMaxCharacters); // under GitHub's 65,536-character comment limit
        Assert.Equal(40, Defaults.DiffMermaidMaxTopics);
        var pulumiYaml = File.ReadAllText(Path.Combine(ImpactMarkdownTests.RepoRoot(), "Pulumi.yaml"));
        Assert.Contains("50 MB/s reassignment throttle", pulumiYaml, StringComparison.Ordinal);
        Assert.Contains("Defaults.ReassignmentThrottleMBps", pulumiYaml, StringComparison.Ordinal);
    }
}
