namespace KafkaInfra.Core.Reassignment;

/// <summary>One partition and its ordered replica list (the first replica is the preferred leader).</summary>
public sealed record PartitionReplicas(string Topic, int Partition, IReadOnlyList<int> Replicas)
{
    /// <summary>"topic-partition", the way Kafka names a partition in logs.</summary>
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Topic}-{Partition}");
}

/// <summary>
/// A value, or every error found while producing it (each error names the input and the value received): the shared
/// <see cref="Result{T}"/> shape, without warnings or advice.
/// </summary>
public sealed record InputResult<T> : Result<T>
    where T : class
{
    internal InputResult(T? value, IReadOnlyList<Diagnostic> errors)
        : base(value, errors, [], [])
    {
    }
}

/// <summary>Creates <see cref="InputResult{T}"/> values.</summary>
public static class InputResult
{
    public static InputResult<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static InputResult<T> Fail<T>(IReadOnlyList<Diagnostic> errors)
        where T : class =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, errors);
}
