using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Issue 14 item 8: secrets stay secret end to end or are refused with the key named.</summary>
public class ConfigSecretsTests
{
    private static StackConfig Strimzi() => TestStacks.Load(TestStacks.StrimziCluster).GetOrThrow();

    private static StackConfig Msk() => TestStacks.Load(TestStacks.MskCluster).GetOrThrow();

    [Fact]
    public void No_secret_needs_nothing()
    {
        var check = ConfigSecrets.Check([], Msk());
        Assert.True(check.IsValid);
        Assert.False(check.AnySecret);
    }

    [Theory]
    [InlineData("kafka-infra:connect", "the connector config of the KafkaConnector / MSK Connect resources")]
    [InlineData("kafka-infra:cluster", "the cluster resources")]
    [InlineData("kafka-infra:topics", "the topic resources")]
    [InlineData("kafka-infra:consumers", "the KEDA ScaledObjects")]
    [InlineData("kafka-infra:ksqldb", "the ksqlDB Deployments")]
    public void A_secret_written_into_a_resource_is_refused_with_its_key(string key, string where)
    {
        var check = ConfigSecrets.Check([key], Strimzi());

        var error = Assert.Single(check.Errors);
        Assert.Equal(key, error.Path);
        Assert.Contains($"writes it in plain text into {where}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_environment_on_strimzi_only_makes_the_outputs_secret()
    {
        var check = ConfigSecrets.Check(["kafka-infra:environment"], Strimzi());
        Assert.True(check.IsValid);
        Assert.True(check.AnySecret);
    }

    [Fact]
    public void On_msk_the_environment_and_region_are_tags_and_triggers_so_a_secret_is_refused()
    {
        var check = ConfigSecrets.Check(["kafka-infra:environment", "aws:region"], Msk());
        Assert.Equal(["aws:region", "kafka-infra:environment"], check.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Secret_keys_of_other_tools_are_theirs()
    {
        var check = ConfigSecrets.Check(["kubernetes:kubeconfig", "aws:secretKey"], Strimzi());
        Assert.True(check.IsValid);
        Assert.False(check.AnySecret);
    }

    [Fact]
    public void A_nested_secure_value_is_reported_at_its_key_path_without_the_ciphertext()
    {
        // The CLI reads the stack file offline: a nested secure: value is ciphertext it cannot decrypt.
        const string Ciphertext = "v1:Zm9vYmFyYmF6cXV4:c2VjcmV0LWNpcGhlcnRleHQ=";
        var result = TestStacks.Load(TestStacks.StrimziCluster + $$"""
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 1000
                  messagesPerSecondPerConsumer: 500
              kafka-infra:connect:
                - name: sinks
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
                      config:
                        aws.secret.access.key:
                          secure: {{Ciphertext}}
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:connect[0].connectors[0].config.aws.secret.access.key", error.Path);
        Assert.StartsWith("must be a string, number or boolean, got a secret (secure:)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Ciphertext, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("v1:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void While_a_key_core_reads_is_secret_messages_are_withheld_and_paths_kept()
    {
        var errors = TestStacks.Load(TestStacks.StrimziCluster.Replace("name: events", "name: Hunter2", StringComparison.Ordinal)).Errors;
        Assert.Contains(errors, e => e.Message.Contains("Hunter2", StringComparison.Ordinal));

        var redacted = ConfigSecrets.Redact(errors, ["kafka-infra:cluster"]);

        Assert.Equal(errors.Select(e => e.Path), redacted.Select(e => e.Path));
        Assert.All(redacted, e => Assert.DoesNotContain("Hunter2", e.ToString(), StringComparison.Ordinal));
        Assert.All(redacted, e => Assert.StartsWith("is not valid (the message is withheld", e.Message, StringComparison.Ordinal));
        Assert.Same(errors, ConfigSecrets.Redact(errors, []));
        Assert.Same(errors, ConfigSecrets.Redact(errors, ["kubernetes:kubeconfig"]));
    }
}
