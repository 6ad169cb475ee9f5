using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>The fixed catalogues the config is checked against: versions, accepted values and the patterns of identifiers.</summary>
internal static partial class ConfigCatalogue
{
    /// <summary>Kafka versions Strimzi 1.2 runs.</summary>
    internal static IReadOnlyList<string> StrimziKafkaVersions { get; } = ["4.2.0", "4.2.1", "4.3.0", "4.3.1"];

    /// <summary>
    /// The Kafka versions MSK offers for new clusters (past their end of support left out): AWS MSK developer guide,
    /// "Supported Apache Kafka versions" (3.6.0 to 4.0.x; 4.x runs KRaft only), with the KRaft variants and 4.1.x.kraft
    /// as aws-cdk's <c>@aws-cdk/aws-msk-alpha</c> <c>KafkaVersion</c> (V3_7_X_KRAFT ... V4_1_X_KRAFT) names them.
    /// </summary>
    internal static IReadOnlyList<string> MskKafkaVersions { get; } =
        ["3.6.0", "3.7.x", "3.7.x.kraft", "3.8.x", "3.8.x.kraft", "3.9.x", "3.9.x.kraft", "4.0.x.kraft", "4.1.x.kraft"];

    /// <summary>Retention values CloudWatch Logs accepts (days).</summary>
    internal static IReadOnlyList<int> CloudWatchRetentionDays { get; } = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>Connector config keys Strimzi's KafkaConnector forbids in <c>spec.config</c> (they are fields of their own).</summary>
    internal static IReadOnlyList<string> ForbiddenConnectorConfigKeys { get; } = ["name", "connector.class", "tasks.max", "connector.plugin.version"];

    internal static readonly Dictionary<string, DeploymentEnvironment> Environments = new(StringComparer.Ordinal)
    {
        ["dev"] = DeploymentEnvironment.Dev,
        ["prod"] = DeploymentEnvironment.Prod,
    };

    internal static readonly Dictionary<string, MskAuthentication> Authentications = new(StringComparer.Ordinal)
    {
        ["iam"] = MskAuthentication.Iam,
        ["scram"] = MskAuthentication.Scram,
        ["tls"] = MskAuthentication.Tls,
    };

    internal static readonly Dictionary<string, ConnectorKind> ConnectorKinds = new(StringComparer.Ordinal)
    {
        ["sink"] = ConnectorKind.Sink,
        ["source"] = ConnectorKind.Source,
    };

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+|\.x)?(\.kraft)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex MskKafkaVersionPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    internal static partial Regex BucketArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/.+$", RegexOptions.CultureInvariant)]
    internal static partial Regex PrivateCaArnPattern();

}
