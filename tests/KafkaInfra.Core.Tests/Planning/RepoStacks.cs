using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>The real stack files of the repository, read through the same path the CLI uses.</summary>
internal static class RepoStacks
{
    public static string RepoRoot() => TestStacks.RepoRoot();

    /// <summary>The raw config values of Pulumi.&lt;stack&gt;.yaml.</summary>
    public static Dictionary<string, string?> Raw(string stack)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(RepoRoot(), $"Pulumi.{stack}.yaml")), $"Pulumi.{stack}.yaml");
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new Dictionary<string, string?>(parsed.Values, StringComparer.Ordinal);
    }
}
