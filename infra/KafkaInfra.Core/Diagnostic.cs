namespace KafkaInfra.Core;

/// <summary>
/// One finding about a stack, tied to the config key it concerns, e.g.
/// <c>kafka-infra:topics[2].messagesPerSecond: must be &gt; 0, got -5</c>.
/// Errors, warnings and advice all use this shape; which list it sits in says its severity.
/// </summary>
/// <param name="Path">The full config key path (<c>kafka-infra:cluster.brokers</c>).</param>
/// <param name="Message">What was received and what was expected, or what the consequence is.</param>
public sealed record Diagnostic(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The one result shape over <see cref="Diagnostic"/>: a step over a stack (load, plan, read) either produces its
/// value or reports every error at once; warnings and advice come with it either way. Results of particular steps
/// derive from it and only add a name for <see cref="Value"/> (e.g. <c>PlanResult.Plan</c>).
/// </summary>
/// <typeparam name="T">What the step produces.</typeparam>
/// <param name="Value">The product; null when there are errors.</param>
/// <param name="Errors">Every error, in config order; empty when <see cref="Value"/> is usable.</param>
/// <param name="Warnings">Things that work but deserve a reviewer's attention.</param>
/// <param name="Advice">Suggestions.</param>
public abstract record Result<T>(T? Value, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings, IReadOnlyList<Diagnostic> Advice)
    where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;

    /// <summary>The value, or a <see cref="StackConfigException"/> carrying every error.</summary>
    public T GetOrThrow() => IsValid ? Value! : throw new StackConfigException(Errors);
}

/// <summary>Thrown when a stack config is invalid; carries every error at once.</summary>
public sealed class StackConfigException : Exception
{
    public StackConfigException(IReadOnlyList<Diagnostic> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public StackConfigException()
        : this([])
    {
    }

    public StackConfigException(string message)
        : base(message)
    {
        Errors = [new Diagnostic("kafka-infra", message)];
    }

    public StackConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new Diagnostic("kafka-infra", message)];
    }

    /// <summary>Every error, in config order.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; } = [];

    /// <summary>"N error(s) in the stack config:" followed by one line per error.</summary>
    public static string FormatMessage(IReadOnlyList<Diagnostic> errors) =>
        errors.Count == 0
            ? "the stack config is invalid"
            : $"{errors.Count} error{(errors.Count == 1 ? "" : "s")} in the stack config:{Environment.NewLine}" +
              string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
