using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Tests;

/// <summary>One resource Core's desired state says the program registers, with the options Core decided.</summary>
/// <param name="Type">Pulumi type token.</param>
/// <param name="Name">Pulumi resource name.</param>
/// <param name="Parent">The parent's resource name (the component).</param>
/// <param name="Protect">Protect.</param>
/// <param name="IgnoreChanges">Ignored input paths.</param>
/// <param name="DependsOn">The resource names it waits for.</param>
/// <param name="RetainOnDelete">RetainOnDelete.</param>
/// <param name="Provider">The explicit provider's resource name, if any.</param>
/// <param name="Inputs">The inputs Core rendered for it (what <c>kafka-infra render</c> writes), for comparison.</param>
internal sealed record ExpectedRegistration(
    string Type,
    string Name,
    string Parent,
    bool Protect,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> DependsOn,
    bool RetainOnDelete,
    string? Provider,
    JsonObject Inputs);

/// <summary>
/// What the program must register for a desired state, derived from Core alone: the components, every cloud
/// resource and every Kubernetes object, named as <see cref="PulumiLayout"/> names them, with the options Core
/// decided, and the inputs <c>kafka-infra render</c> writes for them.
/// </summary>
internal static class DesiredRegistrations
{
    /// <summary>The resources registered besides the desired state: the self-reference that reads the previous outputs.</summary>
    public static readonly (string Type, string Name)[] Infrastructure =
        [("pulumi:pulumi:StackReference", KafkaPlatform.PreviousOutputsResourceName)];

    public static IReadOnlyList<(string Type, string Name)> Components(DesiredState desired) =>
        PulumiLayout.Components(desired).Select(c => (PulumiLayout.ComponentType(c), PulumiLayout.ComponentName(c))).ToArray();

    public static IReadOnlyList<ExpectedRegistration> Resources(DesiredState desired, StackConfig? config = null)
    {
        var expected = new List<ExpectedRegistration>();
        foreach (var resource in desired.Cloud)
        {
            var rendered = (JsonObject)JsonNode.Parse(ManifestWriter.ToJson(resource))!;
            if (resource.Spec is KafkaInfra.Core.Desired.Cloud.ScramSecretVersionSpec)
            {
                // The program registers secretString (built from the secret config the spec names), never the key
                // or the password itself: a $ref stands for a value only the deployment knows.
                var properties = (JsonObject)rendered["properties"]!;
                rendered["properties"] = new JsonObject
                {
                    ["secretId"] = properties["secretId"]!.DeepClone(),
                    ["secretString"] = new JsonObject { ["$ref"] = "secret config " + properties["passwordConfigKey"]!.GetValue<string>() },
                };
            }

            if (resource.Spec is KafkaInfra.Core.Desired.Cloud.KafkaProviderSpec { BootstrapServers: KafkaInfra.Core.Desired.Cloud.Text.Literal literal })
            {
                // The program splits a literal bootstrap string (an external cluster's) into the provider's list.
                ((JsonObject)rendered["properties"]!)["bootstrapServers"] = new JsonArray([.. literal.Value.Split(',').Select(s => (JsonNode?)JsonValue.Create(s.Trim()))]);
            }

            expected.Add(new ExpectedRegistration(
                resource.Type,
                PulumiLayout.ChildName(resource),
                PulumiLayout.ComponentName(resource.Component),
                resource.Options.Protect,
                resource.Options.IgnoreChanges ?? [],
                (resource.Options.DependsOn ?? []).Select(d => PulumiLayout.ChildName(desired.Cloud.Single(c => c.Name == d))).ToArray(),
                RetainOnDelete: false,
                resource.Options.Provider is { } p ? PulumiLayout.ChildName(desired.Cloud.Single(c => c.Name == p)) : null,
                (JsonObject)rendered["properties"]!.DeepClone()));
        }

        var dependencies = PulumiLayout.Dependencies(desired.Kubernetes);
        for (var i = 0; i < desired.Kubernetes.Count; i++)
        {
            var obj = desired.Kubernetes[i];
            var manifest = (JsonObject)ManifestWriter.ToJsonNode(obj.ToManifest())!;
            var metadata = (JsonObject)manifest["metadata"]!;
            if (metadata["namespace"] is null)
            {
                metadata.Remove("namespace");
            }

            var safety = config is null ? ObjectSafety.None : PulumiLayout.Safety(obj, config);
            expected.Add(new ExpectedRegistration(
                KubernetesType(obj),
                PulumiLayout.ChildName(obj),
                PulumiLayout.ComponentName(obj.Component),
                safety.Protect,
                obj.ReplicasOwnedByAutoscaler ? ["spec.replicas"] : [],
                dependencies[i].Select(j => PulumiLayout.ChildName(desired.Kubernetes[j])).ToArray(),
                safety.RetainOnDelete,
                Provider: null,
                manifest));
        }

        return expected;
    }

    /// <summary>The pulumi-kubernetes type token of an object: <c>kubernetes:&lt;group/version&gt;:&lt;Kind&gt;</c>, the core group as <c>core/v1</c>.</summary>
    public static string KubernetesType(KubernetesObject obj) =>
        $"kubernetes:{(obj.ApiVersion.Contains('/', StringComparison.Ordinal) ? obj.ApiVersion : "core/" + obj.ApiVersion)}:{obj.Kind}";

