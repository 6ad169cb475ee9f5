namespace KafkaInfra.Core.Reassignment;

/// <summary>Draining removed and over-target brokers onto under-target ones.</summary>
public static partial class ReassignmentPlanner
{
    private sealed partial class PlannerState
    {
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
                var pos = reps[p].IndexOf(d);
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
                    var pos = reps[p].IndexOf(d);
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
                            var pos = reps[p].IndexOf(d);
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
    }
}
