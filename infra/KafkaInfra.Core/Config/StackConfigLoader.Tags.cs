using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary><c>kafka-infra:tags</c>: user tags of every AWS resource.</summary>
public static partial class StackConfigLoader
{
    /// <summary>The tag keys kafka-infra sets itself on every AWS resource.</summary>
    public static IReadOnlyList<string> ReservedTagKeys { get; } = ["kafka-infra", "cluster", "environment"];

    /// <summary>
    /// Reads the tags. AWS tag rules (AWS General Reference, "Tagging AWS resources"): keys 1-128 characters, values
    /// up to 256, the <c>aws:</c> prefix reserved, at most 50 tags per resource (3 are kafka-infra's own).
    /// </summary>
    private static SortedDictionary<string, string> ReadTags(Dictionary<string, JsonElement> values, ErrorBag errors)
    {
        var path = ConfigKeys.Qualified(ConfigKeys.Tags);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!values.TryGetValue(ConfigKeys.Tags, out var element))
        {
            return tags;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping of tag keys to values, got {Describe.Value(element)}");
            return tags;
        }

        foreach (var p in element.EnumerateObject())
        {
            var where = $"{path}.{p.Name}";
            string? value = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (value is null)
            {
                errors.Add(where, $"must be a string, got {Describe.Value(p.Value)}");
            }
            else if (p.Name.Length is 0 or > 128)
            {
                errors.Add(where, string.Create(CultureInfo.InvariantCulture, $"is not a valid tag key: AWS tag keys have 1-128 characters, got {p.Name.Length}"));
            }
            else if (p.Name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(where, "is not a valid tag key: the aws: prefix is reserved for AWS");
            }
            else if (ReservedTagKeys.Contains(p.Name, StringComparer.Ordinal))
            {
                errors.Add(where, $"is set by kafka-infra on every resource ({string.Join(", ", ReservedTagKeys)}); choose another key");
            }
            else if (value.Length > 256)
            {
                errors.Add(where, string.Create(CultureInfo.InvariantCulture, $"is too long: AWS tag values have at most 256 characters, got {value.Length}"));
            }
            else
            {
                tags[p.Name] = value;
            }
        }

        if (tags.Count > 50 - ReservedTagKeys.Count)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"lists {tags.Count} tags; AWS allows 50 per resource and kafka-infra sets {ReservedTagKeys.Count}, so at most {50 - ReservedTagKeys.Count}"));
        }

        return tags;
    }
}
