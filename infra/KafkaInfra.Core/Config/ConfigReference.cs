using System.Text;

namespace KafkaInfra.Core.Config;

/// <summary>
/// Writes the config reference from <see cref="ConfigKeyTable"/>: the Markdown table of docs/config.md and the comment block of
/// Pulumi.yaml. Each sits between two marker lines in its file, so the generated text can be compared with (and, when
/// asked, written over) what the file holds without touching the rest.
/// </summary>
public static class ConfigReference
{
    public const string MarkdownBegin = "<!-- config-reference: generated from ConfigKeyTable; do not edit by hand -->";
    public const string MarkdownEnd = "<!-- /config-reference -->";
    public const string YamlBegin = "# <config-reference: generated from ConfigKeyTable; do not edit by hand>";
    public const string YamlEnd = "# </config-reference>";

    /// <summary>The docs/config.md table, one row per key.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("| key | type | meaning | default |\n|---|---|---|---|\n");
        foreach (var key in ConfigKeyTable.All)
        {
            var type = key.Allowed is { } allowed ? string.Join(" \\| ", allowed.Select(a => $"`{a}`")) + OrList(key) : key.Type + (key.Range is { } range ? $", {range}" : "");
            sb.Append("| `").Append(key.Path).Append("` | ").Append(type)
              .Append(" | ").Append(key.Description).Append(" | ").Append(key.Default).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>", or a list of them" for a choice that also takes a list (<c>cluster.msk.authentication</c>).</summary>
    private static string OrList(ConfigKeyInfo key) => key.Type.Contains("list", StringComparison.Ordinal) ? ", or a list of them" : "";

    /// <summary>
    /// The Pulumi.yaml comment block: per key its name (<c>kafka-infra:</c> marks the top-level keys), type and default,
    /// then what it means, wrapped to the width of the file.
    /// </summary>
    public static string Yaml()
    {
        const int column = 38;
        const int width = 118;
        var sb = new StringBuilder();
        foreach (var key in ConfigKeyTable.All)
        {
            var depth = key.Path.Count(c => c == '.');
            var name = depth == 0 ? $"{ConfigKeys.Namespace}:{key.Path}" : new string(' ', 2 * depth) + key.Path[(key.Path.LastIndexOf('.') + 1)..];
            var type = key.Allowed is { } allowed ? string.Join(" | ", allowed) + OrList(key) : Strip(key.Type) + (key.Range is { } range ? $", {range}" : "");
            sb.Append("# ").Append(name.PadRight(column - 2)).Append(type).Append("; default: ").Append(Strip(key.Default)).Append('\n');
            var line = new StringBuilder();
            foreach (var word in Strip(key.Description).Split(' '))
            {
                if (line.Length > 0 && column + line.Length + 1 + word.Length > width)
                {
                    sb.Append('#').Append(' ', column - 1).Append(line).Append('\n');
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            sb.Append('#').Append(' ', column - 1).Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Replaces the text between the two marker lines of <paramref name="file"/> (markers kept).</summary>
    /// <exception cref="InvalidOperationException">When a marker is missing.</exception>
    public static string Splice(string file, string begin, string end, string generated)
    {
        ArgumentNullException.ThrowIfNull(file);
        var start = file.IndexOf(begin + "\n", StringComparison.Ordinal);
        var stop = file.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"the markers '{begin}' and '{end}' are not both in the file, in that order");
        }

        var from = start + begin.Length + 1;
        return string.Concat(file.AsSpan(0, from), generated, file.AsSpan(stop));
    }

    /// <summary>The text between the two marker lines, or null when a marker is missing.</summary>
    public static string? Between(string file, string begin, string end)
    {
        ArgumentNullException.ThrowIfNull(file);
        var start = file.IndexOf(begin + "\n", StringComparison.Ordinal);
        var stop = file.IndexOf(end, StringComparison.Ordinal);
        return start < 0 || stop < start ? null : file[(start + begin.Length + 1)..stop];
    }

    private static string Strip(string markdown) => markdown.Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
}
