using System.Collections;
using System.Collections.Immutable;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>An immutable map of strings that keeps the order it was built in (tags, topic config, connector configuration).</summary>
public sealed class StringMap : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<StringMap>
{
    private readonly ImmutableArray<KeyValuePair<string, string>> _items;

    public StringMap(IEnumerable<KeyValuePair<string, string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToImmutableArray();
        var duplicate = list.GroupBy(i => i.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"key {duplicate.Key} is given twice", nameof(items));
        }

        _items = list;
    }

    public static StringMap Empty { get; } = new([]);

    public int Count => _items.Length;

    public KeyValuePair<string, string> this[int index] => _items[index];

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => _items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal)).Value;

    public static StringMap Of(params (string Key, string Value)[] pairs) => new(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(StringMap? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as StringMap);

    public override int GetHashCode() => _items.Aggregate(0, (h, i) => HashCode.Combine(h, i.Key, i.Value));
}
