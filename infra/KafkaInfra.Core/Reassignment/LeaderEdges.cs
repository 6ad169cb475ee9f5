namespace KafkaInfra.Core.Reassignment;

public static partial class ReassignmentPlanner
{
    /// <summary>Leader -> follower edges: how many partitions broker x leads with broker y as a follower, and which.</summary>
    private sealed class LeaderEdges(int n)
    {
        private readonly List<int>?[] partitions = new List<int>?[n * n];

        public int[,] Count { get; } = new int[n, n];

        public void Add(int p, ReadOnlySpan<int> replicas)
        {
            for (var j = 1; j < replicas.Length; j++)
            {
                Count[replicas[0], replicas[j]]++;
                (partitions[(replicas[0] * n) + replicas[j]] ??= []).Add(p);
            }
        }

        public void Remove(ReadOnlySpan<int> replicas)
        {
            for (var j = 1; j < replicas.Length; j++)
            {
                Count[replicas[0], replicas[j]]--;
            }
        }

        /// <summary>A partition led by x with y as a follower; stale entries are dropped on the way.</summary>
        public int Find(int x, int y, ReplicaTable reps)
        {
            var list = partitions[(x * n) + y]!;
            while (true)
            {
                var p = list[^1];
                if (reps[p][0] == x && reps[p].IndexOf(y) > 0)
                {
                    return p;
                }

                list.RemoveAt(list.Count - 1);
            }
        }
    }
}
