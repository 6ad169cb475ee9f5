namespace KafkaInfra.Cli.Tests.Commands;

/// <summary><c>kafka-infra render</c> of the real prod (MSK) stack writes the golden cloud-resource files.</summary>
public sealed class RenderMskTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "kafka-infra-render-msk-" + Guid.NewGuid().ToString("N"));

    private static string RepoRoot() => CliRunner.RepoRoot();

    [Fact]
    public void Render_prod_writes_every_cloud_resource_as_the_golden_json()
    {
        var root = RepoRoot();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(["render", "--config-file", Path.Combine(root, "Pulumi.prod.yaml"), "--output-dir", _output], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var golden = Path.Combine(root, "tests", "KafkaInfra.Core.Tests", "Golden", "msk-prod");
        var expected = Directory.GetFiles(golden, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var written = Directory.GetFiles(_output, "cloud-*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, written);
        foreach (var name in expected)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(golden, name)), File.ReadAllText(Path.Combine(_output, name)));
        }

        var index = File.ReadAllLines(Path.Combine(_output, "index.txt"));
        Assert.All(expected, name => Assert.Contains(name, index));
        Assert.Contains("cloud-003-events-msk.json", expected);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
