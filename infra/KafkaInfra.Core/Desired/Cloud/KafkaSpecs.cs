using System.Text.Json.Serialization;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>SASL mechanisms of the Kafka provider (pulumi-kafka's <c>saslMechanism</c> values).</summary>
public enum KafkaSaslMechanism
{
    /// <summary><c>aws-iam</c>: MSK IAM, signed for <see cref="KafkaProviderSpec.SaslAwsRegion"/>.</summary>
    [JsonStringEnumMemberName("aws-iam")]
    AwsIam,

    /// <summary><c>scram-sha512</c>: user and password from the stack's secret config.</summary>
    [JsonStringEnumMemberName("scram-sha512")]
    ScramSha512,
}

/// <summary>
/// <c>pulumi:providers:kafka</c>: how topics are managed on the brokers. Secrets (SCRAM user and password, client
/// certificate and key) are never in the spec: the program reads them from the stack's secret config
/// (<see cref="Msk.MskCloudResources.ScramPasswordConfigKey"/> and the others).
/// </summary>
/// <param name="BootstrapServers">The comma-separated bootstrap string (an MSK bootstrap output); the program splits it into the provider's list.</param>
/// <param name="TlsEnabled">TLS to the brokers.</param>
/// <param name="KafkaVersion">Protocol version, MAJOR.MINOR.PATCH.</param>
/// <param name="SaslMechanism">Null: no SASL (TLS, with a client certificate when the secret config has one).</param>
/// <param name="SaslAwsRegion">Region for <see cref="KafkaSaslMechanism.AwsIam"/>; null for other mechanisms.</param>
/// <param name="SaslUsername">The SCRAM user (<see cref="Msk.MskCloudResources.AdminUsername"/>); its password comes from secret config.</param>
public sealed record KafkaProviderSpec(Text BootstrapServers, bool TlsEnabled, string KafkaVersion, KafkaSaslMechanism? SaslMechanism, string? SaslAwsRegion, string? SaslUsername = null) : CloudSpec
{
    /// <summary>The schema value of a mechanism.</summary>
    public static string MechanismName(KafkaSaslMechanism mechanism) => mechanism switch
    {
        KafkaSaslMechanism.AwsIam => "aws-iam",
        KafkaSaslMechanism.ScramSha512 => "scram-sha512",
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, null),
    };
}

/// <summary><c>kafka:index/topic:Topic</c>: always named explicitly (without a name the provider would auto-name it).</summary>
public sealed record KafkaTopicSpec(string Name, int Partitions, int ReplicationFactor, StringMap Config) : CloudSpec;
