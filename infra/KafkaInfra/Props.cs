using System.Globalization;
using KafkaInfra.Core.Desired;
using Pulumi;

namespace KafkaInfra;

/// <summary>
/// Reads a <see cref="CloudResource"/>'s <see cref="Tree"/> of inputs by schema name (camelCase), converting each
/// value to the Pulumi input type the typed Args property has, and remembers which keys were read:
/// <see cref="EnsureAllRead"/> then fails on any key no mapper reads, so a drift between Core and the mappers
/// fails the preview instead of being dropped. Strings accept a <see cref="ResourceRef"/> (resolved to the
/// referenced output); whole numbers accept one too (parsed); nothing else converts implicitly.
/// </summary>
internal sealed class Props
{
    private readonly Tree _tree;
    private readonly string _path;
    private readonly ResourceRegistry _refs;
    private readonly List<Props> _all;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Props(Tree tree, ResourceRegistry refs)
        : this(tree, "", refs, [])
    {
    }

    private Props(Tree tree, string path, ResourceRegistry refs, List<Props> all)
    {
        _tree = tree;
        _path = path;
        _refs = refs;
        _all = all;
        _all.Add(this);
    }

    /// <summary>Throws a <see cref="MappingException"/> naming every property no mapper read.</summary>
    public void EnsureAllRead()
    {
        var unread = _all.SelectMany(p => p._tree.Keys.Where(k => !p._read.Contains(k)).Select(p.PathOf)).ToArray();
        if (unread.Length > 0)
        {
            throw new MappingException($"has properties the program does not map: {string.Join(", ", unread)}");
        }
    }

    // ---- strings ----
    public Input<string> String(string key) => AsString(key, Require(key));

    public Input<string>? OptString(string key) => Optional(key) is { } v ? AsString(key, v) : null;

    public void IfString(string key, Action<Input<string>> set)
    {
        if (OptString(key) is { } v)
        {
            set(v);
        }
    }

    /// <summary>An optional plain string the mapper needs to look at (no reference allowed), e.g. a SASL mechanism.</summary>
    public string? OptText(string key) => Optional(key) switch
    {
        null => null,
        string s => s,
        var v => throw Wrong(key, "a plain string", v),
    };

    /// <summary>A JSON document input (IAM policies): a string, a reference, or a tree written as JSON with its references resolved.</summary>
    public Input<string> Json(string key) => AsJson(key, Require(key));

    public Input<string>? OptJson(string key) => Optional(key) is { } v ? AsJson(key, v) : null;

    // ---- numbers and booleans ----
    public Input<int> Int(string key) => AsInt(key, Require(key));

    public Input<int>? OptInt(string key) => Optional(key) is { } v ? AsInt(key, v) : null;

    public Input<double> Double(string key) => Require(key) switch
    {
        double d => d,
        int i => (double)i,
        var v => throw Wrong(key, "a number", v),
    };

    public Input<bool> Bool(string key) => Require(key) is bool b ? b : throw Wrong(key, "true or false", _tree[key]);

    public Input<bool>? OptBool(string key)
    {
        var value = Optional(key);
        if (value is null)
        {
            return null;
        }

        return value is bool b ? b : throw Wrong(key, "true or false", value);
    }

    public void IfBool(string key, Action<Input<bool>> set)
    {
        if (OptBool(key) is { } v)
        {
            set(v);
        }
    }

    public void IfInt(string key, Action<Input<int>> set)
    {
        if (OptInt(key) is { } v)
        {
            set(v);
        }
    }

    // ---- lists and maps ----

    /// <summary>A list of strings (items may be references), or one reference standing for the list (<c>{0:list}</c> splits a comma-separated output).</summary>
    public InputList<string> StringList(string key)
    {
        var value = Require(key);
        if (value is ResourceRef single)
        {
            return _refs.ResolveList(single);
        }

        if (value is not IReadOnlyList<object> items)
        {
            throw Wrong(key, "a list of strings", value);
        }

        return items.Select((item, i) => item switch
        {
            string s => (Input<string>)s,
            ResourceRef r => (Input<string>)_refs.Resolve(r),
            _ => throw Wrong($"{key}[{i}]", "a string", item),
        }).ToArray();
    }

    public void IfStringList(string key, Action<InputList<string>> set)
    {
        if (Optional(key) is not null)
        {
            set(StringList(key));
        }
    }

