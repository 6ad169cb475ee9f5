using System.Globalization;
using System.Text;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// The fast path of <see cref="ManifestWriter.ToYaml(Tree)"/>: writes a tree as block YAML directly, for the trees
/// whose every scalar is simple (a short run of letters, digits and <c>. _ / - : =</c>, the ACL host <c>*</c>, a
/// non-negative integer or a boolean) and whose every mapping and list has items. For those the emitter's choices are fixed: no folding (no
/// spaces), no escapes, plain style unless <see cref="YamlText"/> would double-quote the string, mappings indented by
/// two, lists in a mapping not indented. Anything else returns null and goes through the emitter. A test renders
/// every example and a generated stack both ways and requires the same bytes. Rendering 10,000 topics spent most of
/// its time in the emitter's general analysis of each scalar (issue 15, perf on the published binary).
/// </summary>
internal static class BlockYaml
{
    /// <summary>Longer scalars go through the emitter: its line width (80) never matters below this.</summary>
    private const int MaxSimpleLength = 200;

    /// <summary>The YAML of <paramref name="tree"/>, or null when it holds anything outside the simple subset.</summary>
    public static string? TryWrite(Tree tree)
    {
        if (tree.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder(512);
        return WriteEntries(sb, tree, 0, firstInline: false) ? sb.ToString() : null;
    }

    private static bool WriteEntries(StringBuilder sb, Tree tree, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in tree)
        {
            if (!(first && firstInline))
            {
                sb.Append(' ', indent);
            }

            first = false;
            if (!AppendString(sb, key))
            {
                return false;
            }

            sb.Append(':');
            if (!WriteValue(sb, value, indent))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A mapping value after its <c>key:</c>.</summary>
    private static bool WriteValue(StringBuilder sb, object value, int indent)
    {
        switch (value)
        {
            case Tree { Count: > 0 } t:
                sb.Append('\n');
                return WriteEntries(sb, t, indent + 2, firstInline: false);
            case IReadOnlyList<object> { Count: > 0 } list:
                sb.Append('\n');
                return WriteItems(sb, list, indent);
            case Tree or IReadOnlyList<object>:
                return false;
            default:
                sb.Append(' ');
                if (!AppendScalar(sb, value))
                {
                    return false;
                }

                sb.Append('\n');
                return true;
        }
    }

    private static bool WriteItems(StringBuilder sb, IReadOnlyList<object> list, int indent)
    {
        foreach (var item in list)
        {
            sb.Append(' ', indent).Append("- ");
            switch (item)
            {
                case Tree { Count: > 0 } t:
                    if (!WriteEntries(sb, t, indent + 2, firstInline: true))
                    {
                        return false;
                    }

                    break;
                case Tree or IReadOnlyList<object>:
                    return false;
                default:
                    if (!AppendScalar(sb, item))
                    {
                        return false;
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return true;
    }

    private static bool AppendScalar(StringBuilder sb, object value)
    {
        switch (value)
        {
            case string s:
                return AppendString(sb, s);
            case Cloud.OutputRef r:
                return AppendString(sb, r.ToString());
            case bool b:
                sb.Append(b ? "true" : "false");
                return true;
            case int i and >= 0:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A simple string, plain or double-quoted by the same rule as <see cref="YamlText"/>; false for any other.</summary>
    private static bool AppendString(StringBuilder sb, string s)
    {
        if (s == "*")
        {
            // An ACL's host: '*' starts an alias in plain YAML, so the emitter single-quotes it.
            sb.Append("'*'");
            return true;
        }

        if (s.Length == 0 || s.Length > MaxSimpleLength || !IsSimple(s))
        {
            return false;
        }

        if (CannotRetype(s) || !YamlText.Quotes(s))
        {
            sb.Append(s);
        }
        else
        {
            sb.Append('"').Append(s).Append('"');
        }

        return true;
    }

    /// <summary>
    /// Letters, digits and <c>. _ / - : =</c>, starting with a letter, digit, '_' or '/', with no ':' at the end: the
    /// emitter writes such a string plain (or double-quoted) as it is, with nothing to escape and no space to fold at.
    /// </summary>
    private static bool IsSimple(string s)
    {
        var c0 = s[0];
        if (!(char.IsAsciiLetterOrDigit(c0) || c0 is '_' or '/') || s[^1] == ':')
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' or '-' or ':' or '='))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True for a string no retyping pattern can match, decided without the patterns: they match only words of at most
    /// five letters (yes, false, null, .inf, ...) and numbers, hex, timestamps, whose only letters are a-f, o, x, t, z
    /// (either case). Longer strings with any other letter (most names) skip the regular expressions.
    /// </summary>
    private static bool CannotRetype(string s)
    {
        if (s.Length <= 5)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsAsciiLetter(c) && !(char.IsAsciiHexDigit(c) || c is 'o' or 'O' or 'x' or 'X' or 't' or 'T' or 'z' or 'Z'))
            {
                return true;
            }
        }

        return false;
    }
}
