using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>Which <c>kafka-infra:tags</c> are also valid Kubernetes labels (Kubernetes' own rules for label keys and values).</summary>
public static partial class TagLabelRules
{
    /// <summary>Longest label name and value (kubernetes/apimachinery pkg/util/validation/validation.go: qualifiedNameMaxLength, LabelValueMaxLength).</summary>
    public const int MaxLength = 63;

    /// <summary>
    /// Prefixes a tag may not use as a label: <c>kubernetes.io/</c> and <c>k8s.io/</c> are reserved for Kubernetes core
    /// components (kubernetes.io docs, "Labels and Selectors", syntax and character set); Strimzi and KEDA act on labels
    /// under <c>strimzi.io/</c> and <c>keda.sh/</c> (e.g. <c>strimzi.io/cluster</c> ties a CR to its cluster).
    /// </summary>
    public static IReadOnlyList<string> ReservedPrefixes { get; } = ["kubernetes.io", "k8s.io", "strimzi.io", "keda.sh"];

    // validation.go qualifiedNameFmt / labelValueFmt: alphanumeric at both ends, '-', '_', '.' between.
    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // validation.go dns1123SubdomainFmt: lower-case DNS labels joined by dots.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainPattern();

    /// <summary>
    /// Why the tag <paramref name="key"/> = <paramref name="value"/> cannot be a Kubernetes label, or null when it can
    /// (validation.go IsQualifiedName for the key: optional DNS-subdomain prefix up to 253 characters, '/', a name up to
    /// 63; IsValidLabelValue for the value: up to 63, may be empty).
    /// </summary>
    public static string? Problem(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var parts = key.Split('/');
        if (parts.Length > 2)
        {
            return "a label key has at most one '/'";
        }

        var name = parts[^1];
        if (parts.Length == 2)
        {
            var prefix = parts[0];
            if (prefix.Length is 0 or > Names.MaxKubernetesSubdomainLength || !SubdomainPattern().IsMatch(prefix))
            {
                return $"the label key prefix {Describe.Quote(prefix)} is not a lower-case DNS subdomain of at most {Names.MaxKubernetesSubdomainLength} characters";
            }

            if (ReservedPrefixes.Any(r => prefix == r || prefix.EndsWith("." + r, StringComparison.Ordinal)))
            {
                return $"the label key prefix {Describe.Quote(prefix)} is reserved for Kubernetes or the operators ({string.Join(", ", ReservedPrefixes)})";
            }
        }

        if (name.Length is 0 or > MaxLength || !NamePattern().IsMatch(name))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a label name has 1-{MaxLength} characters A-Z, a-z, 0-9, '-', '_', '.' and starts and ends with a letter or digit; got {Describe.Quote(name)}");
        }

        if (value.Length > MaxLength || (value.Length > 0 && !NamePattern().IsMatch(value)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a label value has at most {MaxLength} characters A-Z, a-z, 0-9, '-', '_', '.' and starts and ends with a letter or digit; got {Describe.Quote(value)}");
        }

        return null;
    }

    /// <summary>The tags that are valid labels, in key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Valid(IReadOnlyDictionary<string, string>? tags) =>
        tags is null
            ? []
            : tags.Where(t => Problem(t.Key, t.Value) is null).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
}