    /// <summary>
    /// Where the inputs the program registered differ from what Core rendered, as paths (empty when they agree).
    /// A rendered reference (<c>{"$ref": ...}</c>, or a string carrying <c>${resource.output}</c>) stands for a value
    /// only the deployment knows: the registered input there must exist and is not compared. Numbers compare by value.
    /// </summary>
    /// <para>
    /// A provider resource (<c>pulumi:providers:*</c>) is registered the way the engine configures providers: every
    /// input as a string (pulumi-dotnet serializes provider inputs as JSON text), and the provider SDK adds its
    /// schema and environment defaults (e.g. Pulumi.Kafka's <c>skipTlsVerify</c>), so there a scalar compares by
    /// its text and inputs Core did not render are allowed.
    /// </para>
    public static IReadOnlyList<string> Differences(JsonNode? expected, object? actual, bool provider = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", differences, provider);
        return differences;
    }

    private static void Compare(JsonNode? expected, object? actual, string path, List<string> differences, bool provider)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected nothing, registered {actual}");
                }

                break;
            case JsonObject reference when reference.ContainsKey("$ref"):
                if (actual is null)
                {
                    differences.Add($"{path}: the reference {reference["$ref"]} was not registered");
                }

                break;
            case JsonObject map when actual is string document && document.StartsWith('{'):
                // A document input (an IAM policy) is registered as its JSON text: compare the parsed document.
                Compare(map, Plain(JsonNode.Parse(document)), path, differences, provider);
                break;
            case JsonObject map:
                if (actual is not IReadOnlyDictionary<string, object> registered)
                {
                    differences.Add($"{path}: expected a mapping, registered {Describe(actual)}");
                    break;
                }

                foreach (var (key, value) in map)
                {
                    Compare(value, registered.GetValueOrDefault(key), $"{path}.{key}", differences, provider);
                }

                foreach (var key in registered.Keys.Where(k => !provider && !map.ContainsKey(k) && !IsEmpty(registered[k])))
                {
                    differences.Add($"{path}.{key}: registered but not rendered ({Describe(registered[key])})");
                }

                break;
            case JsonArray list when provider && actual is string text && text.TrimStart().StartsWith('['):
                // A provider's list input is registered as its JSON text.
                Compare(list, Plain(JsonNode.Parse(text)), path, differences, provider);
                break;
            case JsonArray list:
                if (actual is not IEnumerable<object> items || actual is string)
                {
                    differences.Add($"{path}: expected a list, registered {Describe(actual)}");
                    break;
                }

                var registeredItems = items.ToArray();
                if (registeredItems.Length != list.Count)
                {
                    differences.Add($"{path}: expected {list.Count} items, registered {registeredItems.Length}");
                    break;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    Compare(list[i], registeredItems[i], $"{path}[{i}]", differences, provider);
                }

                break;
            case JsonValue value when provider && actual is string text:
                var expectedText = value.TryGetValue<bool>(out var flag) ? (flag ? "true" : "false") : value.ToJsonString().Trim('"');
                if (expectedText != text)
                {
                    differences.Add($"{path}: expected {expectedText}, registered \"{text}\"");
                }

                break;
            case JsonValue value:
                CompareValue(value, actual, path, differences);
                break;
        }
    }

    private static void CompareValue(JsonValue value, object? actual, string path, List<string> differences)
    {
        if (value.TryGetValue<string>(out var text))
        {
            if (text.Contains("${", StringComparison.Ordinal))
            {
                if (actual is not string)
                {
                    differences.Add($"{path}: a string with references was registered as {Describe(actual)}");
                }
            }
            else if (!Equals(text, actual))
            {
                differences.Add($"{path}: expected \"{text}\", registered {Describe(actual)}");
            }
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            if (!Equals(flag, actual))
            {
                differences.Add($"{path}: expected {flag}, registered {Describe(actual)}");
            }
        }
        else
        {
            var number = value.TryGetValue<int>(out var whole) ? whole : value.TryGetValue<long>(out var wide) ? wide : value.GetValue<double>();
            if (actual is not (int or double or long) || Convert.ToDouble(actual, CultureInfo.InvariantCulture) != number)
            {
                differences.Add($"{path}: expected {number.ToString(CultureInfo.InvariantCulture)}, registered {Describe(actual)}");
            }
        }
    }

    /// <summary>An empty mapping or list registered where Core rendered nothing carries nothing.</summary>
    private static bool IsEmpty(object? value) => value is IReadOnlyDictionary<string, object> { Count: 0 } or ImmutableArray<object> { Length: 0 };

    /// <summary>A parsed JSON document as the mock engine hands inputs over: mappings, lists, strings, doubles, bools.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToImmutableDictionary(kv => kv.Key, kv => Plain(kv.Value)!, StringComparer.Ordinal),
        JsonArray a => a.Select(i => Plain(i)!).ToImmutableArray(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => node.GetValue<double>(),
    };

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        IReadOnlyDictionary<string, object> => "a mapping",
        ImmutableArray<object> => "a list",
        _ => $"{value} ({value.GetType().Name})",
    };
}
