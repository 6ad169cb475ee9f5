using System.Globalization;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The bounds on what kafka-infra reads, in one place. A stack file or a config value beyond them is refused with
/// an error naming the file position or the key, before any work proportional to the excess is done, so hostile or
/// careless input (deep nesting, alias bombs, <c>--config-file /dev/zero</c>) costs bounded time and memory. The
/// same bounds hold for the CLI (YAML files, <see cref="StackFile"/>) and the Pulumi program (JSON values from the
/// engine, checked by <see cref="CheckRawValue"/> in the loader).
/// Each bound is far above any real stack: the repository's prod stack is about 2 KB, nests 6 levels below
/// <c>config:</c> and has under 300 nodes; the plan benchmark's 10,000-topic stack (the scale kafka-infra is
/// measured at) is about 1.8 MB with 110,000 nodes in its topic list.
/// </summary>
public static class InputLimits
{
    /// <summary>The largest stack file read, in bytes (8 MiB). Files are read through a reader that stops here.</summary>
    public const int MaxFileBytes = 8 << 20;

    /// <summary>
    /// The deepest nesting of mappings and lists inside one config value (a top-level list or mapping is level 1).
    /// A stack file may nest two more levels: the document's mapping and <c>config:</c>.
    /// </summary>
    public const int MaxValueDepth = 32;

    /// <summary>The deepest nesting of a whole stack file: <see cref="MaxValueDepth"/> plus the document and <c>config:</c>.</summary>
    public const int MaxFileDepth = MaxValueDepth + 2;

    /// <summary>
    /// The most nodes (mappings, lists, keys and scalars) one config value may expand to, each YAML alias counted as
    /// a full copy of what it names. Bounds "billion laughs" alias bombs. Values of keys kafka-infra does not read
    /// are never expanded at all. A stack file may hold at most as many nodes, aliases not expanded.
    /// </summary>
    public const int MaxExpandedNodes = 1_000_000;

    /// <summary>The longest raw config value, in characters (8 Mi): a scalar, or a structured value's JSON text, aliases expanded.</summary>
    public const int MaxValueChars = 8 << 20;

    /// <summary>
    /// Checks one raw value as the loader receives it (from a stack file or from the Pulumi engine): its length and,
    /// for a structured value, how deep its JSON nests. Null when it is within the limits, otherwise the message.
    /// </summary>
    public static string? CheckRawValue(string value, bool structured)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueChars)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {value.Length:N0} characters long; the limit for one config value is {MaxValueChars:N0}");
        }

        if (structured && JsonDepth(value) > MaxValueDepth)
        {
            return string.Create(CultureInfo.InvariantCulture, $"nests lists and mappings more than {MaxValueDepth} levels deep (the limit for one config value)");
        }

        return null;
    }

    /// <summary>The checks of <see cref="CheckRawValue(string, bool)"/> on a structured value held as UTF-8 JSON (the stack file's own values).</summary>
    public static string? CheckRawJson(ReadOnlySpan<byte> utf8)
    {
        var chars = System.Text.Encoding.UTF8.GetCharCount(utf8);
        if (chars > MaxValueChars)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {chars:N0} characters long; the limit for one config value is {MaxValueChars:N0}");
        }

        return JsonDepth(utf8) > MaxValueDepth
            ? string.Create(CultureInfo.InvariantCulture, $"nests lists and mappings more than {MaxValueDepth} levels deep (the limit for one config value)")
            : null;
    }

    /// <summary>The deepest nesting of brackets in JSON text, ignoring brackets inside strings (linear, no recursion).</summary>
    internal static int JsonDepth(string json) => JsonDepth(json.AsSpan());

    /// <summary>
    /// <see cref="JsonDepth(string)"/> over UTF-16 or UTF-8 code units: the characters it looks at are ASCII, which
    /// UTF-8 never uses inside a multi-byte character.
    /// </summary>
    internal static int JsonDepth<T>(ReadOnlySpan<T> json)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        T quote = T.CreateTruncating('"'), backslash = T.CreateTruncating('\\'), open = T.CreateTruncating('['), openMap = T.CreateTruncating('{'),
            close = T.CreateTruncating(']'), closeMap = T.CreateTruncating('}');
        int depth = 0, max = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == backslash)
                {
                    i++;
                }
                else if (c == quote)
                {
                    inString = false;
                }
            }
            else if (c == quote)
            {
                inString = true;
            }
            else if (c == open || c == openMap)
            {
                max = Math.Max(max, ++depth);
            }
            else if (c == close || c == closeMap)
            {
                depth--;
            }
        }

        return max;
    }
}
