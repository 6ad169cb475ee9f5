using System.Text.Json;
using KafkaInfra.Cli;

namespace KafkaInfra.Cli.Tests;

/// <summary><c>rebalance --replication-factor</c> writes the reassignment that raises internal topics' RF (issue 12 item 6).</summary>
public sealed class RebalanceReplicationFactorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("rebalance-rf-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Single_replica_internal_topics_get_three_replicas_without_leader_moves()
    {
        var current = Path.Combine(dir, "current.json");
        File.WriteAllText(current, """
            {"version":1,"partitions":[
              {"topic":"__consumer_offsets","partition":0,"replicas":[0]},
              {"topic":"__consumer_offsets","partition":1,"replicas":[0]},
              {"topic":"sinks-configs","partition":0,"replicas":[0]}
            ]}
            """);
        var (code, stdout, stderr) = Run("rebalance", "--current", current, "--brokers", "0,1,2", "--replication-factor", "3");
        Assert.Equal(ExitCodes.Ok, code);
        using var plan = JsonDocument.Parse(stdout);
        var partitions = plan.RootElement.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(3, partitions.Count);
        Assert.All(partitions, p =>
        {
            var replicas = p.GetProperty("replicas").EnumerateArray().Select(r => r.GetInt32()).ToList();
            Assert.Equal(0, replicas[0]);
            Assert.Equal([0, 1, 2], replicas.Order());
            Assert.Equal(3, p.GetProperty("log_dirs").GetArrayLength());
        });
        Assert.Contains("3 partitions raised to 3 replicas, 6 replicas added", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_above_the_brokers_is_refused_and_nothing_is_written()
    {
        var current = Path.Combine(dir, "current.json");
        File.WriteAllText(current, """{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[0]}]}""");
        var output = Path.Combine(dir, "rf.json");
        var (code, _, stderr) = Run("rebalance", "--current", current, "--brokers", "0,1", "--replication-factor", "3", "--output", output);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--replication-factor", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
