using System.Collections;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// An insertion-ordered mapping used for every rendered object body. Values are <see cref="string"/>,
/// <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="Tree"/>, <see cref="ResourceRef"/>
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
            case string or int or double or bool or Tree or ResourceRef:
                return;
            case IReadOnlyList<object> list:
                foreach (var item in list)
                {
                    Check(item);
                }

                return;
            default:
                throw new ArgumentException($"a Tree value must be string, int, double, bool, Tree, ResourceRef or a list of them; got {value.GetType().Name}", nameof(value));
        }
    }
}

/// <summary>
/// A value that is another resource's output, known only after that resource exists
/// (e.g. the MSK cluster's ARN). Rendered as <c>{"$ref": "events-cluster.arn"}</c>; the Pulumi program
/// resolves it to the named resource's output.
/// </summary>
/// <param name="Resource">The <see cref="CloudResource.Name"/> of the resource.</param>
/// <param name="Output">The output property, camelCase as in the Pulumi schema (<c>arn</c>, <c>bootstrapBrokersSaslIam</c>).</param>
/// <param name="Format">Optional composite string with <c>{0}</c> where the output goes (e.g. <c>"{0}/*"</c>).</param>
public sealed record ResourceRef(string Resource, string Output, string? Format = null)
{
    /// <inheritdoc />
    public override string ToString() => Format is null ? $"${{{Resource}.{Output}}}" : Format.Replace("{0}", $"${{{Resource}.{Output}}}", StringComparison.Ordinal);
}
