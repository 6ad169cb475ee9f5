namespace KafkaInfra.Core.Tests;

/// <summary>
/// The one golden-file mechanism: rendered output compared with files under tests/KafkaInfra.Core.Tests/Golden, which
/// are rewritten only when <c>KAFKA_INFRA_UPDATE_GOLDEN=1</c> (then review the diff). Line endings are compared as LF.
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "KAFKA_INFRA_UPDATE_GOLDEN";

    /// <summary>The Golden folder of this test project.</summary>
    public static string Folder => Path.Combine(TestStacks.RepoRoot(), "tests", "KafkaInfra.Core.Tests", "Golden");

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the golden file <paramref name="name"/> (relative to <see cref="Folder"/>).</summary>
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {name} is missing: run the tests with {UpdateVariable}=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Asserts that the folder <paramref name="name"/> holds exactly <paramref name="files"/> (file name → content) among its
    /// files matching <paramref name="pattern"/>; when updating, stale files are deleted first.
    /// </summary>
    public static void AssertFolderMatches(string name, IReadOnlyDictionary<string, string> files, string pattern)
    {
        var folder = Path.Combine(Folder, name);
        if (Updating)
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.GetFiles(folder, pattern))
            {
                File.Delete(stale);
            }

            foreach (var (file, content) in files)
            {
                File.WriteAllText(Path.Combine(folder, file), content);
            }
        }

        Assert.True(Directory.Exists(folder), $"golden folder {name} is missing: run the tests with {UpdateVariable}=1 to create it");
        var golden = Directory.GetFiles(folder, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(golden, files.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (file, content) in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file)).ReplaceLineEndings("\n"), content.ReplaceLineEndings("\n"));
        }
    }
}
