using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>
/// Reads one YAML/JSON mapping of the stack config with its key path, checking types and ranges and
/// reporting unknown keys (with a "did you mean"). Every problem goes to the shared <see cref="ErrorBag"/>.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly ErrorBag _errors;

    public ObjectReader(JsonElement element, string path, ErrorBag errors, params string[] knownKeys)
    {
        _element = element;
        Path = path;
        _errors = errors;
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(knownKeys, property.Name) < 0)
            {
                errors.Add(Child(property.Name), UnknownKeyMessage(property.Name, knownKeys));
            }
        }
    }

    public string Path { get; }

    public string Child(string key) => $"{Path}.{key}";

    public ErrorBag Errors => _errors;

    public bool Has(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The value of a key as it is (cloned, for pass-through mappings), null when absent or null.</summary>
    public JsonElement? Raw(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null;

    /// <summary>True when the key is present, even with an empty (null) value.</summary>
    public bool HasKey(string key) => _element.TryGetProperty(key, out _);

    /// <summary>Reads an object-typed child where an empty value means an empty mapping; null (with an error) when it is something else.</summary>
    public ObjectReader? ObjectOrEmpty(string key, params string[] knownKeys)
    {
        if (_element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Null)
        {
            using var empty = JsonDocument.Parse("{}");
            return new ObjectReader(empty.RootElement.Clone(), Child(key), _errors, knownKeys);
        }

        return Object(key, required: true, knownKeys);
    }

    /// <summary>Reads an object-typed child; null (with an error) when it is not a mapping.</summary>
    public ObjectReader? Object(string key, bool required, params string[] knownKeys)
    {
        if (!TryGet(key, required, "a mapping", out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(Child(key), $"must be a mapping, got {Describe.Value(v)}");
            return null;
        }

        return new ObjectReader(v, Child(key), _errors, knownKeys);
    }

    /// <summary>Enumerates a list-typed child as (element, path) pairs.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> List(string key, bool required = false)
    {
        if (!TryGet(key, required, "a list", out var v))
        {
            return [];
        }

        return ListOf(v, Child(key), _errors);
    }

    /// <summary>
    /// The mappings of list <paramref name="key"/>, each as a reader that knows <paramref name="knownKeys"/>, with its
    /// position in the list; an item that is not a mapping is reported and skipped.
    /// </summary>
    public IReadOnlyList<(ObjectReader Reader, int Index)> Objects(string key, string[] knownKeys, bool required = false) =>
        Objects(List(key, required), knownKeys);

    /// <summary>The mappings among <paramref name="items"/> (read with <see cref="List"/>), as <see cref="Objects(string, string[], bool)"/>.</summary>
    public IReadOnlyList<(ObjectReader Reader, int Index)> Objects(IReadOnlyList<(JsonElement Element, string Path)> items, string[] knownKeys)
    {
        var result = new List<(ObjectReader, int)>();
        var index = 0;
        foreach (var (item, path) in items)
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                result.Add((new ObjectReader(item, path, _errors, knownKeys), index));
            }
            else
            {
                _errors.Add(path, $"must be a mapping, got {Describe.Value(item)}");
            }

            index++;
        }

        return result;
    }

    public static IReadOnlyList<(JsonElement Element, string Path)> ListOf(JsonElement v, string path, ErrorBag errors)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be a list, got {Describe.Value(v)}");
            return [];
        }

        var items = new List<(JsonElement, string)>(v.GetArrayLength());
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            items.Add((item, $"{path}[{i}]"));
            i++;
        }

        return items;
    }

    public string? String(string key, bool required = false, string? @default = null, string? expected = null)
    {
        if (!TryGet(key, required, expected ?? "a string", out var v))
        {
            return @default;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            _errors.Add(Child(key), $"must be a string, got {Describe.Value(v)}{Describe.UnquotedNumberHint(v)}");
            return @default;
        }

        var s = v.GetString()!;
        if (s.Length == 0 && required)
        {
            _errors.Add(Child(key), $"must not be empty; expected {expected ?? "a string"}");
        }

        return s;
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var result = new List<string>();
        foreach (var (e, p) in List(key, required))
        {
            if (e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0)
            {
                result.Add(e.GetString()!);
            }
            else
            {
                _errors.Add(p, $"must be a non-empty string, got {Describe.Value(e)}");
            }
        }

        return result;
    }

    public T? Enum<T>(string key, T @default, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var s = String(key, expected: "one of " + string.Join(", ", values.Keys));
        if (s is null)
        {
            return @default;
        }

        if (values.TryGetValue(s, out var value))
        {
            return value;
        }

        _errors.Add(Child(key), $"must be one of {string.Join(", ", values.Keys)}; got {Describe.Quote(s)}");
        return null;
    }

    public bool Bool(string key, bool @default)
    {
        if (!TryGet(key, required: false, "true or false", out var v))
        {
            return @default;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        _errors.Add(Child(key), $"must be true or false, got {Describe.Value(v)}{Describe.QuotedHint(v, number: false)}");
        return @default;
    }

    /// <summary>An integer key of the key table, in the range the table gives it.</summary>
    public long? Long(ConfigKeyInfo key, bool required = false, long? @default = null) =>
        ReadInteger(key.Name, key.Range!.Min, key.Range.Max, required, @default, key.Range.ExclusiveMin);

    /// <summary>An integer key of the key table, in the range the table gives it.</summary>
    public int? Int(ConfigKeyInfo key, bool required = false, int? @default = null) =>
        (int?)ReadInteger(key.Name, key.Range!.Min, key.Range.Max, required, @default, key.Range.ExclusiveMin);

    /// <summary>A number key of the key table (its minimum is excluded), in the range the table gives it.</summary>
    public double? Double(ConfigKeyInfo key, bool required = false) => Double(key.Name, key.Range!.Min, key.Range.Max, required);

    public long? Long(string key, long min, long max, bool required = false, long? @default = null, bool exclusiveMinimum = false) =>
        ReadInteger(key, min, max, required, @default, exclusiveMinimum);

    public int? Int(string key, int min, int max, bool required = false, int? @default = null, bool exclusiveMinimum = false) =>
        (int?)ReadInteger(key, min, max, required, @default, exclusiveMinimum);

    public double? Double(string key, double minExclusive, double max, bool required = false)
    {
        if (!TryGet(key, required, "a number", out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || double.IsInfinity(d))
        {
            _errors.Add(Child(key), $"must be a number, got {Describe.Value(v)}{Describe.QuotedHint(v, number: true)}");
            return null;
        }

        if (d <= minExclusive)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be > {minExclusive}, got {v.GetRawText()}"));
            return null;
        }

        if (d > max)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {v.GetRawText()}"));
            return null;
        }

        return d;
    }

    /// <summary>A mapping of string keys to scalar values, all kept as strings (as Kafka configs are).</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(key, required: false, "a mapping", out var v))
        {
            return result;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(Child(key), $"must be a mapping of names to values, got {Describe.Value(v)}");
            return result;
        }

        foreach (var property in v.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    result[property.Name] = value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    result[property.Name] = value.GetRawText();
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    result[property.Name] = value.GetBoolean() ? "true" : "false";
                    break;
                default:
                    _errors.Add($"{Child(key)}.{property.Name}", $"must be a string, number or boolean, got {Describe.Value(value)}");
                    break;
            }
        }

        return result;
    }

    private long? ReadInteger(string key, long min, long max, bool required, long? @default, bool exclusiveMinimum)
    {
        if (!TryGet(key, required, null, out var v, exclusiveMinimum ? "an integer > " : "an integer >= ", min))
        {
            return @default;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            _errors.Add(Child(key), $"must be an integer, got {Describe.Value(v)}{Describe.QuotedHint(v, number: true)}");
            return null;
        }

        if (!v.TryGetInt64(out var n))
        {
            // A fraction or exponent form (12.0, 1e6) is not an integer, whatever its value; only plain digits beyond
            // 64 bits are "too large".
            var text = v.GetRawText();
            _errors.Add(Child(key), text.AsSpan().IndexOfAny(".eE") >= 0
                ? $"must be an integer, got {text}"
                : string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {text}"));
            return null;
        }

        if (exclusiveMinimum ? n <= min : n < min)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be {(exclusiveMinimum ? ">" : ">=")} {min}, got {n}"));
            return null;
        }

        if (n > max)
        {
            _errors.Add(Child(key), string.Create(CultureInfo.InvariantCulture, $"must be <= {max}, got {n}"));
            return null;
        }

        return n;
    }

    private bool TryGet(string key, bool required, string? expected, out JsonElement value, string? expectedPrefix = null, long bound = 0)
    {
        if (_element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            // The expectation text is built only when it is shown (this runs for every field of every entry).
            var text = expected ?? expectedPrefix + bound.ToString(CultureInfo.InvariantCulture);
            _errors.Add(Child(key), $"is required; expected {text}");
        }

        return false;
    }

    public static string UnknownKeyMessage(string key, IReadOnlyList<string> known)
    {
        var suggestion = Suggest.Closest(key, known) ?? Suggest.Alias(key, known);
        return suggestion is not null
            ? $"unknown key; did you mean '{suggestion}'?"
            : $"unknown key; expected one of: {string.Join(", ", known)}";
    }
}
