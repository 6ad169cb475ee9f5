namespace KafkaInfra.Core.Reassignment;

/// <summary>Request validation: every input error, each naming the option or file entry and the value received.</summary>
public static partial class ReassignmentPlanner
{
    private static List<Diagnostic> Validate(ReassignmentRequest request)
    {
        var errors = new List<Diagnostic>();
        var brokersText = "[" + string.Join(',', request.Brokers) + "]";
        var known = new HashSet<int>(request.Brokers);
        if (request.Brokers.Count == 0)
        {
            errors.Add(new Diagnostic(request.BrokersOption, $"expected at least one broker id, got an empty list"));
        }

        foreach (var r in request.Remove.Where(r => !known.Contains(r)).Distinct())
        {
            errors.Add(new Diagnostic(request.RemoveOption, Inv($"broker {r} is not in {request.BrokersOption} {brokersText}")));
        }

        var removed = new HashSet<int>(request.Remove);
        var targets = request.Brokers.Where(b => !removed.Contains(b)).ToList();
        if (request.Brokers.Count > 0 && targets.Count == 0)
        {
            errors.Add(new Diagnostic(request.RemoveOption, $"removes every broker in {request.BrokersOption} {brokersText}; at least one must stay"));
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
            errors.Add(new Diagnostic(request.CurrentSource, Inv($"partitions[{first}].replicas: broker {broker} is not in {request.BrokersOption} {brokersText}{more}; list every current broker there, and in {request.RemoveOption} to drain it")));
        }

        if (tooLarge.Count > 0)
        {
            var p = request.Current[tooLarge[0]];
            var more = tooLarge.Count > 1 ? Inv($" (and {tooLarge.Count - 1} more partitions)") : "";
            errors.Add(new Diagnostic(request.CurrentSource, Inv($"partitions[{tooLarge[0]}] ({p.Name}): replication factor {p.Replicas.Count} is more than the {targets.Count} target brokers [{string.Join(',', targets)}]{more}")));
        }

        if (request.Racks is { } racks)
        {
            foreach (var b in racks.Keys.Where(b => !known.Contains(b)))
            {
                errors.Add(new Diagnostic(request.RacksOption, Inv($"broker {b} is not in {request.BrokersOption} {brokersText}")));
            }

            var missing = targets.Where(b => !racks.ContainsKey(b)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new Diagnostic(request.RacksOption, $"no rack given for broker{(missing.Count > 1 ? "s" : "")} {string.Join(',', missing)}; give a rack for every broker that stays, or none"));
            }
            else if (targets.Count > 0)
            {
                var rackNames = targets.Select(b => racks[b]).Distinct().Order(StringComparer.Ordinal).ToList();
                if (rackNames.Count < maxRf)
                {
                    var index = request.Current.ToList().FindIndex(p => p.Replicas.Count == maxRf);
                    errors.Add(new Diagnostic(request.RacksOption, Inv($"the target brokers span {rackNames.Count} rack{(rackNames.Count > 1 ? "s" : "")} ({string.Join(", ", rackNames)}) but {request.CurrentSource} partitions[{index}] ({request.Current[index].Name}) has replication factor {maxRf}; spreading replicas across racks needs at least {maxRf} racks")));
                }
            }
        }

        return errors;
    }
}
