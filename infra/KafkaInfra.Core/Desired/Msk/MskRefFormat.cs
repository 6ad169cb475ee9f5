using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// The <see cref="ResourceRef.Format"/> conventions msk: stacks use, and their reference implementation: the Pulumi
/// program resolves a reference by taking the named output's string value <c>v</c> and calling
/// <c>MskRefFormat.Apply(format, v)</c> inside <c>Apply</c>.
/// <list type="bullet">
/// <item><c>null</c>: the output as it is.</item>
/// <item><c>{0:list}</c> (the whole format): the comma-separated output split into a list of strings, each trimmed,
/// empty items dropped. Used where the output is a comma-separated <c>host:port</c> string but the input takes a
/// list (the Kafka provider's <c>bootstrapServers</c>).</item>
/// <item>A composite string with placeholders: <c>{0}</c> is the output as it is; <c>{0:topic}</c>, <c>{0:group}</c>
/// and <c>{0:transactional-id}</c> take an MSK cluster ARN (<c>arn:aws:kafka:r:a:cluster/name/uuid</c>) and replace its
/// resource type <c>:cluster/</c> with <c>:topic/</c>, <c>:group/</c> or <c>:transactional-id/</c>. So
/// <c>{0:topic}/orders</c> on the cluster's <c>arn</c> is <c>arn:aws:kafka:r:a:topic/name/uuid/orders</c>, the MSK IAM
/// resource ARN of topic <c>orders</c>. Literal text (including the IAM wildcard <c>*</c>) is kept as written.</item>
/// </list>
/// </summary>
public static partial class MskRefFormat
{
    /// <summary>Split a comma-separated output into a list.</summary>
    public const string List = "{0:list}";

    private const string ClusterSegment = ":cluster/";

    [GeneratedRegex(@"\{0(?::([a-z-]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The format of an MSK IAM resource ARN of <paramref name="resourceType"/> (topic, group, transactional-id) named <paramref name="name"/> (may end in <c>*</c>) in the referenced cluster.</summary>
    public static string ArnOf(string resourceType, string name) => $"{{0:{resourceType}}}/{name}";

    /// <summary>Resolves a format against an output value: a string, or a list of strings for <see cref="List"/>.</summary>
    /// <exception cref="FormatException">An unknown transform, or an ARN transform on a value that is not an MSK cluster ARN.</exception>
    public static object Apply(string? format, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (format is null)
        {
            return value;
        }

        if (format == List)
        {
            return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return Placeholder().Replace(format, m => m.Groups[1].Success ? Transform(m.Groups[1].Value, value) : value);
    }

    private static string Transform(string transform, string value)
    {
        switch (transform)
        {
            case "topic" or "group" or "transactional-id":
                var i = value.IndexOf(ClusterSegment, StringComparison.Ordinal);
                if (!value.StartsWith("arn:", StringComparison.Ordinal) || i < 0)
                {
                    throw new FormatException($"{{0:{transform}}} needs an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), got '{value}'");
                }

                return value[..i] + ":" + transform + "/" + value[(i + ClusterSegment.Length)..];
            case "list":
                throw new FormatException("{0:list} must be the whole format");
            default:
                throw new FormatException($"unknown reference transform {{0:{transform}}}; known: {{0}}, {{0:list}}, {{0:topic}}, {{0:group}}, {{0:transactional-id}}");
        }
    }
}
