namespace KafkaInfra.Core.Config;

/// <summary>What the Pulumi program must do with the secret config keys of a valid stack.</summary>
/// <param name="Errors">One per secret key whose value kafka-infra would write in plain text (nothing is declared then).</param>
/// <param name="AnySecret">True when an accepted key was secret: every output that carries config must then be secret.</param>
public sealed record SecretCheck(IReadOnlyList<Diagnostic> Errors, bool AnySecret)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Keeps secret config values secret end to end, or refuses them with the key named. The engine marks a whole
/// top-level key secret when any value under it is <c>secure:</c> (it lists the key in PULUMI_CONFIG_SECRET_KEYS and
/// hands the program the decrypted value); Core receives plain strings, so it decides here, per key, whether the value
/// would be written in plain text into a declared resource. Those keys are refused; the rest only reach outputs the
/// program marks secret (<see cref="SecretCheck.AnySecret"/>).
/// </summary>
public static class ConfigSecrets
{
    /// <summary>The key of the stack's AWS region, which Core reads beside the kafka-infra keys.</summary>
    public const string AwsRegion = "aws:region";

    /// <summary>
    /// Checks the secret keys of a stack; <paramref name="config"/> is null when the stack did not load (the keys whose
    /// fate depends on the platform are then not refused: the config errors stop the deployment anyway). Keys Core does
    /// not read are left to their own tools.
    /// </summary>
    public static SecretCheck Check(IEnumerable<string> secretKeys, StackConfig? config)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        var errors = new List<Diagnostic>();
        var anySecret = false;
        foreach (var key in secretKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (WhereWritten(key, config) is { } where)
            {
                errors.Add(new Diagnostic(key, $"is a secret (Pulumi marks the whole key secret when any value under it is secure:), but kafka-infra writes it in plain text into {where}. It is refused rather than leaked; keep secrets out of the kafka-infra keys{Advice(key)}"));
            }
            else if (IsReadByCore(key))
            {
                anySecret = true;
            }
        }

        return new SecretCheck(errors, anySecret);
    }

    /// <summary>Where a secret key's value would end up in plain text, or null when only secret outputs carry it.</summary>
    private static string? WhereWritten(string key, StackConfig? config)
    {
        if (key == AwsRegion)
        {
            // On MSK it is the fallback of cluster.msk.region, which KEDA's triggers carry (refused even when the cluster
            // names its own region: after loading, the two cannot be told apart).
            return config?.Cluster.Msk is not null ? "the KEDA triggers (awsRegion) of an MSK stack" : null;
        }

        if (!key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal))
        {
            return null;
        }

        return key[(ConfigKeys.Namespace.Length + 1)..] switch
        {
            // The environment only chooses which rules apply, except on MSK, where it tags every AWS resource.
            ConfigKeys.Environment => config?.Cluster.Msk is not null ? "the environment tag of the MSK resources" : null,
            ConfigKeys.Connect => "the connector config of the KafkaConnector / MSK Connect resources",
            ConfigKeys.Cluster => "the cluster resources (names, versions, ARNs, Kubernetes custom resources)",
            ConfigKeys.Topics or ConfigKeys.TopicDefaults => "the topic resources (KafkaTopic / Kafka provider topics)",
            ConfigKeys.Consumers => "the KEDA ScaledObjects",
            ConfigKeys.KsqlDb => "the ksqlDB Deployments",
            var other => $"the resources it declares ({other})",
        };
    }

    /// <summary>
    /// The diagnostics to show when a key Core reads is secret: their paths, with the messages withheld, since a message
    /// may quote a received value or suggest a name taken from the secret key. Unchanged when no such key is secret.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Redact(IReadOnlyList<Diagnostic> diagnostics, IEnumerable<string> secretKeys)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(secretKeys);
        return secretKeys.Any(IsReadByCore)
            ? diagnostics.Select(d => d with { Message = "is not valid (the message is withheld: the stack config holds a secret, and messages quote config values)" }).ToArray()
            : diagnostics;
    }

    private static bool IsReadByCore(string key) => key == AwsRegion || key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal);

    private static string Advice(string key) => key == ConfigKeys.Qualified(ConfigKeys.Connect)
        ? " (a connector credential belongs in a Kubernetes or AWS secret that the connector config refers to through a config provider, never in the config itself)"
        : "";
}
