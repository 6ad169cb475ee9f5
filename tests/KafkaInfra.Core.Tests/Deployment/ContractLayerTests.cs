namespace KafkaInfra.Core.Tests.Deployment;

/// <summary>The contract with the Pulumi program (Core/Deployment) sits on top of Config, Planning and Desired: none of them refers back to it.</summary>
public class ContractLayerTests
{
    [Theory]
    [InlineData("Config")]
    [InlineData("Planning")]
    [InlineData("Desired")]
    [InlineData("Reports")]
    [InlineData("Reassignment")]
    public void Lower_folders_do_not_use_the_deployment_contract(string folder)
    {
        var root = Path.Combine(TestStacks.RepoRoot(), "infra", "KafkaInfra.Core", folder);
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("KafkaInfra.Core.Deployment", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_contract_lives_in_one_folder()
    {
        var core = Path.Combine(TestStacks.RepoRoot(), "infra", "KafkaInfra.Core");
        Assert.Equal(
            ["DeployedStateReader.cs", "PulumiLayout.Dependencies.cs", "PulumiLayout.cs", "StackOutputs.cs"],
            Directory.GetFiles(Path.Combine(core, "Deployment"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(
            Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Deployment{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
            f => Assert.DoesNotContain("namespace KafkaInfra.Core.Deployment", File.ReadAllText(f), StringComparison.Ordinal));
    }
}
