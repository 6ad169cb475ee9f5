using KafkaInfra.Core.Deployment;
using System.Collections.Immutable;
using KafkaInfra.Core.Planning;

using KafkaInfra.Core.Tests.Planning;

namespace KafkaInfra.Core.Tests.Deployment;

public class DeployedStateReaderTests
{
    [Fact]
    public void Missing_outputs_mean_nothing_deployed()
    {
        var result = DeployedStateReader.Read(null, null, null);

        Assert.True(result.IsValid);
        Assert.Same(DeployedState.None, result.State);
    }

    [Fact]
    public void Reads_the_shapes_the_engine_returns()
    {
        // Pulumi hands stack outputs back as ImmutableDictionary<string, object> with numbers as double.
        var partitions = ImmutableDictionary<string, object>.Empty.Add("orders", 5d).Add("vehicle.telemetry", 12d);

        var result = DeployedStateReader.Read(partitions, 3d, 300d);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(5, result.State.TopicPartitions["orders"]);
        Assert.Equal(12, result.State.TopicPartitions["vehicle.telemetry"]);
        Assert.Equal(3, result.State.Brokers);
        Assert.Equal(300, result.State.StorageGiB);
    }

    [Fact]
    public void Accepts_ints_and_plain_dictionaries()
    {
        var result = DeployedStateReader.Read(new Dictionary<string, object> { ["a"] = 7 }, 6, null);

        Assert.True(result.IsValid);
        Assert.Equal(7, result.State.TopicPartitions["a"]);
        Assert.Equal(6, result.State.Brokers);
        Assert.Null(result.State.StorageGiB);
    }

    public static TheoryData<object, string> MalformedPartitionMaps => new()
    {
        { "orders=5", "stack output topicPartitions: must be a map of topic name to partition count, got \"orders=5\"" },
        { ImmutableArray.Create<object>(5d, 6d), "stack output topicPartitions: must be a map of topic name to partition count, got a list" },
        { 12d, "stack output topicPartitions: must be a map of topic name to partition count, got 12" },
        { ImmutableDictionary<string, object>.Empty.Add("orders", 2.5d), "stack output topicPartitions[\"orders\"]: must be a whole number >= 1, got 2.5" },
        { ImmutableDictionary<string, object>.Empty.Add("orders", 0d), "stack output topicPartitions[\"orders\"]: must be a whole number >= 1, got 0" },
        { ImmutableDictionary<string, object>.Empty.Add("orders", "5"), "stack output topicPartitions[\"orders\"]: must be a whole number >= 1, got \"5\"" },
        { ImmutableDictionary<string, object>.Empty.Add("orders", 1e12), "stack output topicPartitions[\"orders\"]: must be a whole number >= 1, got 1000000000000" },
        { ImmutableDictionary<string, object>.Empty.Add("orders", ImmutableDictionary<string, object>.Empty), "stack output topicPartitions[\"orders\"]: must be a whole number >= 1, got a map" },
    };

    [Theory]
    [MemberData(nameof(MalformedPartitionMaps))]
    public void A_malformed_partition_map_is_an_error_naming_the_entry(object value, string expected)
    {
        var result = DeployedStateReader.Read(value, 3d, 100d);

        Assert.False(result.IsValid);
        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Every_malformed_output_is_reported_at_once()
    {
        var partitions = ImmutableDictionary<string, object>.Empty.Add("a", -1d).Add("b", 3d).Add("c", true);

        var result = DeployedStateReader.Read(partitions, 2.5d, "big");

        Assert.Equal(
            [
                "stack output topicPartitions[\"a\"]: must be a whole number >= 1, got -1",
                "stack output topicPartitions[\"c\"]: must be a whole number >= 1, got true",
                "stack output brokers: must be a whole number >= 1, got 2.5",
                "stack output storageGiB: must be a whole number >= 1, got \"big\"",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Contains("pulumi stack output --json", result.FormatErrors(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void What_a_stack_exports_reads_back_as_what_it_planned(string stack)
    {
        var plan = CapacityPlanner.Plan(RepoStacks.Raw(stack)).GetOrThrow();
        var exported = StackOutputs.PlanValues(plan);

        // What the engine returns next time: maps become ImmutableDictionary<string, object>, ints become double.
        var partitions = ((Dictionary<string, object>)exported[StackOutputs.TopicPartitions])
            .ToImmutableDictionary(kv => kv.Key, kv => (object)(double)(int)kv.Value);
        var result = DeployedStateReader.Read(
            partitions,
            exported.TryGetValue(StackOutputs.Brokers, out var b) ? (double)(int)b : null,
            exported.TryGetValue(StackOutputs.StorageGiB, out var s) ? (double)(int)s : null);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(plan.TopicPartitions().OrderBy(kv => kv.Key, StringComparer.Ordinal), result.State.TopicPartitions.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(plan.Cluster.Brokers, result.State.Brokers);
        Assert.Equal(plan.Config.Cluster.StorageGiB, result.State.StorageGiB);
    }

    [Fact]
    public void A_computed_decrease_read_back_keeps_the_deployed_count_with_a_warning()
    {
        var raw = RepoStacks.Raw("dev");
        var computed = CapacityPlanner.Plan(raw).GetOrThrow().Topic("vehicle.telemetry").Partitions;
        var deployed = DeployedStateReader.Read(ImmutableDictionary<string, object>.Empty.Add("vehicle.telemetry", (double)(computed + 8)), null, null).State;

        var result = CapacityPlanner.Plan(raw, deployed);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(computed + 8, result.Plan!.Topic("vehicle.telemetry").Partitions);
        Assert.Contains(result.Warnings, w => w.Path.StartsWith("kafka-infra:topics[0]", StringComparison.Ordinal) && w.Message.Contains("keeping", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_decrease_read_back_is_an_error_with_the_planners_message()
    {
        var raw = RepoStacks.Raw("dev");
        raw["kafka-infra:topics"] = raw["kafka-infra:topics"]!.Replace("\"name\":\"orders\",", "\"name\":\"orders\",\"partitions\":6,", StringComparison.Ordinal);
        var deployed = DeployedStateReader.Read(ImmutableDictionary<string, object>.Empty.Add("orders", 10d), null, null).State;

        var result = CapacityPlanner.Plan(raw, deployed);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:topics[1].partitions", error.Path);
        Assert.Contains("would decrease \"orders\" from 10 (deployed) to 6", error.Message, StringComparison.Ordinal);
    }
}
