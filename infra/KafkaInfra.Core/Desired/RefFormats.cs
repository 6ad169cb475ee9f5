using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// What a <see cref="ResourceRef.Format"/> does to the output value it refers to. This is the one place where
/// format conventions live; the Pulumi program applies them inside <c>Output.Apply</c>, and the CLI's renderers
/// show the unresolved form (<see cref="ResourceRef.ToString"/>). The conventions (shared with the msk: records):
/// <list type="bullet">
/// <item><c>null</c>: the value as is.</item>
/// <item><c>{0:list}</c> (the whole format): the comma-separated value split into a list of strings, trimmed,
/// empty items dropped (MSK bootstrap strings for the Kafka provider's <c>bootstrapServers</c> list).</item>
/// <item>text with placeholders (plain replacement, so JSON braces need no escaping): <c>{0}</c> is the value;
/// <c>{0:topic}</c>, <c>{0:group}</c>, <c>{0:transactional-id}</c> take an MSK cluster ARN
/// (<c>arn:aws:kafka:r:a:cluster/name/uuid</c>) and put that resource type in place of <c>cluster</c>, so
/// <c>{0:topic}/orders</c> is the MSK IAM ARN of topic <c>orders</c>.</item>
/// </list>
/// A new convention is added here, with a test, and nowhere else.
/// <para>
/// Where a typed model can only hold a string (an environment variable of a <see cref="DeploymentModel"/>), a
/// reference is written in its rendered form <c>${resource.output}</c> (<see cref="ResourceRef.ToString"/>);
/// <see cref="Placeholders"/> finds those again so the Pulumi program can resolve them.
/// </para>
/// </summary>
public static partial class RefFormats
{
    /// <summary>The placeholder for the referenced value.</summary>
    public const string Placeholder = "{0}";

    /// <summary>The whole-format convention that splits a comma-separated value into a list.</summary>
    public const string List = "{0:list}";

    private const string ClusterSegment = ":cluster/";

    private static readonly string[] ArnTransforms = ["topic", "group", "transactional-id"];

    [GeneratedRegex(@"\{0(?::(?<transform>[a-z-]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderInFormat();

    /// <summary>
    /// The format of the MSK IAM resource ARN of a <paramref name="resourceType"/> (<c>topic</c>, <c>group</c>,
    /// <c>transactional-id</c>) named <paramref name="name"/> (may end in <c>*</c>), for a reference to the cluster's <c>arn</c>.
    /// </summary>
    public static string MskArn(string resourceType, string name) => $"{{0:{resourceType}}}/{name}";

    /// <summary>True when the reference stands for a list of strings (<see cref="List"/>).</summary>
    public static bool IsList(ResourceRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Format == List;
    }

    /// <summary>Null when <paramref name="format"/> follows the conventions, else what is wrong with it.</summary>
    public static string? Problem(string? format)
    {
        if (format is null || format == List)
        {
            return null;
        }

        var placeholders = PlaceholderInFormat().Matches(format);
        if (placeholders.Count == 0)
        {
            return $"unknown reference format \"{format}\": a format must contain {Placeholder} (or {{0:topic}}, {{0:group}}, {{0:transactional-id}}) where the referenced value goes, or be {List}";
        }

        foreach (Match m in placeholders)
        {
            var transform = m.Groups["transform"];
            if (transform.Success && !ArnTransforms.Contains(transform.Value))
            {
                return transform.Value == "list"
                    ? $"reference format \"{format}\": {List} must be the whole format"
                    : $"reference format \"{format}\": unknown transform {{0:{transform.Value}}}; known: {Placeholder}, {List}, {{0:topic}}, {{0:group}}, {{0:transactional-id}}";
            }
        }

        return null;
    }

    /// <summary>The string a reference stands for, given the referenced output's value (not for <see cref="List"/> references).</summary>
    /// <exception cref="FormatException">An ARN transform on a value that is not an MSK cluster ARN.</exception>
    public static string Apply(ResourceRef reference, string value)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(reference.Format) is { } problem)
        {
            throw new ArgumentException($"{reference}: {problem}", nameof(reference));
        }

        if (IsList(reference))
        {
            throw new ArgumentException($"{reference}: a list reference ({List}) cannot stand for a single string", nameof(reference));
        }

        return reference.Format is null
            ? value
            : PlaceholderInFormat().Replace(reference.Format, m => m.Groups["transform"].Success ? ArnOf(m.Groups["transform"].Value, value) : value);
    }

    /// <summary>The list a reference stands for: split for <see cref="List"/>, else the one string <see cref="Apply"/> gives.</summary>
    public static IReadOnlyList<string> ApplyList(ResourceRef reference, string value)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return IsList(reference) ? SplitList(value) : [Apply(reference, value)];
    }

    /// <summary>A list of strings from one comma-separated string; items trimmed, blank items dropped.</summary>
    public static IReadOnlyList<string> SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string ArnOf(string transform, string clusterArn)
    {
        var i = clusterArn.IndexOf(ClusterSegment, StringComparison.Ordinal);
        if (!clusterArn.StartsWith("arn:", StringComparison.Ordinal) || i < 0)
        {
            throw new FormatException($"{{0:{transform}}} needs an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), got '{clusterArn}'");
        }

        return clusterArn[..i] + ":" + transform + "/" + clusterArn[(i + ClusterSegment.Length)..];
    }

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
}
