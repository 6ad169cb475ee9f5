namespace KafkaInfra.Core.Reassignment;

public static partial class ReassignmentPlanner
{
    /// <summary>Mutable working state over dense broker and partition indices.</summary>
    private sealed partial class PlannerState
    {
        private readonly ReassignmentRequest request;
        private readonly int[] brokerIds;          // dense index -> broker id (sorted)
        private readonly bool[] isTarget;
        private readonly int[] rackOf;             // dense index -> rack index, -1 for none
        private readonly string[] rackNames;
        private readonly PartitionReplicas[] partitions; // sorted by topic, partition
        private readonly ReplicaTable original;
        private readonly ReplicaTable reps;
        private readonly int[] load;
        private readonly int[] leaders;
        private readonly int[] loadBefore;
        private readonly int[] leadersBefore;
        private readonly int[] replicaTarget;
        private readonly List<int>[] partitionsOf;
        private readonly bool[] touched;           // partition already had a replica moved
        private readonly List<string> warnings = [];
        private readonly int targetCount;
        private readonly int totalReplicas;
        private int lowerBound;

        public PlannerState(ReassignmentRequest request)
        {
            this.request = request;
            brokerIds = request.Brokers.Order().ToArray();
            var index = new Dictionary<int, int>();
            for (var i = 0; i < brokerIds.Length; i++)
            {
                index[brokerIds[i]] = i;
            }

            var removed = new HashSet<int>(request.Remove);
            isTarget = brokerIds.Select(b => !removed.Contains(b)).ToArray();
            targetCount = isTarget.Count(t => t);
            rackNames = request.Racks is null ? [] : request.Racks.Values.Distinct().Order(StringComparer.Ordinal).ToArray();
            rackOf = brokerIds.Select(b => request.Racks is not null && request.Racks.TryGetValue(b, out var r) ? Array.IndexOf(rackNames, r) : -1).ToArray();

            partitions = InTopicPartitionOrder(request.Current);
            original = ReplicaTable.From(partitions, index);
            reps = original.Copy();

            touched = new bool[reps.Length];
            var n = brokerIds.Length;
            load = new int[n];
            leaders = new int[n];
            partitionsOf = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            for (var p = 0; p < reps.Length; p++)
            {
                leaders[reps[p][0]]++;
                foreach (var b in reps[p])
                {
                    load[b]++;
                    partitionsOf[b].Add(p);
                }
            }

            totalReplicas = load.Sum();
            loadBefore = (int[])load.Clone();
            leadersBefore = (int[])leaders.Clone();
            replicaTarget = new int[n];
        }

        private int N => brokerIds.Length;

        /// <summary>
        /// The partitions by topic (ordinal) then partition number. Assignments exported by Kafka's tools are usually
        /// in this order already, so that is checked first in one pass; otherwise one in-place sort (no LINQ key maps,
        /// which dominated the planning time at 100,000 partitions).
        /// </summary>
        private static PartitionReplicas[] InTopicPartitionOrder(IReadOnlyList<PartitionReplicas> current)
        {
            var result = new PartitionReplicas[current.Count];
            var sorted = true;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = current[i];
                sorted = sorted && (i == 0 || Compare(result[i - 1], result[i]) < 0);
            }

            if (!sorted)
            {
                Array.Sort(result, Compare);
            }

            return result;
        }

        private static int Compare(PartitionReplicas a, PartitionReplicas b)
        {
            var byTopic = string.CompareOrdinal(a.Topic, b.Topic);
            return byTopic != 0 ? byTopic : a.Partition.CompareTo(b.Partition);
        }

        public void Run()
        {
            if (rackNames.Length > 0)
            {
                FixRackSpread();
            }

            DrainDonors();
            BalanceLeaders();
        }

        private bool Contains(int p, int b) => reps[p].Contains(b);

        /// <summary>Whether broker <paramref name="to"/> may take position <paramref name="pos"/> of partition <paramref name="p"/>.</summary>
        private bool CanPlace(int p, int pos, int to)
        {
            if (!isTarget[to])
            {
                return false;
            }

            var r = reps[p];
            var rack = rackOf[to];
            for (var i = 0; i < r.Length; i++)
            {
                if (r[i] == to || (i != pos && rack >= 0 && rackOf[r[i]] == rack))
                {
                    return false;
                }
            }

            return true;
        }

        private void Move(int p, int pos, int to)
        {
            var from = reps[p][pos];
            reps[p][pos] = to;
            touched[p] = true;
            load[from]--;
            load[to]++;
            if (pos == 0)
            {
                leaders[from]--;
                leaders[to]++;
            }

            partitionsOf[to].Add(p);
        }
    }
}
