using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Reports;

public class ImpactDefaultsTests
{
    [Fact]
    public void Reassignment_throttle_default_is_pinned_and_documented()
    {
        Assert.Equal(50.0, Defaults.ReassignmentThrottleMBps);
        var pulumiYaml = File.ReadAllText(Path.Combine(ImpactMarkdownTests.RepoRoot(), "Pulumi.yaml"));
        Assert.Contains("50 MB/s reassignment throttle", pulumiYaml, StringComparison.Ordinal);
        Assert.Contains("Defaults.ReassignmentThrottleMBps", pulumiYaml, StringComparison.Ordinal);
    }
}
