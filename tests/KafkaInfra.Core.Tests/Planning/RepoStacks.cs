namespace KafkaInfra.Core.Tests.Planning;

/// <summary>The real stack files of the repository, read through the same path the CLI uses.</summary>
internal static class RepoStacks
{
    public static string RepoRoot() => TestStacks.RepoRoot();

    /// <summary>The raw config values of Pulumi.&lt;stack&gt;.yaml.</summary>
    public static Dictionary<string, string?> Raw(string stack) => new(TestStacks.StackFileRaw(stack), StringComparer.Ordinal);
}
