namespace KafkaInfra.Core.Tests.Architecture;

/// <summary>Core's files stay small enough to read in one sitting: one concept per file, about 400 lines at most.</summary>
public class FileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void No_core_file_is_over_400_lines()
    {
        var core = Path.Combine(TestStacks.RepoRoot(), "infra", "KafkaInfra.Core");
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(core, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, "split by concept: " + string.Join(", ", tooLong));
    }
}
