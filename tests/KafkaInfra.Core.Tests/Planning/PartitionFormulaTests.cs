using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Planning;

public class PartitionFormulaTests
{
    public static TheoryData<long, long?, int, long?, int> Cases => new()
    {
        // rate, per consumer, max consumers, per partition, expected
        { 100_000, 10_000, 1, null, 10 },   // seed: 100,000 ÷ 10,000 → 10
        { 1_000, 500, 5, null, 5 },         // seed: 1,000 ÷ 500 with 5 consumers → 5
        { 20_000, 5_000, 1, null, 4 },      // seed: 20,000 ÷ 5,000 → 4
        { 20_001, 5_000, 1, null, 5 },      // ceiling, not rounding
        { 1, 1_000_000, 1, null, 1 },       // never below 1
        { 10_000, 1_000, 3, 500, 20 },      // per-partition produce rate dominates
        { 10_000, 1_000, 40, 500, 40 },     // consumers dominate
        { 5_000, null, 7, null, 7 },        // explicit-partition topics may omit the per-consumer rate
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Partitions_follow_the_rule(long rate, long? perConsumer, int maxConsumers, long? perPartition, int expected)
    {
        var (partitions, _) = CapacityPlanner.ComputePartitions(rate, perConsumer, maxConsumers, "(test)", perPartition);

        Assert.Equal(expected, partitions);
    }

    [Fact]
    public void Derivation_shows_the_formula_with_the_inputs()
    {
        var (_, derivation) = CapacityPlanner.ComputePartitions(20_000, 5_000, 4, "from consumers[0].maxReplicas", null);

        Assert.Equal("max(⌈messagesPerSecond ÷ messagesPerSecondPerConsumer⌉, maxConsumers)", derivation.Formula);
        Assert.Equal("max(⌈20,000 ÷ 5,000⌉ = 4, 4 from consumers[0].maxReplicas) = 4", derivation.Explanation);
    }

    public static TheoryData<int, int, int> KedaCaps => new()
    {
        { 10, 4, 4 },
        { 4, 10, 4 },
        { 5, 5, 5 },
    };

    [Theory]
    [MemberData(nameof(KedaCaps))]
    public void Effective_max_replicas_is_capped_at_partitions(int maxReplicas, int partitions, int expected) =>
        Assert.Equal(expected, CapacityPlanner.EffectiveMaxReplicas(maxReplicas, partitions));

    public static TheoryData<long, int, int, int, double> StorageCases => new()
    {
        // rate, bytes, retention h, RF, bytes on disk cluster-wide
        { 1_000, 1_000, 1, 3, 1_000d * 1_000 * 3600 * 3 },
        { 20_000, 256, 6, 3, 20_000d * 256 * 6 * 3600 * 3 },
        { 1, 1, 168, 1, 168d * 3600 },
    };

    [Fact]
    public void Topic_storage_of_a_sub_hour_retention_is_the_milliseconds_worth() =>
        Assert.Equal(1_000d * 100 * 900 * 3, CapacityPlanner.TopicStorageBytes(1_000, 100, 900_000, 3));

    [Theory]
    [MemberData(nameof(StorageCases))]
    public void Topic_storage_is_rate_times_size_times_retention_times_rf(long rate, int bytes, int hours, int rf, double expected) =>
        Assert.Equal(expected, CapacityPlanner.TopicStorageBytes(rate, bytes, hours * 3_600_000L, rf));

    public static TheoryData<double, int> StorageNeeded => new()
    {
        // bytes per broker → GiB needed at a 70 % fill ceiling
        { 70d * 1024 * 1024 * 1024, 100 },
        { 70d * 1024 * 1024 * 1024 + 1, 101 },
        { 0, 0 },
    };

    [Theory]
    [MemberData(nameof(StorageNeeded))]
    public void Storage_needed_keeps_disks_under_seventy_percent(double bytesPerBroker, int expectedGiB) =>
        Assert.Equal(expectedGiB, CapacityPlanner.StorageGiBNeeded(bytesPerBroker));

    public static TheoryData<double, double, int> ThroughputCases => new()
    {
        // write bytes/s (incl. replication), MB/s per broker → brokers
        { 90_000_000, 30, 3 },
        { 90_000_001, 30, 4 },
        { 1, 30, 1 },
        { 0, 30, 1 },
    };

    [Theory]
    [MemberData(nameof(ThroughputCases))]
    public void Brokers_for_throughput_is_the_ceiling_of_write_load_over_broker_ingress(double writeBytesPerSecond, double ingressMBps, int expected) =>
        Assert.Equal(expected, CapacityPlanner.BrokersForThroughput(writeBytesPerSecond, ingressMBps));

    [Theory]
    [InlineData(7, 2, 4)]
    [InlineData(8, 2, 4)]
    [InlineData(long.MaxValue, 1, long.MaxValue)]
    public void CeilDiv_rounds_up_without_overflow(long a, long b, long expected) => Assert.Equal(expected, CapacityPlanner.CeilDiv(a, b));
}
