using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary><c>cluster.external</c>: a cluster the stack does not own (issue 16 item 9; docs/external.md).</summary>
public class ExternalConfigTests
{
    internal const string Scram = """
          kafka-infra:cluster:
            name: shared
            external:
              bootstrapServers: kafka-1.example.com:9096, kafka-2.example.com:9096
              adminUsername: deployer
              caSecret: { name: kafka-ca }
              kedaSecret: keda-kafka
              brokers: 3

        """;

    [Fact]
    public void The_external_section_loads_as_its_own_platform_with_every_field()
    {
        var cluster = TestStacks.Load(Scram).GetOrThrow().Cluster;

        var external = Assert.IsType<ExternalPlatform>(cluster.Platform).Config;
        Assert.Equal(Platform.External, cluster.Profile.Kind);
        Assert.Null(cluster.Strimzi);
        Assert.Null(cluster.Msk);
        Assert.Equal(["kafka-1.example.com:9096", "kafka-2.example.com:9096"], external.Servers);
        Assert.Equal(ExternalAuthentication.ScramSha512, external.Authentication); // the documented default
        Assert.True(external.Tls);
        Assert.Equal(new SecretKeyRef("kafka-ca", "ca.crt"), external.CaSecret);
        Assert.Equal("deployer", external.AdminUsername);
        Assert.Equal("keda-kafka", external.KedaSecret);
        Assert.Equal(Defaults.KedaNamespace, external.KedaNamespace);
        Assert.Equal(3, external.Brokers);
        Assert.True(external.DeclaresAcls);
        // kafka-infra sizes nothing there: no storage, the broker count informs checks only.
        Assert.Equal(0, cluster.StorageGiB);
        Assert.False(cluster.Profile.HasBrokers);
        Assert.False(cluster.Profile.IsMsk);
        Assert.Equal(Defaults.KafkaVersion, cluster.KafkaVersion);
    }

    [Fact]
    public void Bad_input_is_reported_all_at_once_with_each_key_and_value()
    {
        var result = TestStacks.Load("""
              kafka-infra:cluster:
                name: shared
                brokers: 3
                storageGiB: 100
                kafkaVersion: latest
                external:
                  bootstrapServers: "SASL_SSL://kafka-1:9096,kafka-2"
                  authentication: tls
                  tls: false
                  adminUsername: deployer
                  kedaNamespace: KEDA
                  manageAcls: true
                  caSecret: { name: Kafka_CA }

            """);

        var lines = string.Join("\n", TestStacks.Lines(result.Errors));
        Assert.False(result.IsValid);
        Assert.Contains("kafka-infra:cluster.brokers: must not be set with 'external'", lines, StringComparison.Ordinal);
        Assert.Contains("cluster.external.brokers", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.storageGiB: must not be set with 'external'", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.kafkaVersion: must be the brokers' Kafka version", lines, StringComparison.Ordinal);
        Assert.Contains("got \"latest\"", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.bootstrapServers: must be a comma-separated list of host:port", lines, StringComparison.Ordinal);
        Assert.Contains("\"SASL_SSL://kafka-1:9096\"", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.tls: must be true with authentication: tls", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.adminUsername: applies only with authentication: scram-sha-512", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.kedaNamespace:", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.manageAcls: can be true only with authentication: scram-sha-512", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.caSecret.name:", lines, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:cluster.external.caSecret: applies only with tls: true", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void Iam_is_refused_with_the_way_forward()
    {
        var result = TestStacks.Load(Scram.Replace("adminUsername: deployer", "authentication: iam", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors, e => e.Path == "kafka-infra:cluster.external.authentication");
        Assert.Contains("cannot be \"iam\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("cluster.msk", error.Message, StringComparison.Ordinal);
        Assert.Contains("scram-sha-512 | tls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scram_needs_the_deployers_user()
    {
        var result = TestStacks.Load(Scram.Replace("adminUsername: deployer", "", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:cluster.external.adminUsername", error.Path);
        Assert.Contains("kafka:saslPassword", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strimzi: {}\n    external: { bootstrapServers: \"k:9093\", authentication: none }", "got 'strimzi' and 'external'")]
    [InlineData("msk: { instanceType: kafka.m7g.large, clientSubnets: [a, b, c], securityGroups: [sg] }\n    external: { bootstrapServers: \"k:9093\", authentication: none }", "got 'msk' and 'external'")]
    [InlineData("kafkaVersion: 3.9.0", "got none")]
    public void Exactly_one_platform_section_and_the_refusal_names_the_keys(string sections, string got)
    {
        var result = TestStacks.Load($"  kafka-infra:cluster:\n    name: shared\n    {sections}\n");

        var error = Assert.Single(result.Errors, e => e.Path == "kafka-infra:cluster");
        Assert.Contains("exactly one of 'strimzi'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'external'", error.Message, StringComparison.Ordinal);
        Assert.Contains(got, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_of_the_section_get_a_suggestion()
    {
        var result = TestStacks.Load(Scram.Replace("kedaSecret:", "kedaSecrets:", StringComparison.Ordinal));

        Assert.Contains("kafka-infra:cluster.external.kedaSecrets: unknown key; did you mean 'kedaSecret'?", TestStacks.Lines(result.Errors));
    }
}
