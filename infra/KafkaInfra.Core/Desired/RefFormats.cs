using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// What a <see cref="ResourceRef.Format"/> does to the output value it refers to. This is the one place where
/// format conventions live; the Pulumi program applies <see cref="Apply"/> inside <c>Output.Apply</c>, and the
/// CLI's renderers show the unresolved form (<see cref="ResourceRef.ToString"/>).
/// <list type="bullet">
/// <item><c>null</c>: the value as is.</item>
/// <item>a text containing <c>{0}</c>: every <c>{0}</c> replaced by the value (plain replacement, so JSON braces
/// in the text need no escaping), e.g. <c>"{0}/*"</c>.</item>
/// </list>
/// A new convention (an ARN transform, say) is added here, with a test, and nowhere else.
/// <para>
/// Where a typed model can only hold a string (an environment variable of a <see cref="DeploymentModel"/>), a
/// reference is written in its rendered form <c>${resource.output}</c> (<see cref="ResourceRef.ToString"/>);
/// <see cref="Placeholders"/> finds those again so the Pulumi program can resolve them.
/// </para>
/// </summary>
public static partial class RefFormats
{
    [GeneratedRegex(@"\$\{(?<resource>[^{}$:\s]+)\.(?<output>[A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// Splits a string at its <c>${resource.output}</c> placeholders whose resource <paramref name="isResource"/>
    /// knows, into literal strings and <see cref="ResourceRef"/>s, in order; null when there are none (the string is
    /// a literal). Placeholders naming anything else (Kafka's <c>${file:...}</c>, say) stay literal text.
    /// </summary>
    public static IReadOnlyList<object>? Placeholders(string text, Func<string, bool> isResource)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isResource);
        var segments = new List<object>();
        var at = 0;
        var found = false;
        foreach (Match m in PlaceholderPattern().Matches(text))
        {
            var resource = m.Groups["resource"].Value;
            if (!isResource(resource))
            {
                continue;
            }

            found = true;
            if (m.Index > at)
            {
                segments.Add(text[at..m.Index]);
            }

            segments.Add(new ResourceRef(resource, m.Groups["output"].Value));
            at = m.Index + m.Length;
        }

        if (!found)
        {
            return null;
        }

        if (at < text.Length)
        {
            segments.Add(text[at..]);
        }

        return segments;
    }

    /// <summary>The placeholder for the referenced value.</summary>
    public const string Placeholder = "{0}";

    /// <summary>Null when <paramref name="format"/> is a known convention, else what is wrong with it.</summary>
    public static string? Problem(string? format) =>
        format is null || format.Contains(Placeholder, StringComparison.Ordinal)
            ? null
            : $"unknown reference format \"{format}\": a format must contain {Placeholder} where the referenced value goes";

    /// <summary>The string a reference stands for, given the referenced output's value.</summary>
    public static string Apply(ResourceRef reference, string value)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(reference.Format) is { } problem)
        {
            throw new ArgumentException($"{reference}: {problem}", nameof(reference));
        }

        return reference.Format is null ? value : reference.Format.Replace(Placeholder, value, StringComparison.Ordinal);
    }

    /// <summary>
    /// A list of strings from one comma-separated string (MSK bootstrap outputs are <c>host:port,host:port</c>),
    /// for a list-typed input that is given a single reference. Blank items are dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
