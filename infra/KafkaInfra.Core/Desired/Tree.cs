using System.Collections;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// An insertion-ordered mapping used for every rendered object body. Values are <see cref="string"/>,
/// <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="Tree"/>, <see cref="Cloud.OutputRef"/>
/// or <see cref="IReadOnlyList{T}"/> of those. A null value is not stored (so optional fields simply vanish),
/// which keeps rendered YAML and Pulumi inputs free of empty keys.
/// </summary>
public sealed class Tree : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _items = [];

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Select(i => i.Key);

    /// <summary>Gets a value, or sets it (replacing in place; null removes).</summary>
    public object? this[string key]
    {
        get
        {
            var i = IndexOf(key);
            return i < 0 ? null : _items[i].Value;
        }

        set
        {
            var i = IndexOf(key);
            if (value is null)
            {
                if (i >= 0)
                {
                    _items.RemoveAt(i);
                }

                return;
            }

            Check(value);
            if (i >= 0)
            {
                _items[i] = new(key, value);
            }
            else
            {
                _items.Add(new(key, value));
            }
        }
    }

    /// <summary>Adds a key (collection-initializer form). A null value is skipped.</summary>
    public void Add(string key, object? value) => this[key] = value;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The child mapping at <paramref name="key"/>; throws when absent (for tests and renderers that know the shape).</summary>
    public Tree Child(string key) => (Tree)(this[key] ?? throw new KeyNotFoundException(key));

    /// <summary>Follows a dotted path (<c>spec.kafka.listeners</c>); null when any step is missing.</summary>
    public object? At(string dottedPath)
    {
        object? current = this;
        foreach (var part in dottedPath.Split('.'))
        {
            current = current is Tree t ? t[part] : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A list value for a tree (drops nulls).</summary>
    public static IReadOnlyList<object> List(params object?[] items) => items.Where(i => i is not null).Select(i => i!).ToArray();

    /// <summary>A list value from a sequence.</summary>
    public static IReadOnlyList<object> ListOf<T>(IEnumerable<T> items)
        where T : notnull => items.Select(i => (object)i).ToArray();

    /// <summary>A tree from string pairs (labels, config maps), in the order given.</summary>
    public static Tree FromStrings(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var t = new Tree();
        foreach (var (k, v) in pairs)
        {
            t[k] = v;
        }

        return t;
    }

    /// <summary>Every distinct reference in a tree value (or list or scalar), in the order first met.</summary>
    public static IReadOnlyList<Cloud.OutputRef> References(object value)
    {
        var found = new List<Cloud.OutputRef>();
        Collect(value, found);
        return found;
    }

    private static void Collect(object value, List<Cloud.OutputRef> found)
    {
        switch (value)
        {
            case Cloud.OutputRef r when !found.Contains(r):
                found.Add(r);
                break;
            case Tree t:
                foreach (var (_, v) in t)
                {
                    Collect(v, found);
                }

                break;
            case IReadOnlyList<object> list:
                foreach (var item in list)
                {
                    Collect(item, found);
                }

                break;
        }
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Check(object value)
    {
        switch (value)
        {
            case string or int or double or bool or Tree or Cloud.OutputRef:
                return;
            case IReadOnlyList<object> list:
                foreach (var item in list)
                {
                    Check(item);
                }

                return;
            default:
                throw new ArgumentException($"a Tree value must be string, int, double, bool, Tree, OutputRef or a list of them; got {value.GetType().Name}", nameof(value));
        }
    }
}
