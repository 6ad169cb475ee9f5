namespace KafkaInfra.Cli.Tests;

/// <summary><c>plan</c>, <c>render</c> and <c>diff</c> on a stack against a cluster it does not own (examples/external).</summary>
public class ExternalCommandTests
{
    private static string Example => Path.Combine(CliRunner.RepoRoot(), "examples", "external", "Pulumi.dev.yaml");

    [Fact]
    public void Plan_names_the_external_cluster_and_passes()
    {
        var result = CliRunner.Run("plan", "--config-file", Example);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cluster shared on external cluster (kafka-1.example.com:9096,kafka-2.example.com:9096,kafka-3.example.com:9096)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("User:order-service, User:checkout-api, User:ops-console", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_the_provider_topics_acls_and_keda_objects_only()
    {
        using var dir = new CliRunner.TempDir();

        var result = CliRunner.Run("render", "--config-file", Example, "--output-dir", dir.Path);

        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToArray();
        Assert.Contains("05-clustertriggerauthentication-shared-kafka.yaml", files);
        Assert.Contains("05-scaledobject-shop-order-service.yaml", files);
        Assert.Contains("cloud-000-shared-kafka.json", files);
        Assert.Contains("cloud-001-shared-topic-orders.json", files);
        Assert.Contains(files, f => f!.Contains("-acl-checkout-api-", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.Contains("kafkanodepool", StringComparison.Ordinal) || f.Contains("msk", StringComparison.Ordinal));
        var provider = File.ReadAllText(Path.Combine(dir.Path, "cloud-000-shared-kafka.json"));
        Assert.Contains("\"saslUsername\": \"platform-deployer\"", provider, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_refuses_a_cluster_rename_that_would_recreate_the_topics()
    {
        using var dir = new CliRunner.TempDir();
        var after = dir.File("Pulumi.dev.yaml", File.ReadAllText(Example).Replace("name: shared\n", "name: shared2\n", StringComparison.Ordinal));

        var result = CliRunner.Run("diff", "--config-file", after, "--base", Example);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Pulumi.Kafka deletes the stack's topics on the external cluster", result.Stdout, StringComparison.Ordinal);
    }
}
