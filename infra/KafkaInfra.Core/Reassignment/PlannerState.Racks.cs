namespace KafkaInfra.Core.Reassignment;

/// <summary>Rack spread: replicas of one partition moved into distinct racks, and the choice of receiving broker.</summary>
public static partial class ReassignmentPlanner
{
    private sealed partial class PlannerState
    {
        /// <summary>How many replicas of a replica list must change rack for every replica to be in its own rack.</summary>
        private int SharedRackReplicas(ReadOnlySpan<int> r)
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

        private bool SharesRack(ReadOnlySpan<int> r, int i)
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
    }
}
