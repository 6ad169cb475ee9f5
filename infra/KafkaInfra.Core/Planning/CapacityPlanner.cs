using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// The capacity planner: pure and deterministic. Turns a validated <see cref="StackConfig"/> (and what was
/// deployed last time) into a <see cref="CapacityPlan"/>, enforcing the planner's rules (see docs/planner.md).
/// </summary>
public static class CapacityPlanner
{
    /// <summary>Loads raw Pulumi config values and plans them: the single entry point of the CLI and the Pulumi program.</summary>
    public static PlanResult Plan(IReadOnlyDictionary<string, string?> raw, DeployedState? deployed = null)
    {
        var load = StackConfigLoader.Load(raw);
        return load.IsValid ? Plan(load.Config!, deployed) : new PlanResult(null, load.Errors, [], []);
    }

    /// <summary>
    /// Plans the base side of a comparison (what is deployed): prod's errors become warnings there, because only its
    /// numbers matter and a rule that grew stricter since it was deployed must not hide the comparison.
    /// </summary>
    public static PlanResult PlanBase(IReadOnlyDictionary<string, string?> raw)
    {
        var load = StackConfigLoader.Load(raw);
        return load.IsValid ? Plan(load.Config!, null, relaxed: true) : new PlanResult(null, load.Errors, [], []);
    }

    /// <summary>Plans with prod's errors as warnings: what the plan would be if only prod's rules refused it (for reports).</summary>
    internal static PlanResult PlanLenient(StackConfig config, DeployedState? deployed = null) => Plan(config, deployed, relaxed: true);

    /// <summary>Plans a validated config.</summary>
    public static PlanResult Plan(StackConfig config, DeployedState? deployed = null) => Plan(config, deployed, relaxed: false);

    private static PlanResult Plan(StackConfig config, DeployedState? deployed, bool relaxed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var ctx = new PlanContext(config, deployed ?? DeployedState.None, relaxed);
        ctx.Run();
        var errors = ctx.Errors;
        var plan = errors.Count == 0
            ? new CapacityPlan(config, ctx.Cluster!, ctx.Topics, ctx.Consumers, ctx.Connect, ctx.KsqlDb, ctx.Warnings, ctx.Advice)
            : null;
        return new PlanResult(plan, errors, ctx.Warnings, ctx.Advice);
    }

    /// <summary>⌈a ÷ b⌉ for positive integers, without overflow.</summary>
    public static long CeilDiv(long a, long b) => (a / b) + (a % b == 0 ? 0 : 1);

    /// <summary>
    /// The partition count a topic needs: max(⌈rate ÷ per-consumer rate⌉, maxConsumers, ⌈rate ÷ per-partition rate⌉, 1).
    /// </summary>
    public static (int Partitions, Derivation Derivation) ComputePartitions(long messagesPerSecond, long? perConsumer, int maxConsumers, string maxConsumersSource, long? perPartition)
    {
        var terms = new List<string>();
        var formula = new List<string>();
        long result = 1;
        if (perConsumer is { } pc)
        {
            var byConsumers = CeilDiv(messagesPerSecond, pc);
            result = Math.Max(result, byConsumers);
            formula.Add("⌈messagesPerSecond ÷ messagesPerSecondPerConsumer⌉");
            terms.Add($"⌈{Fmt.N(messagesPerSecond)} ÷ {Fmt.N(pc)}⌉ = {Fmt.N(byConsumers)}");
        }

        result = Math.Max(result, maxConsumers);
        formula.Add("maxConsumers");
        terms.Add($"{Fmt.N(maxConsumers)} {maxConsumersSource}");
        if (perPartition is { } pp)
        {
            var byProduce = CeilDiv(messagesPerSecond, pp);
            result = Math.Max(result, byProduce);
            formula.Add("⌈messagesPerSecond ÷ messagesPerSecondPerPartition⌉");
            terms.Add($"⌈{Fmt.N(messagesPerSecond)} ÷ {Fmt.N(pp)}⌉ = {Fmt.N(byProduce)}");
        }

        var partitions = (int)Math.Min(result, int.MaxValue);
        return (partitions, new Derivation($"max({string.Join(", ", formula)})", $"max({string.Join(", ", terms)}) = {Fmt.N(partitions)}"));
    }

    /// <summary>KEDA's effective maximum: min(maxReplicas, partitions) — a replica beyond the partition count has nothing to read.</summary>
    public static int EffectiveMaxReplicas(int maxReplicas, int partitions) => Math.Min(maxReplicas, partitions);

    /// <summary>Bytes a topic keeps on disk across the cluster: rate × size × retention (ms ÷ 1000) × RF.</summary>
    public static double TopicStorageBytes(long messagesPerSecond, int messageBytes, long retentionMs, int replicationFactor) =>
        (double)messagesPerSecond * messageBytes * (retentionMs / 1000d) * replicationFactor;

    /// <summary>Per-broker disk needed so that <paramref name="bytesPerBroker"/> stays under the fill ceiling, in whole GiB.</summary>
    public static int StorageGiBNeeded(double bytesPerBroker, double fillCeiling = Defaults.StorageFillCeiling) =>
        (int)Math.Min(int.MaxValue, Math.Ceiling(bytesPerBroker / fillCeiling / Units.GiB));

    /// <summary>Brokers needed for the write load (produce plus replication) at a per-broker ingress assumption.</summary>
    public static int BrokersForThroughput(double writeBytesPerSecond, double brokerIngressMBps) =>
        (int)Math.Min(int.MaxValue, Math.Max(1, Math.Ceiling(writeBytesPerSecond / Units.MB / brokerIngressMBps)));
}
