using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

/// <summary>Random but reproducible clusters and scale-out/scale-in requests for property tests.</summary>
internal static class RandomClusters
{
    /// <summary>
    /// A skewed random assignment on 1-7 current brokers (topics with mixed replication factors), some brokers kept,
    /// some removed, some added; with <paramref name="withRacks"/> every broker that stays gets one of at least max-RF racks.
    /// With <paramref name="uniformRf"/> every topic has the same replication factor, at least 2 when the cluster allows.
    /// </summary>
    public static ReassignmentRequest Request(int seed, bool withRacks, bool uniformRf = false)
    {
        var rng = new Random(seed);
        var currentBrokers = Enumerable.Range(0, 13).OrderBy(_ => rng.Next()).Take(rng.Next(1, 8)).ToArray();
        var weights = currentBrokers.Select(_ => rng.Next(1, 6)).ToArray();
        var partitions = new List<PartitionReplicas>();
        var maxRf = 1;
        var topics = rng.Next(1, 4);
        var clusterRf = rng.Next(Math.Min(currentBrokers.Length, 2), Math.Min(currentBrokers.Length, 4) + 1);
        for (var t = 0; t < topics; t++)
        {
            var rf = uniformRf ? clusterRf : rng.Next(1, Math.Min(currentBrokers.Length, 4) + 1);
            maxRf = Math.Max(maxRf, rf);
            var count = rng.Next(0, 30);
            for (var p = 0; p < count; p++)
            {
                partitions.Add(new PartitionReplicas("topic-" + (char)('a' + t), p, WeightedDistinct(rng, currentBrokers, weights, rf)));
            }
        }

        var kept = currentBrokers.Where(_ => rng.NextDouble() < 0.7).ToList();
        var added = Enumerable.Range(20, 10).OrderBy(_ => rng.Next()).Take(rng.Next(0, 4)).ToList();
        for (var id = 30; kept.Count + added.Count < maxRf; id++)
        {
            added.Add(id);
        }

        var removed = currentBrokers.Except(kept).ToList();
        var targets = kept.Concat(added).Order().ToList();
        Dictionary<int, string>? racks = null;
        if (withRacks)
        {
            var rackCount = Math.Min(targets.Count, rng.Next(maxRf, maxRf + 2));
            racks = targets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => "rack-" + (x.i % rackCount));
        }

        return new ReassignmentRequest
        {
            Current = partitions.OrderBy(_ => rng.Next()).ToList(),
            Brokers = kept.Concat(added).Concat(removed).OrderBy(_ => rng.Next()).ToList(),
            Remove = removed,
            Racks = racks,
        };
    }

    private static int[] WeightedDistinct(Random rng, int[] brokers, int[] weights, int count)
    {
        var pool = brokers.Select((b, i) => (b, w: weights[i])).ToList();
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var pick = rng.Next(pool.Sum(x => x.w));
            var k = 0;
            while (pick >= pool[k].w)
            {
                pick -= pool[k].w;
                k++;
            }

            result[i] = pool[k].b;
            pool.RemoveAt(k);
        }

        return result;
    }
}
