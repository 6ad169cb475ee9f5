using System.Globalization;
using System.Text.RegularExpressions;
using KafkaInfra.Core.Desired;
using YamlDotNet.Serialization;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// The CustomResourceDefinitions of Strimzi and KEDA the project targets, read from <c>shared/crds</c> beside (or
/// above) the repository, and a small structural-schema validator for rendered custom resources.
/// </summary>
internal sealed class CrdCatalog
{
    private static readonly Lazy<CrdCatalog?> Instance = new(Load);
    private readonly Dictionary<(string ApiVersion, string Kind), Dictionary<object, object>> _schemas;

    private CrdCatalog(Dictionary<(string, string), Dictionary<object, object>> schemas) => _schemas = schemas;

    /// <summary>The environment variable naming a folder of CRDs (any layout: every *.yaml below it is read).</summary>
    public const string Variable = "KAFKA_INFRA_CRDS";

    /// <summary>Why the CRD tests are skipped when no CRD folder is found.</summary>
    public const string SkipReason = "the Strimzi 1.2.0 and KEDA 2.20.2 CRDs were not found: set KAFKA_INFRA_CRDS to a folder holding them, or put them in shared/crds beside the repository";

    /// <summary>
    /// The folder holding the CRDs: <c>KAFKA_INFRA_CRDS</c> when set, else the first <c>shared/crds</c> found walking up
    /// from the repository root; null when there is none.
    /// </summary>
    public static string? Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            {
                return System.IO.Directory.Exists(configured) ? configured : null;
            }

            for (var dir = new DirectoryInfo(StrimziStacks.RepoRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "crds");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    public static CrdCatalog? Current => Instance.Value;

    public IEnumerable<(string ApiVersion, string Kind)> Kinds => _schemas.Keys;

    public bool Has(string apiVersion, string kind) => _schemas.ContainsKey((apiVersion, kind));

    /// <summary>Every schema violation of <paramref name="manifest"/> (empty when valid).</summary>
    public IReadOnlyList<string> Validate(string apiVersion, string kind, Tree manifest)
    {
        if (!_schemas.TryGetValue((apiVersion, kind), out var schema))
        {
            return [$"no CRD serves {kind} in {apiVersion}"];
        }

        var errors = new List<string>();
        Check(manifest, schema, kind, errors);
        return errors;
    }

    private static CrdCatalog? Load()
    {
        if (Directory is not { } root)
        {
            return null;
        }

        var deserializer = new DeserializerBuilder().Build();
        var schemas = new Dictionary<(string, string), Dictionary<object, object>>();
        foreach (var file in System.IO.Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var crd = deserializer.Deserialize<Dictionary<object, object>>(File.ReadAllText(file));
            var spec = Map(crd["spec"]);
            var group = (string)spec["group"];
            var kind = (string)Map(spec["names"])["kind"];
            foreach (var version in List(spec["versions"]).Select(Map))
            {
                var schema = Map(Map(version["schema"])["openAPIV3Schema"]);
                schemas[($"{group}/{version["name"]}", kind)] = schema;
            }
        }

        return new CrdCatalog(schemas);
    }

    private static Dictionary<object, object> Map(object o) => (Dictionary<object, object>)o;

    private static List<object> List(object o) => (List<object>)o;

    private static string? Str(Dictionary<object, object> schema, string key) => schema.TryGetValue(key, out var v) ? v as string : null;

    private static bool Flag(Dictionary<object, object> schema, string key) => Str(schema, key) is "true";

    private static void Check(object value, Dictionary<object, object> schema, string path, List<string> errors)
    {
        if (schema.TryGetValue("anyOf", out var anyOf))
        {
            var branches = List(anyOf).Select(Map).ToList();
            if (!branches.Any(b => { var e = new List<string>(); Check(value, b, path, e); return e.Count == 0; }))
            {
                errors.Add($"{path}: {Describe(value)} matches none of the allowed forms");
            }
        }

        // Structural-schema oneOf (e.g. trustedCertificates: certificate or pattern): exactly one branch must match. A
        // branch of a structural schema only adds value validations (here `required`); its `properties: {x: {}}` do not
        // close the object, so a branch matches when the keys it requires are present.
        if (schema.TryGetValue("oneOf", out var oneOf) && value is Tree fields)
        {
            var matching = List(oneOf).Select(Map).Count(b =>
                !b.TryGetValue("required", out var keys) || List(keys).Cast<string>().All(fields.ContainsKey));
            if (matching != 1)
            {
                errors.Add($"{path}: {Describe(value)} matches {matching} of the oneOf forms, not exactly one");
            }
        }

        var type = Str(schema, "type");
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (value is not (int or string or KafkaInfra.Core.Desired.Cloud.OutputRef))
            {
                errors.Add($"{path}: must be an integer or a string, got {Describe(value)}");
            }
        }
        else if (type is not null && !HasType(value, type))
        {
            errors.Add($"{path}: must be {type}, got {Describe(value)}");
            return;
        }

        if (schema.TryGetValue("enum", out var enumValues))
        {
            var allowed = List(enumValues).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList();
            var actual = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!allowed.Contains(actual))
            {
                errors.Add($"{path}: {Describe(value)} is not one of [{string.Join(", ", allowed)}]");
            }
        }

