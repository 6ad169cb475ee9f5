namespace KafkaInfra.Core.Reassignment;

/// <summary>Replica targets per broker (floor/ceil of the mean) and whether the racks can hold them.</summary>
public static partial class ReassignmentPlanner
{
    private sealed partial class PlannerState
    {
        /// <summary>
        /// floor/ceil of replicas per target broker, the ceil going to the brokers that hold the most (fewest moves),
        /// skipping a broker when its rack could then not be filled without two replicas of a partition in one rack.
        /// </summary>
        public List<Diagnostic> ComputeReplicaTargets()
        {
            var errors = new List<Diagnostic>();
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
                errors.Add(new Diagnostic(request.RacksOption, Inv($"racks are too uneven: rack{(racks.Count > 1 ? "s" : "")} {string.Join(", ", racks)} would need {need} replicas to keep {perBroker} replicas per broker, but at most {room} fit without two replicas of a partition in one rack")));
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
                for (var p = 0; p < reps.Length; p++)
                {
                    rackFixes += SharedRackReplicas(reps[p]);
                }
            }

            lowerBound = Math.Max(excess, rackFixes);
            return errors;
        }

        /// <summary>capacity[s-1] = how many replicas any s racks can hold in total: sum over partitions of min(RF, s).</summary>
        private long[] RackCapacities()
        {
            var capacity = new long[rackNames.Length];
            for (var p = 0; p < reps.Length; p++)
            {
                for (var s = 1; s <= rackNames.Length; s++)
                {
                    capacity[s - 1] += Math.Min(reps[p].Length, s);
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
    }
}
