using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>The real stack files of the repository, read through the same path the CLI uses.</summary>
internal static class RepoStacks
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KafkaInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KafkaInfra.sln not found above the test output directory");
    }

    /// <summary>The raw config values of Pulumi.&lt;stack&gt;.yaml.</summary>
    public static Dictionary<string, string?> Raw(string stack)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(RepoRoot(), $"Pulumi.{stack}.yaml")), $"Pulumi.{stack}.yaml");
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return new Dictionary<string, string?>(parsed.Values, StringComparer.Ordinal);
    }
}