        switch (value)
        {
            case int or double:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (Str(schema, "minimum") is { } min && number < double.Parse(min, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: {Describe(value)} is below the minimum {min}");
                }

                if (Str(schema, "maximum") is { } max && number > double.Parse(max, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: {Describe(value)} is above the maximum {max}");
                }

                break;
            case string s:
                if (Str(schema, "pattern") is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.CultureInvariant))
                {
                    errors.Add($"{path}: {Describe(value)} does not match the pattern {pattern}");
                }

                if (Str(schema, "minLength") is { } minLength && s.Length < int.Parse(minLength, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: {Describe(value)} is shorter than {minLength}");
                }

                break;
            case IReadOnlyList<object> list:
                if (Str(schema, "minItems") is { } minItems && list.Count < int.Parse(minItems, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: has {list.Count} items, fewer than {minItems}");
                }

                if (Str(schema, "maxItems") is { } maxItems && list.Count > int.Parse(maxItems, CultureInfo.InvariantCulture))
                {
                    errors.Add($"{path}: has {list.Count} items, more than {maxItems}");
                }

                if (schema.TryGetValue("items", out var items))
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Check(list[i], Map(items), $"{path}[{i}]", errors);
                    }
                }

                break;
            case Tree tree:
                CheckObject(tree, schema, path, errors);
                break;
        }
    }

    private static void CheckObject(Tree tree, Dictionary<object, object> schema, string path, List<string> errors)
    {
        if (schema.TryGetValue("required", out var required))
        {
            foreach (var key in List(required).Cast<string>().Where(k => !tree.ContainsKey(k)))
            {
                errors.Add($"{path}: required field '{key}' is missing");
            }
        }

        var properties = schema.TryGetValue("properties", out var p) ? Map(p) : null;
        var additional = schema.TryGetValue("additionalProperties", out var a) ? a as Dictionary<object, object> : null;
        var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields");
        foreach (var (key, child) in tree)
        {
            var childPath = $"{path}.{key}";
            if (properties is not null && properties.TryGetValue(key, out var childSchema))
            {
                Check(child, Map(childSchema), childPath, errors);
            }
            else if (additional is not null)
            {
                Check(child, additional, childPath, errors);
            }
            else if (properties is not null && !preserve)
            {
                errors.Add($"{childPath}: unknown field (the schema allows {string.Join(", ", properties.Keys)})");
            }
        }
    }

    private static bool HasType(object value, string type) => type switch
    {
        "object" => value is Tree,
        "array" => value is IReadOnlyList<object>,
        "string" => value is string or KafkaInfra.Core.Desired.Cloud.OutputRef,
        "integer" => value is int,
        "number" => value is int or double,
        "boolean" => value is bool,
        _ => true,
    };

    private static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        Tree => "an object",
        IReadOnlyList<object> => "an array",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}

/// <summary>A fact that runs only when the CRDs are found (<see cref="CrdCatalog.Directory"/>), and says why when they are not.</summary>
internal sealed class CrdFactAttribute : FactAttribute
{
    public CrdFactAttribute()
    {
        if (CrdCatalog.Directory is null)
        {
            Skip = CrdCatalog.SkipReason;
        }
    }
}

/// <summary>The theory form of <see cref="CrdFactAttribute"/>.</summary>
internal sealed class CrdTheoryAttribute : TheoryAttribute
{
    public CrdTheoryAttribute()
    {
        if (CrdCatalog.Directory is null)
        {
            Skip = CrdCatalog.SkipReason;
        }
    }
}
