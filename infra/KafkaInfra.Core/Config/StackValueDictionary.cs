using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The raw values of a stack file as the loader receives them: scalars as strings, structured values as the UTF-8 JSON
/// the stack file's YAML was written as. The loader parses that JSON as it is (<see cref="TryGetUtf8Json"/>) instead of
/// turning it into a string and back: for 10,000 topics that round trip was megabytes copied twice (issue 15). Read as
/// a dictionary of strings (what the Pulumi engine hands a program), a structured value is the same JSON text.
/// </summary>
public sealed class StackValueDictionary : IReadOnlyDictionary<string, string?>
{
    private readonly SortedDictionary<string, string?> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _json = new(StringComparer.Ordinal);

    /// <summary>Sets a scalar (or an unread structured value as null).</summary>
    internal void SetText(string key, string? value)
    {
        _json.Remove(key);
        _text[key] = value;
    }

    /// <summary>Sets a structured value as UTF-8 JSON; its text is made only when someone reads it as a string.</summary>
    internal void SetJson(string key, ReadOnlyMemory<byte> utf8)
    {
        _json[key] = utf8;
        _text[key] = null;
    }

    /// <summary>The UTF-8 JSON of a structured value read from the stack file.</summary>
    public bool TryGetUtf8Json(string key, out ReadOnlyMemory<byte> utf8) => _json.TryGetValue(key, out utf8);

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _text.Keys;

    public IEnumerable<string?> Values => _text.Keys.Select(k => this[k]);

    public int Count => _text.Count;

    public bool ContainsKey(string key) => _text.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        if (_json.TryGetValue(key, out var utf8))
        {
            value = Encoding.UTF8.GetString(utf8.Span);
            return true;
        }

        return _text.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() =>
        _text.Keys.Select(k => new KeyValuePair<string, string?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
