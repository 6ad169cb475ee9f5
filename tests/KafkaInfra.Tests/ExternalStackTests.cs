using System.Collections.Immutable;

namespace KafkaInfra.Tests;

/// <summary>
/// The program against a cluster the stack does not own (examples/external; docs/external.md): the Kafka provider is
/// configured from <c>cluster.external</c> and the deployer's secret config (Mongey/terraform-provider-kafka v0.13.1
/// <c>kafka/provider.go</c>: <c>bootstrap_servers</c>, <c>tls_enabled</c>, <c>sasl_mechanism</c>, <c>sasl_username</c>,
/// <c>sasl_password</c>, <c>ca_cert</c>), topics and ACLs go through it, and no AWS or Strimzi resource exists.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class ExternalStackTests
{
    private const string Example = "examples/external/Pulumi.dev.yaml";

    private const string Ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    private static StackHarness Harness(IReadOnlyDictionary<string, string>? secrets = null, Dictionary<string, string?>? raw = null) =>
        new("dev", raw ?? StackHarness.FileRaw(Example), secretConfig: secrets ?? new Dictionary<string, string> { ["kafka:saslPassword"] = "deployer-password" });

    [Fact]
    public async Task The_kafka_provider_is_configured_from_the_external_cluster_and_the_deployers_secret()
    {
        var raw = StackHarness.FileRaw(Example);
        raw["kafka:caCert"] = Ca;
        var harness = Harness(raw: raw);

        var (_, outputs) = await harness.RunAsync();

        var provider = Assert.Single(harness.OfType("pulumi:providers:kafka"));
        Assert.Equal("shared-kafka", provider.Name);
        // Provider inputs reach the engine as JSON text (pulumi-dotnet serializes provider config).
        Assert.Equal("[\"kafka-1.example.com:9096\",\"kafka-2.example.com:9096\",\"kafka-3.example.com:9096\"]", ((string)provider.Inputs["bootstrapServers"]).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal("scram-sha512", provider.Inputs["saslMechanism"]);
        Assert.Equal("platform-deployer", provider.Inputs["saslUsername"]);
        Assert.Equal("deployer-password", provider.Inputs["saslPassword"]);
        Assert.Equal("true", provider.Inputs["tlsEnabled"]);
        Assert.Equal("3.9.0", provider.Inputs["kafkaVersion"]);
        Assert.Equal(Ca, provider.Inputs["caCert"]);

        var topic = Assert.Single(harness.OfType("kafka:index/topic:Topic"));
        Assert.Equal("orders", topic.Inputs["name"]);
        Assert.All(harness.Registrations.Where(r => r.Type is "kafka:index/topic:Topic" or "kafka:index/acl:Acl"), r => Assert.Equal("shared-kafka", r.Provider));
        Assert.NotEmpty(harness.OfType("kafka:index/acl:Acl"));
        Assert.DoesNotContain(harness.Created, c => c.Type!.StartsWith("aws:", StringComparison.Ordinal) || c.Type.Contains("strimzi", StringComparison.Ordinal));
        Assert.Single(harness.Created, c => c.Type == "kafka-infra:external:KafkaCluster");

        var auth = Assert.Single(harness.OfType("kubernetes:keda.sh/v1alpha1:ClusterTriggerAuthentication"));
        Assert.Equal("keda-kafka", StackHarness.At(auth.Inputs, "spec.secretTargetRef.0.name"));
        var so = Assert.Single(harness.OfType("kubernetes:keda.sh/v1alpha1:ScaledObject"));
        Assert.Equal("ClusterTriggerAuthentication", StackHarness.At(so.Inputs, "spec.triggers.0.authenticationRef.kind"));
        Assert.Equal("kafka-1.example.com:9096,kafka-2.example.com:9096,kafka-3.example.com:9096", outputs["bootstrapServers"]);
    }

    [Fact]
    public async Task The_password_stays_a_pulumi_secret_and_never_reaches_an_output()
    {
        var harness = Harness();

        var (_, outputs) = await harness.RunAsync();

        foreach (var (_, value) in outputs)
        {
            var text = value is Pulumi.Output<string> o ? await Pulumi.Utilities.OutputUtilities.GetValueAsync(o) : System.Text.Json.JsonSerializer.Serialize(value);
            Assert.DoesNotContain("deployer-password", text ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_deployer_password_is_refused_before_anything_is_registered()
    {
        var harness = Harness(secrets: ImmutableDictionary<string, string>.Empty);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => harness.RunAsync());

        Assert.Contains("kafka:saslPassword", StackHarness.ErrorText(e), StringComparison.Ordinal);
        Assert.Empty(harness.OfType("kafka:index/topic:Topic"));
    }

    [Fact]
    public async Task A_deployer_password_in_plain_text_is_refused_with_its_key()
    {
        var raw = StackHarness.FileRaw(Example);
        raw["kafka:saslPassword"] = "written-in-plain-text";
        var harness = Harness(secrets: ImmutableDictionary<string, string>.Empty, raw: raw);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => harness.RunAsync());

        var text = StackHarness.ErrorText(e);
        Assert.Contains("kafka:saslPassword is in the stack config as plain text", text, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret kafka:saslPassword", text, StringComparison.Ordinal);
        Assert.DoesNotContain("written-in-plain-text", text, StringComparison.Ordinal);
        Assert.Empty(harness.OfType("kafka:index/topic:Topic"));
    }
}
