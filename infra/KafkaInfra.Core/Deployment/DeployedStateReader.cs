using System.Collections;
using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Deployment;

/// <summary>The deployed state read back from a stack's previous outputs, or why it could not be read.</summary>
public sealed record DeployedStateReadResult(DeployedState State, IReadOnlyList<Diagnostic> Errors)
    : Result<DeployedState>(State, Errors, [], [])
{
    /// <summary>One message naming every malformed output, for failing the deployment.</summary>
    public string FormatErrors() =>
        $"the previous outputs of this stack cannot be read, so the partition and storage guards cannot run:{Environment.NewLine}" +
        string.Join(Environment.NewLine, Errors.Select(e => "  " + e)) +
        $"{Environment.NewLine}  (inspect them with `pulumi stack output --json`; they are written by every successful `pulumi up`)";
}

/// <summary>
/// Turns the outputs a stack exported last time (<see cref="StackOutputs.TopicPartitions"/>,
/// <see cref="StackOutputs.Brokers"/>, <see cref="StackOutputs.StorageGiB"/>), as the Pulumi engine hands them
/// back (maps as <c>ImmutableDictionary&lt;string, object&gt;</c>, numbers as <see cref="double"/>), into a
/// <see cref="DeployedState"/>. A missing output means "not deployed yet"; a malformed one is an error, never
/// silently ignored, because the guards that keep partitions and storage from shrinking depend on it.
/// </summary>
public static class DeployedStateReader
{
    /// <summary>Reads the three outputs; each may be null (first deployment, or a stack exported before it existed).</summary>
    public static DeployedStateReadResult Read(object? topicPartitions, object? brokers, object? storageGiB, object? kafkaAclsDeclared = null)
    {
        var errors = new List<Diagnostic>();
        var partitions = ReadPartitions(topicPartitions, errors);
        var brokerCount = ReadCount(StackOutputs.Brokers, brokers, errors);
        var storage = ReadCount(StackOutputs.StorageGiB, storageGiB, errors);
        var acls = kafkaAclsDeclared switch
        {
            null => false,
            bool b => b,
            _ => AddError(errors, new Diagnostic("stack output " + StackOutputs.KafkaAclsDeclared, $"must be true or false, got {Show(kafkaAclsDeclared)}")),
        };
        if (errors.Count > 0)
        {
            return new DeployedStateReadResult(DeployedState.None, errors);
        }

        var state = partitions.Count == 0 && brokerCount is null && storage is null && !acls
            ? DeployedState.None
            : new DeployedState(partitions, brokerCount, storage, acls);
        return new DeployedStateReadResult(state, []);
    }

    private static Dictionary<string, int> ReadPartitions(object? value, List<Diagnostic> errors)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = "stack output " + StackOutputs.TopicPartitions;
        if (value is null)
        {
            return result;
        }

        if (value is not (IDictionary or IEnumerable<KeyValuePair<string, object?>>))
        {
            errors.Add(new Diagnostic(path, $"must be a map of topic name to partition count, got {Show(value)}"));
            return result;
        }

        // Sorted, so messages come out in the same order whatever map type the engine used.
        foreach (var (key, item) in Entries(value).OrderBy(e => e.Key as string, StringComparer.Ordinal))
        {
            if (key is not string name || name.Length == 0)
            {
                errors.Add(new Diagnostic(path, $"must be a map of topic name to partition count, got a key {Show(key)}"));
                continue;
            }

            var itemPath = $"{path}[{Describe.Quote(name)}]";
            if (WholeNumber(item) is { } n && n >= 1)
            {
                result[name] = n;
            }
            else
            {
                errors.Add(new Diagnostic(itemPath, $"must be a whole number >= 1, got {Show(item)}"));
            }
        }

        return result;
    }

    private static bool AddError(List<Diagnostic> errors, Diagnostic error)
    {
        errors.Add(error);
        return false;
    }

    private static int? ReadCount(string name, object? value, List<Diagnostic> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (WholeNumber(value) is { } n && n >= 1)
        {
            return n;
        }

        errors.Add(new Diagnostic("stack output " + name, $"must be a whole number >= 1, got {Show(value)}"));
        return null;
    }

    /// <summary>The entries of a map in either shape the engine may produce; anything else yields a non-string key error.</summary>
    private static IEnumerable<(object? Key, object? Value)> Entries(object map)
    {
        switch (map)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry e in dictionary)
                {
                    yield return (e.Key, e.Value);
                }

                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (k, v) in pairs)
                {
                    yield return (k, v);
                }

                break;
            default:
                throw new ArgumentException("not a map", nameof(map));
        }
    }

    /// <summary>An int for a number that is whole and fits (Pulumi hands numbers back as double); null otherwise.</summary>
    private static int? WholeNumber(object? value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        double d when double.IsFinite(d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => null,
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => Describe.Quote(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IDictionary or IEnumerable<KeyValuePair<string, object?>> => "a map",
        IEnumerable => "a list",
        _ => value.GetType().Name,
    };
}
