namespace KafkaInfra.Core.Reassignment;

/// <summary>Assembling the plan: the changed partitions, the summary and the guarantees the plan could not reach.</summary>
public static partial class ReassignmentPlanner
{
    private sealed partial class PlannerState
    {
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
                if (before.SequenceEqual(after))
                {
                    proposed.Add(partitions[p]);
                    continue;
                }

                var ids = new int[after.Length];
                for (var j = 0; j < ids.Length; j++)
                {
                    ids[j] = brokerIds[after[j]];
                }

                var entry = partitions[p] with { Replicas = ids };
                proposed.Add(entry);
                changes.Add(entry);
                var moved = 0;
                foreach (var b in after)
                {
                    moved += before.Contains(b) ? 0 : 1;
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
                var unspread = 0;
                for (var p = 0; p < reps.Length; p++)
                {
                    unspread += SharedRackReplicas(reps[p]) > 0 ? 1 : 0;
                }

                if (unspread > 0)
                {
                    warnings.Add(Inv($"{unspread} partitions still have two replicas in one rack"));
                }
            }
        }
    }
}
