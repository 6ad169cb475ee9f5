using KafkaInfra.Cli.Commands;

namespace KafkaInfra.Cli.Tests;

/// <summary>
/// Issue 15: a render does not create again the files that did not change (creating a file costs far more than its
/// bytes on many disks), and stays one all-or-nothing step. A file's modification time, set to the past after a
/// render, shows whether a later render wrote it again: a hard link keeps the inode and so the time.
/// </summary>
public sealed class RenderFolderReuseTests : IDisposable
{
    private const string Index = "# Rendered by kafka-infra render: test\n";
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly CliRunner.TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out => Path.Combine(_temp.Path, "out");

    private static List<(string, string)> Files(string b) => [("a.yaml", "a: 1\n"), ("b.yaml", b), ("c.yaml", "c: ü\n")];

    private void Replace(List<(string, string)> files) =>
        RenderFolder.Replace(Out, files, Index + string.Join("", files.Select(f => f.Item1 + "\n")), force: false);

    private void Age()
    {
        foreach (var f in Directory.GetFiles(Out))
        {
            File.SetLastWriteTimeUtc(f, LongAgo);
        }
    }

    private bool Rewritten(string name) => File.GetLastWriteTimeUtc(Path.Combine(Out, name)) != LongAgo;

    private string[] Leftovers() => Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Where(n => n!.StartsWith('.')).ToArray()!;

    [Fact]
    public void The_same_render_again_writes_no_file()
    {
        Replace(Files("b: 1\n"));
        Age();

        Replace(Files("b: 1\n"));

        Assert.DoesNotContain(Directory.GetFiles(Out), f => File.GetLastWriteTimeUtc(f) != LongAgo);
        Assert.Equal("c: ü\n", File.ReadAllText(Path.Combine(Out, "c.yaml")));
        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData("same")]
    [InlineData("one byte more")]
    [InlineData("one byte less")]
    [InlineData("last byte differs")]
    [InlineData("a multi-byte character differs")]
    public void A_large_index_is_compared_in_chunks_byte_for_byte(string change)
    {
        // Over several 16 KiB chunks, with two-byte characters on the chunk boundaries.
        var text = string.Concat(Enumerable.Range(0, 3_000).Select(i => $"02-kafkatopic-kafka-tópic-{i}.yaml\n"));
        var onDisk = change switch
        {
            "same" => text,
            "one byte more" => text + "x",
            "one byte less" => text[..^1],
            "last byte differs" => text[..^1] + "x",
            _ => text.Replace("tópic-2999", "tòpic-2999", StringComparison.Ordinal),
        };
        Directory.CreateDirectory(_temp.Path);
        var path = Path.Combine(_temp.Path, "index.txt");
        File.WriteAllText(path, onDisk);

        Assert.Equal(change == "same", RenderFiles.SameText(path, text));
    }

    [Fact]
    public void A_changed_file_is_written_and_the_unchanged_ones_are_carried_over_as_they_were()
    {
        Replace(Files("b: 1\n"));
        Age();

        Replace(Files("b: 2\n"));

        Assert.Equal("b: 2\n", File.ReadAllText(Path.Combine(Out, "b.yaml")));
        Assert.True(Rewritten("b.yaml"));
        Assert.True(Rewritten("index.txt") || !OperatingSystem.IsLinux(), "the index lists the same names but is written with the swap");
        if (OperatingSystem.IsLinux())
        {
            Assert.False(Rewritten("a.yaml"));
            Assert.False(Rewritten("c.yaml"));
        }

        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(Out, "a.yaml")));
        Assert.Equal("c: ü\n", File.ReadAllText(Path.Combine(Out, "c.yaml")));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_hand_edited_or_extra_or_missing_file_is_put_back_as_rendered()
    {
        Replace(Files("b: 1\n"));
        File.WriteAllText(Path.Combine(Out, "a.yaml"), "a: 9\n"); // same length, other bytes
        File.AppendAllText(Path.Combine(Out, "c.yaml"), "x: 1\n");
        File.Delete(Path.Combine(Out, "b.yaml"));

        Replace(Files("b: 1\n"));

        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(Out, "a.yaml")));
        Assert.Equal("b: 1\n", File.ReadAllText(Path.Combine(Out, "b.yaml")));
        Assert.Equal("c: ü\n", File.ReadAllText(Path.Combine(Out, "c.yaml")));
    }

    [Fact]
    public void A_file_dropped_from_the_render_is_deleted_even_when_the_others_did_not_change()
    {
        Replace([.. Files("b: 1\n"), ("d.yaml", "d: 1\n")]);

        Replace(Files("b: 1\n"));

        Assert.Equal(["a.yaml", "b.yaml", "c.yaml", "index.txt"], Directory.GetFiles(Out).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failure_after_carrying_files_over_leaves_the_previous_render_and_its_files_intact()
    {
        Replace(Files("b: 1\n"));
        Age();

        var failing = Files("b: 2\n");
        failing.Add((new string('x', 300) + ".yaml", "too long a name"));
        Assert.Throws<InputException>(() => Replace(failing));

        Assert.Equal("b: 1\n", File.ReadAllText(Path.Combine(Out, "b.yaml")));
        Assert.Equal(4, Directory.GetFiles(Out).Length);
        Assert.DoesNotContain(Directory.GetFiles(Out), f => File.GetLastWriteTimeUtc(f) != LongAgo);
        Assert.Empty(Leftovers());
    }
}
