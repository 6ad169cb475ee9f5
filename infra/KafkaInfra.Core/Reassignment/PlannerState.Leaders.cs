namespace KafkaInfra.Core.Reassignment;

/// <summary>Preferred-leader balance: reordering replica lists first, data movement only as a fallback.</summary>
public static partial class ReassignmentPlanner
{
    private sealed partial class PlannerState
    {
        private int LeaderLo(int b) => isTarget[b] ? reps.Length / targetCount : 0;

        private int LeaderHi(int b) => isTarget[b] ? (reps.Length + targetCount - 1) / targetCount : 0;

        /// <summary>
        /// Balances preferred leaders to floor/ceil of the mean by reordering replica lists (no data movement); moves data only
        /// when no reordering can reach the range. Leadership only leaves brokers above the range or enters brokers below it.
        /// </summary>
        private void BalanceLeaders()
        {
            var ledBy = Enumerable.Range(0, N).Select(_ => new List<int>()).ToArray();
            for (var p = 0; p < reps.Length; p++)
            {
                ledBy[reps[p][0]].Add(p);
            }

            // Brokers above the ceil hand leadership to the follower that leads the fewest (relative to the floor).
            for (var a = 0; a < N; a++)
            {
                var list = ledBy[a];
                for (var k = 0; k < list.Count && leaders[a] > LeaderHi(a); k++)
                {
                    var p = list[k];
                    if (reps[p][0] != a)
                    {
                        continue;
                    }

                    var best = -1;
                    for (var j = 1; j < reps[p].Length; j++)
                    {
                        var b = reps[p][j];
                        if (leaders[b] < LeaderHi(b) && (best < 0 || leaders[b] - LeaderLo(b) < leaders[reps[p][best]] - LeaderLo(reps[p][best])))
                        {
                            best = j;
                        }
                    }

                    if (best > 0)
                    {
                        SwapLeader(p, best, ledBy, null);
                    }
                }
            }

            // Brokers below the floor take leadership of partitions they follow whose leader is above the floor.
            for (var u = 0; u < N; u++)
            {
                var list = partitionsOf[u];
                for (var k = 0; k < list.Count && leaders[u] < LeaderLo(u); k++)
                {
                    var p = list[k];
                    var j = reps[p].IndexOf(u);
                    if (j > 0 && leaders[reps[p][0]] > LeaderLo(reps[p][0]))
                    {
                        SwapLeader(p, j, ledBy, null);
                    }
                }
            }

            // Augmenting paths a -> x -> ... -> u, each step a reorder inside one partition led by the step's source.
            var edges = new LeaderEdges(N);
            for (var p = 0; p < reps.Length; p++)
            {
                edges.Add(p, reps[p]);
            }

            var trades = 0;
            var traded = new HashSet<(int, int)>();
            while (true)
            {
                bool[] sources, sinks;
                if (Enumerable.Range(0, N).Any(b => leaders[b] < LeaderLo(b)))
                {
                    sources = Enumerable.Range(0, N).Select(b => leaders[b] > LeaderLo(b)).ToArray();
                    sinks = Enumerable.Range(0, N).Select(b => leaders[b] < LeaderLo(b)).ToArray();
                }
                else if (Enumerable.Range(0, N).Any(b => leaders[b] > LeaderHi(b)))
                {
                    sources = Enumerable.Range(0, N).Select(b => leaders[b] > LeaderHi(b)).ToArray();
                    sinks = Enumerable.Range(0, N).Select(b => leaders[b] < LeaderHi(b)).ToArray();
                }
                else
                {
                    return;
                }

                var path = FindLeaderPath(edges, sources, sinks);
                if (path is not null)
                {
                    for (var i = path.Count - 2; i >= 0; i--)
                    {
                        var x = path[i];
                        var y = path[i + 1];
                        var p = edges.Find(x, y, reps);
                        SwapLeader(p, reps[p].IndexOf(y), ledBy, edges);
                    }

                    continue;
                }

                // Reordering cannot reach the range: trade a led replica of a source for a follower replica of a sink.
                if (trades++ > 4 * N * N || !TradeForLeadership(ledBy, edges, sources, sinks, traded))
                {
                    return;
                }
            }
        }

        private void SwapLeader(int p, int j, List<int>[] ledBy, LeaderEdges? edges)
        {
            var r = reps[p];
            edges?.Remove(r);
            (r[0], r[j]) = (r[j], r[0]);
            leaders[r[j]]--;
            leaders[r[0]]++;
            ledBy[r[0]].Add(p);
            edges?.Add(p, r);
        }

        private List<int>? FindLeaderPath(LeaderEdges edges, bool[] sources, bool[] sinks)
        {
            var parent = Enumerable.Repeat(-2, N).ToArray();
            var queue = new Queue<int>();
            for (var b = 0; b < N; b++)
            {
                if (sources[b])
                {
                    parent[b] = -1;
                    queue.Enqueue(b);
                }
            }

            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                for (var y = 0; y < N; y++)
                {
                    if (parent[y] != -2 || edges.Count[x, y] == 0)
                    {
                        continue;
                    }

                    parent[y] = x;
                    if (sinks[y])
                    {
                        var path = new List<int>();
                        for (var v = y; v >= 0; v = parent[v])
                        {
                            path.Add(v);
                        }

                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue(y);
                }
            }

            return null;
        }

        /// <summary>
        /// Data-moving fallback: a source broker a gives the leader replica of one partition to a broker c that leads fewer
        /// than the ceil, and takes a follower replica of c's in another partition, so replica counts stay put.
        /// Sinks are tried first; otherwise any broker below the ceil (often one in a's rack, the only rack-safe choice).
        /// </summary>
        private bool TradeForLeadership(List<int>[] ledBy, LeaderEdges edges, bool[] sources, bool[] sinks, HashSet<(int, int)> traded)
        {
            var receivers = Enumerable.Range(0, N)
                .Where(c => isTarget[c] && leaders[c] < LeaderHi(c))
                .OrderByDescending(c => sinks[c])
                .ThenBy(c => leaders[c] - LeaderLo(c))
                .ThenBy(c => c)
                .ToList();
            for (var a = 0; a < N; a++)
            {
                if (!sources[a])
                {
                    continue;
                }

                ledBy[a].RemoveAll(p => reps[p][0] != a);
                foreach (var c in receivers)
                {
                    if (c == a || traded.Contains((c, a)))
                    {
                        continue; // never trade back: that could cycle
                    }

                    foreach (var p in ledBy[a])
                    {
                        if (!CanPlace(p, 0, c))
                        {
                            continue;
                        }

                        foreach (var q in partitionsOf[c])
                        {
                            var j = reps[q].IndexOf(c);
                            if (q == p || j <= 0 || !CanPlace(q, j, a))
                            {
                                continue;
                            }

                            edges.Remove(reps[p]);
                            edges.Remove(reps[q]);
                            Move(p, 0, c);
                            Move(q, j, a);
                            ledBy[c].Add(p);
                            traded.Add((a, c));
                            edges.Add(p, reps[p]);
                            edges.Add(q, reps[q]);
                            return true;
                        }

                        break; // the follower side does not depend on p beyond q != p; try the next receiver
                    }
                }
            }

            return false;
        }
    }
}
