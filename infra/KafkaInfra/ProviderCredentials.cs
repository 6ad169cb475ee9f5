using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra;

/// <summary>
/// The Kafka provider's credentials come from the stack config's <c>kafka:</c> namespace, and only as secrets: a password
/// or client key stored as plain text is refused before anything is registered (docs/external.md).
/// </summary>
internal static class ProviderCredentials
{
    /// <summary>The Kafka provider's credential keys: set, each must be secret in the stack config (never plain text).</summary>
    private static readonly string[] ProviderCredentialKeys = [MskCloudResources.ScramPasswordConfigKey, MskCloudResources.ClientKeyConfigKey];

    /// <summary>Null unless a Kafka provider's credential is in the stack config as plain text (a problem naming the key).</summary>
    public static string? PlainCredential(CloudResource resource, IReadOnlyCollection<string> secretKeys)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(secretKeys);
        if (resource.Spec is not KafkaProviderSpec)
        {
            return null;
        }

        var plain = ProviderCredentialKeys.Where(k => new Pulumi.Config("kafka").Get(k[(k.IndexOf(':', StringComparison.Ordinal) + 1)..]) is not null && !secretKeys.Contains(k)).ToArray();
        return plain.Length == 0
            ? null
            : $"resource {resource.Name} ({resource.Type}): {string.Join(" and ", plain)} {(plain.Length == 1 ? "is" : "are")} in the stack config as plain text; set {(plain.Length == 1 ? "it" : "them")} with `pulumi config set --secret {plain[0]} ...` so the credential stays encrypted";
    }
}
