namespace KafkaInfra.Core.Reassignment;

/// <summary>What to plan: the current assignment, the brokers, optional racks, brokers to drain and partition sizes.</summary>
public sealed record ReassignmentRequest
{
    /// <summary>The current assignment, in input order (errors name entries by their index here).</summary>
    public required IReadOnlyList<PartitionReplicas> Current { get; init; }

    /// <summary>Every broker the plan may know about: the brokers that stay, the new ones and those in <see cref="Remove"/>.</summary>
    public required IReadOnlyList<int> Brokers { get; init; }

    /// <summary>Brokers to drain; each must be in <see cref="Brokers"/>. They end with no replicas.</summary>
    public IReadOnlyList<int> Remove { get; init; } = [];

    /// <summary>Rack of each broker that stays (removed brokers may be left out), or null for no rack awareness.</summary>
    public IReadOnlyDictionary<int, string>? Racks { get; init; }

    /// <summary>Partition sizes for the bytes-moved estimate, or null.</summary>
    public PartitionSizes? Sizes { get; init; }

    /// <summary>How errors name the current assignment, e.g. the file name.</summary>
    public string CurrentSource { get; init; } = "current";

    /// <summary>How errors name the broker list option.</summary>
    public string BrokersOption { get; init; } = "--brokers";

    /// <summary>How errors name the remove option.</summary>
    public string RemoveOption { get; init; } = "--remove";

    /// <summary>How errors name the racks option.</summary>
    public string RacksOption { get; init; } = "--racks";
}

/// <summary>The planned assignment, the changes to apply, and what they cost.</summary>
public sealed record ReassignmentPlan(
    IReadOnlyList<PartitionReplicas> Proposed,
    IReadOnlyList<PartitionReplicas> Changes,
    ReassignmentSummary Summary);

/// <summary>Replica and leader counts of one broker before and after the plan.</summary>
public sealed record BrokerBalance(
    int Broker,
    string? Rack,
    bool Removed,
    int ReplicasBefore,
    int ReplicasAfter,
    int ReplicaTarget,
    int LeadersBefore,
    int LeadersAfter);

/// <summary>What the plan costs and how balanced the result is.</summary>
public sealed record ReassignmentSummary
{
    public required int Partitions { get; init; }

    public required int Replicas { get; init; }

    /// <summary>Replicas whose data must be copied to a new broker (a replica that changes only position is not a move).</summary>
    public required int ReplicaMoves { get; init; }

    /// <summary>The fewest replica moves that can reach replica balance (and fix rack spread) from the current assignment.</summary>
    public required int LowerBound { get; init; }

    /// <summary>Partitions whose replica list changes (these are the entries in the reassignment file).</summary>
    public required int PartitionsChanged { get; init; }

    /// <summary>Partitions whose replicas stay on the same brokers but change order (no data moves, only the preferred leader).</summary>
    public required int LeaderOnlyChanges { get; init; }

    /// <summary>Partitions whose preferred leader (first replica) changes, with or without data movement.</summary>
    public required int PreferredLeaderChanges { get; init; }

    /// <summary>Bytes copied, when sizes were given (moves of partitions without a size are left out and counted in <see cref="MovesWithoutSize"/>).</summary>
    public long? BytesMoved { get; init; }

    public int MovesWithoutSize { get; init; }

    public required int ReplicaTargetMin { get; init; }

    public required int ReplicaTargetMax { get; init; }

    public required int LeaderTargetMin { get; init; }

    public required int LeaderTargetMax { get; init; }

    public required IReadOnlyList<BrokerBalance> Brokers { get; init; }

    /// <summary>Guarantees the plan could not reach (empty when every guarantee holds).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
