using System.Text;
using KafkaInfra.Cli.Commands;

namespace KafkaInfra.Cli.Tests;

/// <summary>Issue 14 items 4–6: render replaces only its own files, in one step, refuses foreign folders, and renders every valid config.</summary>
public sealed class RenderFolderTests : IDisposable
{
    private readonly CliRunner.TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out => Path.Combine(_temp.Path, "out");

    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal), StringComparer.Ordinal);

    private CliRunner.Result Render(string stack, params string[] extra) =>
        CliRunner.Run(["render", "--config-file", CliRunner.StackFile(stack), "--output-dir", Out, .. extra]);

    private string[] HiddenLeftovers() =>
        Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Where(n => n!.StartsWith('.')).ToArray()!;

    [Fact]
    public void A_new_render_replaces_the_previous_one_and_leaves_no_stale_file_and_no_temporary_folder()
    {
        Assert.Equal(0, Render("prod").ExitCode);
        var prod = Snapshot(Out);
        var result = Render("dev");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var dev = Snapshot(Out);
        var index = File.ReadAllLines(Path.Combine(Out, "index.txt"));
        Assert.StartsWith("# Rendered by kafka-infra render", index[0], StringComparison.Ordinal);
        Assert.Equal(dev.Keys.Where(k => k != "index.txt"), index.Where(l => !l.StartsWith('#')).Order(StringComparer.Ordinal));
        Assert.NotEqual(prod.Keys, dev.Keys);
        Assert.Empty(HiddenLeftovers());
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_render_untouched()
    {
        Assert.Equal(0, Render("dev").ExitCode);
        var before = Snapshot(Out);

        // A name no file system accepts (300 bytes): the write fails after other new files were written.
        var files = new List<(string, string)> { ("a.yaml", "a: 1\n"), (new string('x', 300) + ".yaml", "b: 2\n") };
        var e = Assert.Throws<InputException>(() => RenderFolder.Replace(Out, files, "# Rendered by kafka-infra render: test\n", force: false));

        Assert.Contains("previous contents of the folder are unchanged", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Out));
        Assert.Empty(HiddenLeftovers());
    }

    [Fact]
    public void A_forged_index_never_deletes_files_kafka_infra_did_not_write()
    {
        Directory.CreateDirectory(Out);
        var victim = _temp.File("precious.txt", "keep me");
        File.WriteAllText(Path.Combine(Out, "index.txt"), "precious.txt\n../precious.txt\n" + victim + "\n");
        File.WriteAllText(Path.Combine(Out, "notes.md"), "mine");

        var result = Render("dev");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("index.txt, which kafka-infra did not write", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "notes.md")));
    }

    [Fact]
    public void A_folder_with_other_files_is_refused_unless_force_and_then_they_are_kept()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "kustomization.yaml"), "resources: []\n");

        var refused = Render("dev");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("kustomization.yaml", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Out));

        var forced = Render("dev", "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal("resources: []\n", File.ReadAllText(Path.Combine(Out, "kustomization.yaml")));
        Assert.Contains("01-kafka-kafka-events.yaml", Snapshot(Out).Keys);

        // The kept file survives the next render too, and only the render's own files are replaced.
        Assert.Equal(0, Render("prod", "--force").ExitCode);
        Assert.Equal("resources: []\n", File.ReadAllText(Path.Combine(Out, "kustomization.yaml")));
        Assert.Empty(HiddenLeftovers());
    }

    [Fact]
    public void A_symbolic_link_listed_in_the_index_is_never_followed_or_deleted()
    {
        Assert.Equal(0, Render("dev").ExitCode);
        var outside = _temp.File("outside.yaml", "outside");
        var link = Path.Combine(Out, "01-kafka-kafka-events.yaml");
        File.Delete(link);
        File.CreateSymbolicLink(link, outside);

        var refused = Render("dev");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("outside", File.ReadAllText(outside));

        // Even with --force the link is not replaced through: it clashes with a rendered name and is refused.
        Assert.Equal(2, Render("dev", "--force").ExitCode);
        Assert.Equal("outside", File.ReadAllText(outside));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void An_output_dir_that_is_a_symbolic_link_is_refused()
    {
        var real = Directory.CreateDirectory(Path.Combine(_temp.Path, "real")).FullName;
        Directory.CreateSymbolicLink(Out, real);

        var result = Render("dev");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("symbolic link", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(real));
    }

    [Fact]
    public void An_output_dir_under_a_file_is_an_input_error_not_a_crash()
    {
        var file = _temp.File("plain.txt", "x");

        var result = CliRunner.Run("render", "--stack", "dev", "--output-dir", Path.Combine(file, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot render into ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_output_dir_is_a_usage_error(string dir)
    {
        var result = CliRunner.Run("render", "--stack", "dev", "--output-dir", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output-dir must name a folder", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("msk")]
    public void A_topic_name_at_kafkas_249_character_limit_renders_with_file_names_within_255_bytes(string flavour)
    {
        var topic = new string('t', 249);
        var cluster = flavour == "dev"
            ? "    strimzi:\n      namespace: kafka\n"
            : "    kafkaVersion: 3.9.x\n    msk:\n      instanceType: kafka.m7g.large\n      clientSubnets: [subnet-a, subnet-b, subnet-c]\n      securityGroups: [sg-1]\n      region: eu-west-1\n";
        var stack = _temp.File("Pulumi.long.yaml", $"""
            config:
              kafka-infra:environment: dev
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
            {cluster}  kafka-infra:topics:
                - name: {topic}
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 100
            """);

        var result = CliRunner.Run("render", "--config-file", stack, "--output-dir", Out);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var names = Directory.GetFiles(Out).Select(f => Path.GetFileName(f)).ToList();
        Assert.All(names, n => Assert.True(Encoding.UTF8.GetByteCount(n) <= 255, n));
        var index = File.ReadAllLines(Path.Combine(Out, "index.txt")).Where(l => !l.StartsWith('#'));
        Assert.Equal(names.Where(n => n != "index.txt").Order(StringComparer.Ordinal), index.Order(StringComparer.Ordinal));
        Assert.Contains(Directory.GetFiles(Out), f => File.ReadAllText(f).Contains(topic, StringComparison.Ordinal));
    }
}
