using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace KafkaInfra.Core.Desired;

/// <summary>Writes desired-state objects as YAML manifests and JSON resource records, deterministically.</summary>
public static class ManifestWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One YAML document for a Kubernetes object.</summary>
    public static string ToYaml(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ToYaml(obj.ToManifest());
    }

    /// <summary>A tree as YAML.</summary>
    public static string ToYaml(Tree tree) => Yaml.Serialize(ToPlain(tree)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// A cloud resource as <c>{ "type", "name", "component", "properties", "options" }</c>; the properties are the
    /// spec as <see cref="Cloud.CloudJson"/> writes it (references to other resources' outputs as <c>{ "$ref": "name.output" }</c>).
    /// </summary>
    public static string ToJson(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var options = new JsonObject();
        if (resource.Options.Protect)
        {
            options["protect"] = true;
        }

        if (resource.Options.IgnoreChanges is { Count: > 0 } ignore)
        {
            options["ignoreChanges"] = new JsonArray(ignore.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
        }

        if (resource.Options.DependsOn is { Count: > 0 } deps)
        {
            options["dependsOn"] = new JsonArray(deps.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
        }

        if (resource.Options.Provider is { } provider)
        {
            options["provider"] = provider;
        }

        var root = new JsonObject
        {
            ["type"] = resource.Type,
            ["name"] = resource.Name,
            ["component"] = resource.Component,
            ["properties"] = Cloud.CloudJson.Properties(resource.Spec),
            ["options"] = options,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>A tree value as JSON.</summary>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        Tree t => new JsonObject(t.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, ToJsonNode(kv.Value)))),
        Cloud.OutputRef r => new JsonObject { ["$ref"] = $"{r.Resource}.{r.OutputName}" },
        IReadOnlyList<object> list => new JsonArray(list.Select(ToJsonNode).ToArray()),
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Plain dictionaries and lists (insertion-ordered) for serialisers.</summary>
    public static object? ToPlain(object? value) => value switch
    {
        Tree t => t.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value), StringComparer.Ordinal),
        IReadOnlyList<object> list => list.Select(ToPlain).ToList(),
        Cloud.OutputRef r => r.ToString(),
        _ => value,
    };

    /// <summary>The index file of a render: one line per file, in creation order.</summary>
    public static string Index(DesiredState state, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sb = new StringBuilder();
        sb.Append("# Rendered by kafka-infra render: ").Append(state.Kubernetes.Count.ToString(CultureInfo.InvariantCulture))
          .Append(" Kubernetes objects, ").Append(state.Cloud.Count.ToString(CultureInfo.InvariantCulture)).Append(" other resources.\n");
        sb.Append("# Apply the YAML in file-name order (the prefix is the creation stage).\n");
        foreach (var f in files)
        {
            sb.Append(f).Append('\n');
        }

        return sb.ToString();
    }
}