    /// <summary>A map of strings (tags, connector configuration); values may be references.</summary>
    public InputMap<string> StringMap(string key)
    {
        var tree = Require(key) as Tree ?? throw Wrong(key, "a mapping of strings", _tree[key]);
        var map = new InputMap<string>();
        foreach (var (k, v) in tree)
        {
            map.Add(k, v switch
            {
                string s => (Input<string>)s,
                ResourceRef r => (Input<string>)_refs.Resolve(r),
                _ => throw Wrong($"{key}.{k}", "a string", v),
            });
        }

        return map;
    }

    public void IfStringMap(string key, Action<InputMap<string>> set)
    {
        if (Optional(key) is not null)
        {
            set(StringMap(key));
        }
    }

    /// <summary>
    /// A map the provider wants as strings (Kafka topic config): scalars are written as invariant text and handed
    /// to <paramref name="add"/> one entry at a time. Adding through the Args property itself (its map is created on
    /// first use) compiles whether the SDK types it <c>InputMap&lt;string&gt;</c> (current pulumi-kafka schema: a map
    /// of strings) or <c>InputMap&lt;object&gt;</c> (older SDKs).
    /// </summary>
    public void IfTextMap(string key, Action<string, string> add)
    {
        if (Optional(key) is null)
        {
            return;
        }

        var tree = _tree[key] as Tree ?? throw Wrong(key, "a mapping", _tree[key]);
        foreach (var (k, v) in tree)
        {
            var text = v switch
            {
                string s => s,
                int i => i.ToString(CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => throw Wrong($"{key}.{k}", "a string, number or boolean", v),
            };
            add(k, text);
        }
    }

    // ---- nested blocks ----
    public Props Child(string key) => new(Require(key) as Tree ?? throw Wrong(key, "a mapping", _tree[key]), PathOf(key), _refs, _all);

    public Props? OptChild(string key) => Optional(key) is null ? null : Child(key);

    /// <summary>A list of blocks (e.g. <c>plugins</c>, <c>vpcConfigs</c>).</summary>
    public IReadOnlyList<Props> Children(string key)
    {
        var value = Require(key);
        if (value is not IReadOnlyList<object> items)
        {
            throw Wrong(key, "a list of mappings", value);
        }

        return items.Select((item, i) => item is Tree t ? new Props(t, $"{PathOf(key)}[{i}]", _refs, _all) : throw Wrong($"{key}[{i}]", "a mapping", item)).ToArray();
    }

    /// <summary>Maps an optional block; null when absent.</summary>
    public static Input<T>? Opt<T>(Props? block, Func<Props, T> map)
        where T : class => block is null ? null : (Input<T>)map(block);

    private object Require(string key) =>
        Optional(key) ?? throw new MappingException($"property {PathOf(key)} is required and missing");

    private object? Optional(string key)
    {
        _read.Add(key);
        return _tree[key];
    }

    private Input<string> AsString(string key, object value) => value switch
    {
        string s => (Input<string>)s,
        ResourceRef r => (Input<string>)_refs.Resolve(r),
        _ => throw Wrong(key, "a string", value),
    };

    private Input<int> AsInt(string key, object value) => value switch
    {
        int i => (Input<int>)i,
        ResourceRef r => (Input<int>)_refs.ResolveInt(r),
        _ => throw Wrong(key, "a whole number", value),
    };

    private Input<string> AsJson(string key, object value)
    {
        switch (value)
        {
            case string or ResourceRef:
                return AsString(key, value);
            case Tree tree:
                var refs = TreeJson.Refs(tree);
                if (refs.Count == 0)
                {
                    return TreeJson.Serialize(tree, _ => "");
                }

                return Output.All(refs.Select(_refs.Resolve)).Apply(values =>
                {
                    // Resolve already applied each reference's format; map each reference to its value.
                    var byRef = refs.Select((r, i) => (r, values[i])).ToDictionary(x => x.r, x => x.Item2);
                    return TreeJson.Serialize(tree, r => byRef[r]);
                });
            default:
                throw Wrong(key, "a JSON document (string or mapping)", value);
        }
    }

    private string PathOf(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private MappingException Wrong(string key, string expected, object? got) =>
        new($"property {PathOf(key)} must be {expected}, got {Show(got)}");

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        ResourceRef r => $"a reference {r}",
        Tree => "a mapping",
        IReadOnlyList<object> => "a list",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
