using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Desired;

/// <summary>Pass-through config (a JSON value the loader kept as given) as <see cref="Tree"/> values, and deep merges of it.</summary>
public static class TreeJson
{
    /// <summary>A JSON value as a tree value: mappings become <see cref="Tree"/>, lists lists, numbers int or double; null stays null.</summary>
    public static object? From(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => FromObject(value),
        JsonValueKind.Array => value.EnumerateArray().Select(From).Where(v => v is not null).Select(v => v!).ToArray(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>
    /// Deep-merges <paramref name="overlay"/> (a JSON mapping) into <paramref name="target"/>: mappings merge key by key,
    /// anything else (scalars, lists) replaces what is there. A null overlay leaves the target as it is.
    /// </summary>
    public static void Merge(Tree target, JsonElement? overlay)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (overlay is not { ValueKind: JsonValueKind.Object } o)
        {
            return;
        }

        foreach (var property in o.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && target[property.Name] is Tree existing)
            {
                Merge(existing, property.Value);
            }
            else
            {
                target[property.Name] = From(property.Value);
            }
        }
    }

    /// <summary>
    /// A Kafka config value as the operator's examples write it: <c>true</c>/<c>false</c> as booleans, whole numbers
    /// that fit an int as numbers, everything else as the string given.
    /// </summary>
    public static object ConfigValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is "true" or "false")
        {
            return value == "true";
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) && i.ToString(CultureInfo.InvariantCulture) == value ? i : value;
    }

    private static Tree FromObject(JsonElement value)
    {
        var t = new Tree();
        foreach (var property in value.EnumerateObject())
        {
            t[property.Name] = From(property.Value);
        }

        return t;
    }
}
