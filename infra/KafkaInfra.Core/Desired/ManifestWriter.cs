using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KafkaInfra.Core.Desired;

/// <summary>Writes desired-state objects as YAML manifests and JSON resource records, deterministically.</summary>
public static class ManifestWriter
{
    /// <summary>The first line of every index a render writes; a render recognises its own earlier output by it.</summary>
    public const string IndexHeader = "# Rendered by kafka-infra render";

    /// <summary>The longest file name a render writes, in UTF-8 bytes: the limit of ext4, XFS, APFS and NTFS (255).</summary>
    public const int MaxFileNameBytes = 255;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One YAML document for a Kubernetes object.</summary>
    public static string ToYaml(KubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ToYaml(obj.ToManifest());
    }

    /// <summary>A tree as YAML (the fast path when every scalar is simple, <see cref="BlockYaml"/>; the emitter otherwise).</summary>
    public static string ToYaml(Tree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return BlockYaml.TryWrite(tree) ?? EmitYaml(tree);
    }

    /// <summary>A tree as YAML through the emitter, whatever it holds.</summary>
    internal static string EmitYaml(Tree tree) => YamlText.Write(ToPlain(tree)).Replace("\r\n", "\n", StringComparison.Ordinal);

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

    /// <summary>
    /// Every file of a render, in creation order: one YAML document per Kubernetes object, one JSON record per other
    /// resource. Names are unique, at most <see cref="MaxFileNameBytes"/> bytes and plain (see <see cref="SafeFileName"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> Files(DesiredState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var files = new List<(string Name, string Content)>(state.Kubernetes.Count + state.Cloud.Count);
        foreach (var obj in state.Kubernetes)
        {
            files.Add((SafeFileName(obj.FileName), ToYaml(obj)));
        }

        for (var i = 0; i < state.Cloud.Count; i++)
        {
            var r = state.Cloud[i];
            files.Add((SafeFileName(string.Create(CultureInfo.InvariantCulture, $"cloud-{i:000}-{r.Name}.json")), ToJson(r)));
        }

        var names = new HashSet<string>(files.Count, StringComparer.Ordinal);
        foreach (var (name, _) in files)
        {
            if (!names.Add(name))
            {
                throw new InvalidOperationException($"two rendered objects share the file name {name}");
            }
        }

        return files;
    }

    /// <summary>
    /// <paramref name="name"/> when it is plain (letters, digits, '.', '_', '-', not starting with '.') and at most
    /// <see cref="MaxFileNameBytes"/> bytes; otherwise its plain characters cut to fit, followed by '-' and 16 hex
    /// digits of its SHA-256 and the extension, so the result is stable, distinct for distinct names, and always fits.
    /// </summary>
    public static string SafeFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (plain && name.Length <= MaxFileNameBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') && extension.Length <= 10 ? extension : "";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        var stem = new string(name[..^extension.Length].Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray()).TrimStart('.');
        var room = MaxFileNameBytes - extension.Length - hash.Length - 1;
        return (stem.Length > room ? stem[..room] : stem) + "-" + hash + extension;
    }

    /// <summary>The index file of a render: one line per file, in creation order.</summary>
    public static string Index(DesiredState state, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sb = new StringBuilder();
        sb.Append(IndexHeader).Append(": ").Append(state.Kubernetes.Count.ToString(CultureInfo.InvariantCulture))
          .Append(" Kubernetes objects, ").Append(state.Cloud.Count.ToString(CultureInfo.InvariantCulture)).Append(" other resources.\n");
        sb.Append("# Apply the YAML in file-name order (the prefix is the creation stage).\n");
        foreach (var f in files)
        {
            sb.Append(f).Append('\n');
        }

        return sb.ToString();
    }
}
