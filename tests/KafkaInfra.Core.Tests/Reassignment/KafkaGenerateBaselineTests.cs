using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

public class KafkaGenerateBaselineTests
{
    /// <summary>Start index and replica shift both 0, as in the worked example of Kafka's placement documentation.</summary>
    private sealed class ZeroRandom : Random
    {
        public override int Next(int maxValue) => 0;
    }

    [Fact]
    public void Rack_unaware_placement_matches_the_documented_five_broker_example()
    {
        // 5 brokers, 10 partitions, RF 3, start 0, shift 0: partitions 0-4 put followers 1 and 2 places on,
        // and after the index wraps (partitions 5-9) the shift grows, putting followers 2 and 3 places on.
        var placement = KafkaGenerateBaseline.AssignRackUnaware(10, 3, [0, 1, 2, 3, 4], new ZeroRandom());
        Assert.Equal([0, 1, 2], placement[0]);
        Assert.Equal([4, 0, 1], placement[4]);
        Assert.Equal([0, 2, 3], placement[5]);
        Assert.Equal([4, 1, 2], placement[9]);
    }

    [Fact]
    public void Rack_alternated_broker_list_takes_one_broker_per_rack_in_turn()
    {
        var racks = new Dictionary<int, string> { [0] = "rack1", [1] = "rack3", [2] = "rack3", [3] = "rack2", [4] = "rack2", [5] = "rack1" };
        Assert.Equal([0, 3, 1, 5, 4, 2], KafkaGenerateBaseline.RackAlternated(racks));
    }

    [Fact]
    public void Rack_aware_placement_puts_each_replica_in_a_different_rack()
    {
        var racks = Enumerable.Range(1, 9).ToDictionary(b => b, b => "az" + (b % 3));
        var placement = KafkaGenerateBaseline.AssignRackAware(100, 3, racks, new Random(7));
        Assert.All(placement, r => Assert.Equal(3, r.Select(b => racks[b]).Distinct().Count()));
    }

    [Fact]
    public void Generate_ignores_the_current_placement_and_counts_moves()
    {
        var current = Enumerable.Range(0, 12).Select(i => new PartitionReplicas("t", i, [1, 2, 3])).ToList();
        var generated = KafkaGenerateBaseline.Generate(current, [1, 2, 3, 4, 5, 6], null, new Random(1));
        Assert.Equal(current.Select(p => p.Name), generated.Select(p => p.Name));
        Assert.All(generated, p => Assert.Equal(3, p.Replicas.Distinct().Count()));
        var expected = generated.Sum(p => p.Replicas.Count(b => b > 3));
        Assert.Equal(expected, KafkaGenerateBaseline.CountMoves(current, generated));
    }
}
