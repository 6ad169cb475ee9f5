using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Planning;

public class PlannerProperties
{
    [Property]
    public bool Partitions_cover_the_rate_and_the_consumers(PositiveInt rate, PositiveInt perConsumer, PositiveInt maxConsumers)
    {
        var (partitions, _) = CapacityPlanner.ComputePartitions(rate.Get, perConsumer.Get, maxConsumers.Get, "", null);

        return partitions >= maxConsumers.Get
            && (long)partitions * perConsumer.Get >= rate.Get
            && (partitions == maxConsumers.Get || (long)(partitions - 1) * perConsumer.Get < rate.Get); // no more than needed
    }

    [Property]
    public bool Effective_keda_max_never_exceeds_partitions_or_the_request(PositiveInt maxReplicas, PositiveInt partitions)
    {
        var max = CapacityPlanner.EffectiveMaxReplicas(maxReplicas.Get, partitions.Get);
        return max <= partitions.Get && max <= maxReplicas.Get && max >= 1;
    }

    [Property(MaxTest = 60)]
    public bool Planned_stacks_keep_every_consumer_within_its_topics_partitions(NonEmptyArray<PositiveInt> rates, PositiveInt seed)
    {
        var yaml = GeneratedStack(rates.Get.Select(r => r.Get % 1_000_000 + 1).ToArray(), seed.Get);
        var plan = TestStacks.Plan(yaml).GetOrThrow();

        return plan.Consumers.All(c => c.MaxReplicas <= plan.Topic(c.Topic).Partitions && c.MinReplicas <= c.MaxReplicas)
            && plan.Topics.All(t => t.Partitions >= 1 && plan.Consumers.Where(c => c.Topic == t.Name).All(c => t.ComputedPartitions >= c.Config.MaxReplicas));
    }

    [Property(MaxTest = 30)]
    public bool Planning_is_deterministic(NonEmptyArray<PositiveInt> rates, PositiveInt seed)
    {
        var yaml = GeneratedStack(rates.Get.Select(r => r.Get % 1_000_000 + 1).ToArray(), seed.Get);

        return PlanReport.Json(TestStacks.Plan(yaml), "s") == PlanReport.Json(TestStacks.Plan(yaml), "s")
            && PlanReport.Text(TestStacks.Plan(yaml), "s") == PlanReport.Text(TestStacks.Plan(yaml), "s");
    }

    [Property(MaxTest = 60)]
    public bool Partitions_never_decrease_against_what_was_deployed(NonEmptyArray<PositiveInt> rates, PositiveInt deployedSeed)
    {
        var yaml = GeneratedStack(rates.Get.Select(r => r.Get % 1_000_000 + 1).ToArray(), 1);
        var first = TestStacks.Plan(yaml).GetOrThrow();
        var deployed = new DeployedState(first.Topics.ToDictionary(t => t.Name, t => t.Partitions + (deployedSeed.Get % 7)));

        var second = TestStacks.Plan(yaml, deployed).GetOrThrow();

        return second.Topics.All(t => t.Partitions >= deployed.TopicPartitions[t.Name]);
    }

    /// <summary>A valid Strimzi stack with one topic per rate and a consumer on every other topic.</summary>
    internal static string GeneratedStack(IReadOnlyList<int> rates, int seed)
    {
        var sb = new StringBuilder();
        sb.Append("  kafka-infra:cluster:\n    name: gen\n    brokers: 3\n    storageGiB: 16000\n    maxPartitionsPerBroker: 1000000\n    strimzi: {}\n");
        sb.Append("  kafka-infra:topics:\n");
        for (var i = 0; i < rates.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    - name: t{i}\n      messagesPerSecond: {rates[i]}\n      messagesPerSecondPerConsumer: {1 + ((seed + i) * 7919 % 50_000)}\n      retentionHours: 1\n      messageBytes: 10\n");
        }

        sb.Append("  kafka-infra:consumers:\n");
        for (var i = 0; i < rates.Count; i += 2)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    - name: c{i}\n      topic: t{i}\n      maxReplicas: {1 + ((seed * 31 + i) % 200)}\n");
        }

        return sb.ToString();
    }
}
