using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KafkaInfra.Core.Config;

/// <summary>A node of a stack file as <see cref="YamlTree"/> reads it. An alias is the very node its anchor names (shared, never copied).</summary>
internal abstract class YNode(Mark start)
{
    public Mark Start { get; } = start;

    /// <summary>How many nodes this node stands for with every alias expanded (saturating; keys count as nodes).</summary>
    public long ExpandedNodes { get; protected set; } = 1;

    /// <summary>About how many characters its JSON text takes with every alias expanded (saturating).</summary>
    public long ExpandedChars { get; protected set; }

    protected static long Add(long a, long b) => a > long.MaxValue / 4 || b > long.MaxValue / 4 ? long.MaxValue / 2 : a + b;
}

internal sealed class YScalar : YNode
{
    public YScalar(string value, ScalarStyle style, Mark start)
        : base(start)
    {
        Value = value;
        Style = style;
        ExpandedChars = value.Length + 2;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;
}

internal sealed class YSequence(Mark start) : YNode(start)
{
    public List<YNode> Items { get; } = [];

    public void Append(YNode item)
    {
        Items.Add(item);
        ExpandedNodes = Add(ExpandedNodes, item.ExpandedNodes);
        ExpandedChars = Add(ExpandedChars, Add(item.ExpandedChars, 1));
    }
}

internal sealed class YMapping(Mark start) : YNode(start)
{
    /// <summary>Up to this many keys are found by scanning the entries; a stack's mappings are mostly this small.</summary>
    private const int ScanLimit = 8;

    /// <summary>An index of the keys once there are more than <see cref="ScanLimit"/> (a stack file has thousands of small mappings).</summary>
    private Dictionary<string, int>? _byName;

    public List<(YScalar Key, YNode Value)> Entries { get; } = [];

    public YNode? this[string key] => IndexOf(key) is var i and >= 0 ? Entries[i].Value : null;

    /// <summary>The earlier key of the same name, if any (the entry is not added then).</summary>
    public YScalar? Append(YScalar key, YNode value)
    {
        if (IndexOf(key.Value) is var i and >= 0)
        {
            return Entries[i].Key;
        }

        Entries.Add((key, value));
        if (_byName is not null)
        {
            _byName[key.Value] = Entries.Count - 1;
        }
        else if (Entries.Count > ScanLimit)
        {
            _byName = new Dictionary<string, int>(Entries.Count * 2, StringComparer.Ordinal);
            for (var j = 0; j < Entries.Count; j++)
            {
                _byName[Entries[j].Key.Value] = j;
            }
        }

        ExpandedNodes = Add(ExpandedNodes, Add(1, value.ExpandedNodes));
        ExpandedChars = Add(ExpandedChars, Add(key.Value.Length + 4, value.ExpandedChars));
        return null;
    }

    private int IndexOf(string key)
    {
        if (_byName is not null)
        {
            return _byName.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < Entries.Count; i++)
        {
            if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Why a stack file could not be read as YAML, with the position where known.</summary>
internal sealed class YamlTreeException(Mark? at, string message) : Exception(message)
{
    public Mark? At { get; } = at;
}

/// <summary>
/// Reads the first YAML document of a stack file from the parser's event stream into <see cref="YNode"/>s, within
/// <see cref="InputLimits"/>: nesting deeper than <see cref="InputLimits.MaxFileDepth"/> stops the read at that
/// line; an alias is the node its anchor named (no copy, so an alias bomb costs only its own bytes here; the cost
/// of expanding it is known from <see cref="YNode.ExpandedNodes"/> before anyone expands it); an alias can only
/// name a node already complete, so no node contains itself. Mapping keys must be scalars and unique. A second
/// document is refused: Pulumi reads only the first, and config put in a second one would be silently ignored.
/// </summary>
internal static class YamlTree
{
    private sealed class Frame(YNode node)
    {
        public YNode Node { get; } = node;

        public string? Anchor { get; init; }

        public YScalar? PendingKey { get; set; }
    }

    /// <summary>The root node of the first document, or null for an empty stream. Throws <see cref="YamlTreeException"/>.</summary>
    public static YNode? Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        var nodes = 0;
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.Start;
                if (e is NodeEvent && ++nodes > InputLimits.MaxExpandedNodes)
                {
                    throw new YamlTreeException(e.Start, string.Create(CultureInfo.InvariantCulture, $"holds more than {InputLimits.MaxExpandedNodes:N0} YAML nodes, the limit for a stack file"));
                }

                switch (e)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            throw new YamlTreeException(e.Start, "holds a second YAML document; a stack file is one document (Pulumi reads only the first, so anything after it would be silently ignored)");
                        }

                        break;
                    case Scalar s:
                        Complete(new YScalar(s.Value, s.Style, s.Start), s.Anchor.IsEmpty ? null : s.Anchor.Value);
                        break;
                    case SequenceStart s:
                        Open(new YSequence(s.Start), s.Anchor.IsEmpty ? null : s.Anchor.Value);
                        break;
                    case MappingStart m:
                        Open(new YMapping(m.Start), m.Anchor.IsEmpty ? null : m.Anchor.Value);
                        break;
                    case SequenceEnd or MappingEnd:
                        var done = stack.Pop();
                        Complete(done.Node, done.Anchor);
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var named))
                        {
                            throw new YamlTreeException(a.Start, $"the alias *{a.Value.Value} names no anchor &{a.Value.Value} defined before it (or names a node that contains the alias)");
                        }

                        Complete(named, null);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new YamlTreeException(e.Start, "is not valid YAML: " + Clean(e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The YAML reader gave up without saying where (seen for an unclosed '{' at the end of the file, or a
            // '...' before any document): the position is that of the last node it read.
            throw new YamlTreeException(last, $"is not valid YAML: the reader could not continue after this point (an unclosed '{{' or '[', or a misplaced '---' or '...'?): {e.Message}");
        }

        return root;

        void Open(YNode node, string? anchor)
        {
            if (stack.Count >= InputLimits.MaxFileDepth)
            {
                throw new YamlTreeException(node.Start, string.Create(CultureInfo.InvariantCulture, $"nests lists and mappings more than {InputLimits.MaxFileDepth} levels deep ({InputLimits.MaxValueDepth} inside a config value); that is the limit"));
            }

            stack.Push(new Frame(node) { Anchor = anchor });
        }

        void Complete(YNode node, string? anchor)
        {
            if (anchor is not null)
            {
                anchors[anchor] = node;
            }

            if (stack.Count == 0)
            {
                root ??= node;
                return;
            }

            var parent = stack.Peek();
            switch (parent.Node)
            {
                case YSequence sequence:
                    sequence.Append(node);
                    break;
                case YMapping mapping when parent.PendingKey is null:
                    parent.PendingKey = node as YScalar
                        ?? throw new YamlTreeException(node.Start, "has a list or mapping as a mapping key; keys must be plain names");
                    break;
                case YMapping mapping:
                    var key = parent.PendingKey;
                    parent.PendingKey = null;
                    if (mapping.Append(key, node) is { } earlier)
                    {
                        throw new YamlTreeException(key.Start, string.Create(CultureInfo.InvariantCulture, $"repeats the key '{Shorten(key.Value)}' (Duplicate key; first at line {earlier.Start.Line}); each key may appear once"));
                    }

                    break;
            }
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static string Clean(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is already in the path.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
