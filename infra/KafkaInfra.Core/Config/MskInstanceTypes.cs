namespace KafkaInfra.Core.Config;

/// <summary>An MSK broker type with its partitions-per-broker limits (leader and follower replicas counted).</summary>
/// <param name="Name">The instance type, e.g. kafka.m7g.large.</param>
/// <param name="RecommendedPartitions">AWS's recommended maximum; above it the plan warns.</param>
/// <param name="MaxPartitions">The maximum that still allows update operations; above it the plan fails.</param>
/// <param name="IngressMBps">Write throughput one broker is assumed to sustain; null means the configurable default.</param>
/// <param name="MaxStorageThroughputMiBps">Most provisioned EBS storage throughput per broker; null when the size cannot provision it.</param>
public sealed record MskInstanceType(string Name, int RecommendedPartitions, int MaxPartitions, double? IngressMBps, double? MaxStorageThroughputMiBps = null)
{
    public bool IsExpress => Name.StartsWith("express.", StringComparison.Ordinal);
}

/// <summary>
/// MSK broker types. Standard limits: AWS "Best practices for Standard brokers" (partitions per broker).
/// Express limits come from a secondary source (unconfirmed against the AWS page). Express ingress:
/// AWS sizes express.m7g.large at about 15 MB/s; larger sizes scale with vCPUs. Provisioned storage throughput: only
/// from kafka.m5.4xlarge and kafka.m7g.2xlarge, up to the per-size maximum of AWS's table (MSK developer guide, "Manage
/// storage throughput for Standard brokers", maximum throughput settings; platform-facts.md 8.4).
/// </summary>
public static class MskInstanceTypes
{
    private static readonly MskInstanceType[] Table =
    [
        new("kafka.t3.small", 300, 300, null),
        new("kafka.m5.large", 1000, 1500, null),
        new("kafka.m5.xlarge", 1000, 1500, null),
        new("kafka.m5.2xlarge", 2000, 3000, null),
        new("kafka.m5.4xlarge", 4000, 6000, null, 593),
        new("kafka.m5.8xlarge", 4000, 6000, null, 850),
        new("kafka.m5.12xlarge", 4000, 6000, null, 1000),
        new("kafka.m5.16xlarge", 4000, 6000, null, 1000),
        new("kafka.m5.24xlarge", 4000, 6000, null, 1000),
        new("kafka.m7g.large", 1000, 1500, null),
        new("kafka.m7g.xlarge", 1000, 1500, null),
        new("kafka.m7g.2xlarge", 2000, 3000, null, 312.5),
        new("kafka.m7g.4xlarge", 4000, 6000, null, 625),
        new("kafka.m7g.8xlarge", 4000, 6000, null, 1000),
        new("kafka.m7g.12xlarge", 4000, 6000, null, 1000),
        new("kafka.m7g.16xlarge", 4000, 6000, null, 1000),
        new("express.m7g.large", 1000, 1500, 15),
        new("express.m7g.xlarge", 1000, 2000, 30),
        new("express.m7g.2xlarge", 2500, 4000, 60),
        new("express.m7g.4xlarge", 6000, 8000, 120),
        new("express.m7g.8xlarge", 12000, 16000, 240),
        new("express.m7g.12xlarge", 16000, 24000, 360),
        new("express.m7g.16xlarge", 20000, 32000, 480),
    ];

    private static readonly Dictionary<string, MskInstanceType> ByName = Table.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static MskInstanceType? Find(string? name) => name is not null && ByName.TryGetValue(name, out var t) ? t : null;
}
