using System.Globalization;

namespace KafkaInfra.Core.Reassignment;

/// <summary>
/// Plans a minimal-movement partition reassignment: every partition keeps its replication factor, removed brokers
/// are drained, replicas and preferred leaders per broker end within floor/ceil of the mean, replicas of a partition
/// sit in distinct racks when racks are given, and as few replicas as possible are copied.
/// Deterministic: the same request always gives the same plan, and planning from a plan's own output moves nothing.
/// </summary>
public static class ReassignmentPlanner
{
    /// <summary>Validates the request and plans; returns every input error instead of a plan when the request is invalid.</summary>
    public static InputResult<ReassignmentPlan> Plan(ReassignmentRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return InputResult.Fail<ReassignmentPlan>(errors);
        }

        var state = new PlannerState(request);
        var targetErrors = state.ComputeReplicaTargets();
        if (targetErrors.Count > 0)
        {
            return InputResult.Fail<ReassignmentPlan>(targetErrors);
        }

        state.Run();
        return InputResult.Ok<ReassignmentPlan>(state.BuildPlan());
    }

    private static List<string> Validate(ReassignmentRequest request)
    {
        var errors = new List<string>();
        var brokersText = "[" + string.Join(',', request.Brokers) + "]";
        var known = new HashSet<int>(request.Brokers);
        if (request.Brokers.Count == 0)
        {
            errors.Add($"{request.BrokersOption}: expected at least one broker id, got an empty list");
        }

        foreach (var r in request.Remove.Where(r => !known.Contains(r)).Distinct())
        {
            errors.Add(Inv($"{request.RemoveOption}: broker {r} is not in {request.BrokersOption} {brokersText}"));
        }

        var removed = new HashSet<int>(request.Remove);
        var targets = request.Brokers.Where(b => !removed.Contains(b)).ToList();
        if (request.Brokers.Count > 0 && targets.Count == 0)
        {
            errors.Add($"{request.RemoveOption}: removes every broker in {request.BrokersOption} {brokersText}; at least one must stay");
        }

        // Every broker holding a replica must be named in --brokers: a typo must not silently drain a broker.
        var unknownBrokers = new SortedDictionary<int, (int FirstIndex, int Count)>();
        var tooLarge = new List<int>();
        var maxRf = 0;
        for (var i = 0; i < request.Current.Count; i++)
        {
            var p = request.Current[i];
            maxRf = Math.Max(maxRf, p.Replicas.Count);
            for (var j = 0; j < p.Replicas.Count; j++)
            {
                var b = p.Replicas[j];
                if (!known.Contains(b))
                {
                    unknownBrokers[b] = unknownBrokers.TryGetValue(b, out var seen) ? (seen.FirstIndex, seen.Count + 1) : (i, 1);
                }
            }

            if (targets.Count > 0 && p.Replicas.Count > targets.Count)
            {
                tooLarge.Add(i);
            }
        }

        foreach (var (broker, (first, count)) in unknownBrokers)
        {
            var more = count > 1 ? Inv($" (and {count - 1} more partitions)") : "";
            errors.Add(Inv($"{request.CurrentSource}: partitions[{first}].replicas: broker {broker} is not in {request.BrokersOption} {brokersText}{more}; list every current broker there, and in {request.RemoveOption} to drain it"));
        }

        if (tooLarge.Count > 0)
        {
            var p = request.Current[tooLarge[0]];
            var more = tooLarge.Count > 1 ? Inv($" (and {tooLarge.Count - 1} more partitions)") : "";
            errors.Add(Inv($"{request.CurrentSource}: partitions[{tooLarge[0]}] ({p.Name}): replication factor {p.Replicas.Count} is more than the {targets.Count} target brokers [{string.Join(',', targets)}]{more}"));
        }

        if (request.Racks is { } racks)
        {
            foreach (var b in racks.Keys.Where(b => !known.Contains(b)))
            {
                errors.Add(Inv($"{request.RacksOption}: broker {b} is not in {request.BrokersOption} {brokersText}"));
            }

            var missing = targets.Where(b => !racks.ContainsKey(b)).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"{request.RacksOption}: no rack given for broker{(missing.Count > 1 ? "s" : "")} {string.Join(',', missing)}; give a rack for every broker that stays, or none");
            }
            else if (targets.Count > 0)
            {
                var rackNames = targets.Select(b => racks[b]).Distinct().Order(StringComparer.Ordinal).ToList();
                if (rackNames.Count < maxRf)
                {
                    var index = request.Current.ToList().FindIndex(p => p.Replicas.Count == maxRf);
                    errors.Add(Inv($"{request.RacksOption}: the target brokers span {rackNames.Count} rack{(rackNames.Count > 1 ? "s" : "")} ({string.Join(", ", rackNames)}) but {request.CurrentSource} partitions[{index}] ({request.Current[index].Name}) has replication factor {maxRf}; spreading replicas across racks needs at least {maxRf} racks"));
                }
            }
        }

        return errors;
    }

    internal static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mutable working state over dense broker and partition indices.</summary>
    private sealed class PlannerState
    {
        private readonly ReassignmentRequest request;
        private readonly int[] brokerIds;          // dense index -> broker id (sorted)
        private readonly bool[] isTarget;
        private readonly int[] rackOf;             // dense index -> rack index, -1 for none
        private readonly string[] rackNames;
        private readonly PartitionReplicas[] partitions; // sorted by topic, partition
        private readonly int[][] original;
        private readonly int[][] reps;
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
            original = new int[partitions.Length][];
            reps = new int[partitions.Length][];
            for (var p = 0; p < partitions.Length; p++)
            {
                var replicas = partitions[p].Replicas;
                var mapped = new int[replicas.Count];
                for (var j = 0; j < mapped.Length; j++)
                {
                    mapped[j] = index[replicas[j]];
                }

                original[p] = mapped;
                reps[p] = (int[])mapped.Clone();
            }

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

        /// <summary>
        /// floor/ceil of replicas per target broker, the ceil going to the brokers that hold the most (fewest moves),
        /// skipping a broker when its rack could then not be filled without two replicas of a partition in one rack.
        /// </summary>
        public List<string> ComputeReplicaTargets()
        {
            var errors = new List<string>();
            var floor = totalReplicas / targetCount;
            var extras = totalReplicas % targetCount;
            var order = Enumerable.Range(0, N).Where(b => isTarget[b]).OrderByDescending(b => load[b]).ThenBy(b => b).ToList();
            foreach (var b in order)
            {
                replicaTarget[b] = floor;
            }

            long[]? capacity = rackNames.Length > 0 ? RackCapacities() : null;
            foreach (var b in order)
            {
                if (extras == 0)
                {
                    break;
                }

                replicaTarget[b]++;
                if (capacity is not null && RackOverload(capacity) is not null)
                {
                    replicaTarget[b]--;
                    continue;
                }

                extras--;
            }

            if (capacity is not null && (extras > 0 || RackOverload(capacity) is not null))
            {
                if (extras > 0)
                {
                    // Nowhere left to put the ceil slots: report with every target at ceil for the rack that overflows.
                    foreach (var b in order.Where(b => replicaTarget[b] == floor).Take(extras))
                    {
                        replicaTarget[b]++;
                    }
                }

                var (racks, need, room) = RackOverload(capacity)!.Value;
                var perBroker = totalReplicas % targetCount == 0 ? Inv($"{floor}") : Inv($"{floor}..{floor + 1}");
                errors.Add(Inv($"{request.RacksOption}: racks are too uneven: rack{(racks.Count > 1 ? "s" : "")} {string.Join(", ", racks)} would need {need} replicas to keep {perBroker} replicas per broker, but at most {room} fit without two replicas of a partition in one rack"));
                return errors;
            }

            var excess = 0;
            for (var b = 0; b < N; b++)
            {
                excess += Math.Max(0, load[b] - replicaTarget[b]);
            }

            var rackFixes = 0;
            if (rackNames.Length > 0)
            {
                foreach (var r in reps)
                {
                    rackFixes += SharedRackReplicas(r);
                }
            }

            lowerBound = Math.Max(excess, rackFixes);
            return errors;
        }

        /// <summary>capacity[s-1] = how many replicas any s racks can hold in total: sum over partitions of min(RF, s).</summary>
        private long[] RackCapacities()
        {
            var capacity = new long[rackNames.Length];
            foreach (var r in reps)
            {
                for (var s = 1; s <= rackNames.Length; s++)
                {
                    capacity[s - 1] += Math.Min(r.Length, s);
                }
            }

            return capacity;
        }

        /// <summary>The heaviest racks whose targets cannot be met (Gale-Ryser condition), or null when the rack loads are feasible.</summary>
        private (List<string> Racks, long Need, long Room)? RackOverload(long[] capacity)
        {
            var rackLoad = new long[rackNames.Length];
            for (var b = 0; b < N; b++)
            {
                if (isTarget[b])
                {
                    rackLoad[rackOf[b]] += replicaTarget[b];
                }
            }

            var heaviest = Enumerable.Range(0, rackNames.Length).OrderByDescending(k => rackLoad[k]).ThenBy(k => k).ToList();
            long sum = 0;
            for (var s = 1; s <= heaviest.Count; s++)
            {
                sum += rackLoad[heaviest[s - 1]];
                if (sum > capacity[s - 1])
                {
                    return (heaviest.Take(s).Select(k => rackNames[k]).ToList(), sum, capacity[s - 1]);
                }
            }

            return null;
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

        private bool Contains(int p, int b) => Array.IndexOf(reps[p], b) >= 0;

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

        /// <summary>How many replicas of a replica list must change rack for every replica to be in its own rack.</summary>
        private int SharedRackReplicas(int[] r)
        {
            var count = 0;
            for (var i = 1; i < r.Length; i++)
            {
                var rack = rackOf[r[i]];
                for (var j = 0; j < i; j++)
                {
                    if (rack >= 0 && rackOf[r[j]] == rack)
                    {
                        count++;
                        break;
                    }
                }
            }

            return count;
        }

        private bool SharesRack(int[] r, int i)
        {
            var rack = rackOf[r[i]];
            for (var j = 0; j < r.Length; j++)
            {
                if (j != i && rack >= 0 && rackOf[r[j]] == rack)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Moves one replica of each same-rack pair to a broker in an unused rack, preferring the most loaded replica and the least loaded receiver.</summary>
        private void FixRackSpread()
        {
            for (var p = 0; p < reps.Length; p++)
            {
                while (true)
                {
                    var r = reps[p];
                    var pos = -1;
                    for (var i = 0; i < r.Length; i++)
                    {
                        var rack = rackOf[r[i]];
                        if (rack < 0 || !SharesRack(r, i))
                        {
                            continue;
                        }

                        // Among replicas sharing a rack, move the one on the most over-target broker; keep the leader on ties.
                        if (pos < 0 || Excess(r[i]) > Excess(r[pos]) || (Excess(r[i]) == Excess(r[pos]) && pos == 0))
                        {
                            pos = i;
                        }
                    }

                    if (pos < 0)
                    {
                        break;
                    }

                    var to = BestReceiver(p, pos, requireDeficit: false);
                    if (to < 0)
                    {
                        break; // reported by the final check
                    }

                    Move(p, pos, to);
                }
            }
        }

        private int Excess(int b) => load[b] - replicaTarget[b];

        private int BestReceiver(int p, int pos, bool requireDeficit)
        {
            var best = -1;
            for (var b = 0; b < N; b++)
            {
                if ((requireDeficit && load[b] >= replicaTarget[b]) || !CanPlace(p, pos, b))
                {
                    continue;
                }

                if (best < 0 || Excess(b) < Excess(best) || (Excess(b) == Excess(best) && pos == 0 && leaders[b] < leaders[best]))
                {
                    best = b;
                }
            }

            return best;
        }

        /// <summary>
        /// Moves replicas off removed and over-target brokers onto under-target brokers, one replica per unit of excess.
        /// A removed broker that still cannot be drained (racks leave no direct or two-step route) hands a replica to the
        /// least-loaded eligible broker, which then drains like any other over-target broker on the next round.
        /// </summary>
        private void DrainDonors()
        {
            for (var round = 0; round < 2 * N; round++)
            {
                var forced = false;
                for (var d = 0; d < N; d++)
                {
                    if (load[d] <= replicaTarget[d])
                    {
                        continue;
                    }

                    DrainDonor(d);
                    while (!isTarget[d] && load[d] > 0 && ForceOff(d))
                    {
                        forced = true;
                    }
                }

                if (!forced)
                {
                    return;
                }
            }
        }

        /// <summary>Moves one replica of removed broker <paramref name="d"/> to the least-loaded broker that may take it.</summary>
        private bool ForceOff(int d)
        {
            foreach (var p in partitionsOf[d])
            {
                var pos = Array.IndexOf(reps[p], d);
                if (pos < 0)
                {
                    continue;
                }

                var to = BestReceiver(p, pos, requireDeficit: false);
                if (to >= 0)
                {
                    Move(p, pos, to);
                    CompactPartitionList(d);
                    return true;
                }
            }

            return false;
        }

        private void DrainDonor(int d)
        {
            var leaderCeil = (reps.Length + targetCount - 1) / targetCount;

            // Pass 0 moves the kind of replica that also helps leader balance (a leader while the donor leads too many,
            // else a follower) from partitions not yet touched; pass 1 any replica of an untouched partition; pass 2 any.
            // Spreading moves over distinct partitions keeps leaders free to be balanced by reordering later.
            for (var pass = 0; pass < 3 && load[d] > replicaTarget[d]; pass++)
            {
                var list = partitionsOf[d];
                for (var k = 0; k < list.Count && load[d] > replicaTarget[d]; k++)
                {
                    var p = list[k];
                    var pos = Array.IndexOf(reps[p], d);
                    if (pos < 0 || (pass < 2 && touched[p]))
                    {
                        continue;
                    }

                    var wantLeader = !isTarget[d] || leaders[d] > leaderCeil;
                    if (pass == 0 && (pos == 0) != wantLeader)
                    {
                        continue;
                    }

                    var to = BestReceiver(p, pos, requireDeficit: true);
                    if (to >= 0)
                    {
                        Move(p, pos, to);
                    }
                }
            }

            CompactPartitionList(d);
            while (load[d] > replicaTarget[d] && TwoHop(d))
            {
            }
        }

        private void CompactPartitionList(int b) => partitionsOf[b].RemoveAll(p => !Contains(p, b));

        /// <summary>When no partition of donor <paramref name="d"/> can go straight to an under-target broker: d → x on one partition, x → r on another.</summary>
        private bool TwoHop(int d)
        {
            for (var r = 0; r < N; r++)
            {
                if (load[r] >= replicaTarget[r])
                {
                    continue;
                }

                for (var q = 0; q < reps.Length; q++)
                {
                    if (Contains(q, r) || Contains(q, d))
                    {
                        continue;
                    }

                    for (var j = 0; j < reps[q].Length; j++)
                    {
                        var x = reps[q][j];
                        if (!CanPlace(q, j, r))
                        {
                            continue;
                        }

                        foreach (var p in partitionsOf[d])
                        {
                            var pos = Array.IndexOf(reps[p], d);
                            if (pos >= 0 && p != q && CanPlace(p, pos, x))
                            {
                                Move(p, pos, x);
                                Move(q, j, r);
                                CompactPartitionList(d);
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

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
                    var j = Array.IndexOf(reps[p], u);
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
                        SwapLeader(p, Array.IndexOf(reps[p], y), ledBy, edges);
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
                            var j = Array.IndexOf(reps[q], c);
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

        public ReassignmentPlan BuildPlan()
        {
            var proposed = new List<PartitionReplicas>(reps.Length);
            var changes = new List<PartitionReplicas>();
            int moves = 0, leaderOnly = 0, leaderChanges = 0, withoutSize = 0;
            long bytes = 0;
            for (var p = 0; p < reps.Length; p++)
            {
                var before = original[p];
                var after = reps[p];
                if (before.AsSpan().SequenceEqual(after))
                {
                    proposed.Add(partitions[p]);
                    continue;
                }

                var entry = partitions[p] with { Replicas = after.Select(b => brokerIds[b]).ToArray() };
                proposed.Add(entry);
                changes.Add(entry);
                var moved = 0;
                foreach (var b in after)
                {
                    moved += Array.IndexOf(before, b) < 0 ? 1 : 0;
                }

                moves += moved;
                if (moved == 0)
                {
                    leaderOnly++;
                }

                if (before[0] != after[0])
                {
                    leaderChanges++;
                }

                if (moved > 0 && request.Sizes is { } sizes)
                {
                    if (sizes.SizeOf(partitions[p].Topic, partitions[p].Partition) is { } size)
                    {
                        bytes += size * moved;
                    }
                    else
                    {
                        withoutSize += moved;
                    }
                }
            }

            CheckGuarantees();
            var replicaFloor = totalReplicas / targetCount;
            var leaderFloor = reps.Length / targetCount;
            var summary = new ReassignmentSummary
            {
                Partitions = reps.Length,
                Replicas = totalReplicas,
                ReplicaMoves = moves,
                LowerBound = lowerBound,
                PartitionsChanged = changes.Count,
                LeaderOnlyChanges = leaderOnly,
                PreferredLeaderChanges = leaderChanges,
                BytesMoved = request.Sizes is null ? null : bytes,
                MovesWithoutSize = withoutSize,
                ReplicaTargetMin = replicaFloor,
                ReplicaTargetMax = replicaFloor + (totalReplicas % targetCount == 0 ? 0 : 1),
                LeaderTargetMin = leaderFloor,
                LeaderTargetMax = leaderFloor + (reps.Length % targetCount == 0 ? 0 : 1),
                Brokers = Enumerable.Range(0, N).Select(b => new BrokerBalance(
                    brokerIds[b],
                    rackOf[b] >= 0 ? rackNames[rackOf[b]] : null,
                    !isTarget[b],
                    loadBefore[b],
                    load[b],
                    replicaTarget[b],
                    leadersBefore[b],
                    leaders[b])).ToList(),
                Warnings = warnings,
            };
            return new ReassignmentPlan(proposed, changes, summary);
        }

        private void CheckGuarantees()
        {
            var replicaFloor = totalReplicas / targetCount;
            var replicaCeil = replicaFloor + (totalReplicas % targetCount == 0 ? 0 : 1);
            var leaderFloor = reps.Length / targetCount;
            var leaderCeil = leaderFloor + (reps.Length % targetCount == 0 ? 0 : 1);
            for (var b = 0; b < N; b++)
            {
                if (!isTarget[b] && load[b] > 0)
                {
                    warnings.Add(Inv($"broker {brokerIds[b]} is to be removed but still holds {load[b]} replicas"));
                }
                else if (isTarget[b] && (load[b] < replicaFloor || load[b] > replicaCeil))
                {
                    warnings.Add(Inv($"broker {brokerIds[b]} holds {load[b]} replicas, outside the balanced range {replicaFloor}..{replicaCeil}"));
                }

                if (isTarget[b] && (leaders[b] < leaderFloor || leaders[b] > leaderCeil))
                {
                    warnings.Add(Inv($"broker {brokerIds[b]} is preferred leader of {leaders[b]} partitions, outside the balanced range {leaderFloor}..{leaderCeil}"));
                }
            }

            if (rackNames.Length > 0)
            {
                var unspread = reps.Count(r => SharedRackReplicas(r) > 0);
                if (unspread > 0)
                {
                    warnings.Add(Inv($"{unspread} partitions still have two replicas in one rack"));
                }
            }
        }
    }

    /// <summary>Leader -> follower edges: how many partitions broker x leads with broker y as a follower, and which.</summary>
    private sealed class LeaderEdges(int n)
    {
        private readonly List<int>?[] partitions = new List<int>?[n * n];

        public int[,] Count { get; } = new int[n, n];

        public void Add(int p, int[] replicas)
        {
            for (var j = 1; j < replicas.Length; j++)
            {
                Count[replicas[0], replicas[j]]++;
                (partitions[(replicas[0] * n) + replicas[j]] ??= []).Add(p);
            }
        }

        public void Remove(int[] replicas)
        {
            for (var j = 1; j < replicas.Length; j++)
            {
                Count[replicas[0], replicas[j]]--;
            }
        }

        /// <summary>A partition led by x with y as a follower; stale entries are dropped on the way.</summary>
        public int Find(int x, int y, int[][] reps)
        {
            var list = partitions[(x * n) + y]!;
            while (true)
            {
                var p = list[^1];
                if (reps[p][0] == x && Array.IndexOf(reps[p], y) > 0)
                {
                    return p;
                }

                list.RemoveAt(list.Count - 1);
            }
        }
    }
}
