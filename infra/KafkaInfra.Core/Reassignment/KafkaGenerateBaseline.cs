namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// BASELINE ONLY, not a planner: the placement <c>kafka-reassign-partitions --generate</c> proposes, reimplemented from
/// the published description of Kafka's <c>assignReplicasToBrokers</c>, so that the movement of our plans can be
/// compared with what the stock tool would do. It ignores the current placement entirely.
/// <para>
/// Per topic (each with a fresh random start): the first replica of partition i goes to broker
/// <c>(startIndex + i) % n</c>; follower j goes <c>1 + (shift + j) % (n - 1)</c> places further, where the shift starts
/// random and grows by one each time the partition index wraps around n. With racks, the broker list is first
/// interleaved by rack (racks and brokers in sorted order), the shift is multiplied by the rack count, and a candidate
/// broker is skipped while its rack (or the broker) already holds a replica and unused racks (brokers) remain.
/// </para>
/// </summary>
public static class KafkaGenerateBaseline
{
    /// <summary>
    /// Assigns every topic of <paramref name="current"/> to <paramref name="brokers"/> the way <c>--generate</c> does,
    /// keeping each topic's partition count and replication factor (taken from its first partition, as the tool does).
    /// </summary>
    public static IReadOnlyList<PartitionReplicas> Generate(
        IReadOnlyList<PartitionReplicas> current,
        IReadOnlyList<int> brokers,
        IReadOnlyDictionary<int, string>? racks,
        Random random)
    {
        var result = new List<PartitionReplicas>(current.Count);
        foreach (var topic in current.GroupBy(p => p.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var partitions = topic.OrderBy(p => p.Partition).ToList();
            var rf = partitions[0].Replicas.Count;
            var assignment = racks is null
                ? AssignRackUnaware(partitions.Count, rf, brokers.Order().ToArray(), random)
                : AssignRackAware(partitions.Count, rf, brokers.ToDictionary(b => b, b => racks[b]), random);
            for (var i = 0; i < partitions.Count; i++)
            {
                result.Add(partitions[i] with { Replicas = assignment[i] });
            }
        }

        return result;
    }

    /// <summary>Replicas that must be copied to go from <paramref name="before"/> to <paramref name="after"/> (matched by topic and partition).</summary>
    public static int CountMoves(IReadOnlyList<PartitionReplicas> before, IReadOnlyList<PartitionReplicas> after)
    {
        var old = before.ToDictionary(p => (p.Topic, p.Partition), p => p.Replicas);
        var moves = 0;
        foreach (var p in after)
        {
            var was = old[(p.Topic, p.Partition)];
            moves += p.Replicas.Count(b => !was.Contains(b));
        }

        return moves;
    }

    internal static int[][] AssignRackUnaware(int partitions, int rf, int[] brokers, Random random)
    {
        var n = brokers.Length;
        var start = random.Next(n);
        var shift = random.Next(n);
        var result = new int[partitions][];
        for (var p = 0; p < partitions; p++)
        {
            if (p > 0 && p % n == 0)
            {
                shift++;
            }

            var first = (p + start) % n;
            var replicas = new int[rf];
            replicas[0] = brokers[first];
            for (var j = 0; j < rf - 1; j++)
            {
                replicas[j + 1] = brokers[ReplicaIndex(first, shift, j, n)];
            }

            result[p] = replicas;
        }

        return result;
    }

    internal static int[][] AssignRackAware(int partitions, int rf, IReadOnlyDictionary<int, string> rackOf, Random random)
    {
        var arranged = RackAlternated(rackOf);
        var n = arranged.Count;
        var rackCount = rackOf.Values.Distinct().Count();
        var start = random.Next(n);
        var shift = random.Next(n);
        var result = new int[partitions][];
        for (var p = 0; p < partitions; p++)
        {
            if (p > 0 && p % n == 0)
            {
                shift++;
            }

            var first = (p + start) % n;
            var replicas = new List<int>(rf) { arranged[first] };
            var usedRacks = new HashSet<string> { rackOf[arranged[first]] };
            var usedBrokers = new HashSet<int> { arranged[first] };
            var k = 0;
            for (var j = 0; j < rf - 1; j++)
            {
                while (true)
                {
                    var broker = arranged[ReplicaIndex(first, shift * rackCount, k, n)];
                    k++;
                    var rack = rackOf[broker];
                    if ((!usedRacks.Contains(rack) || usedRacks.Count == rackCount)
                        && (!usedBrokers.Contains(broker) || usedBrokers.Count == n))
                    {
                        replicas.Add(broker);
                        usedRacks.Add(rack);
                        usedBrokers.Add(broker);
                        break;
                    }
                }
            }

            result[p] = [.. replicas];
        }

        return result;
    }

    /// <summary>Brokers interleaved by rack: racks in sorted order, each rack's brokers in sorted order, one per rack in turn.</summary>
    internal static List<int> RackAlternated(IReadOnlyDictionary<int, string> rackOf)
    {
        var byRack = rackOf.GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<int>(g.Select(kv => kv.Key).Order()))
            .ToList();
        var result = new List<int>(rackOf.Count);
        for (var i = 0; result.Count < rackOf.Count; i = (i + 1) % byRack.Count)
        {
            if (byRack[i].Count > 0)
            {
                result.Add(byRack[i].Dequeue());
            }
        }

        return result;
    }

    private static int ReplicaIndex(int first, int shift, int j, int n) => (int)((first + 1 + ((long)shift + j) % (n - 1)) % n);
}
