using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>The platform is chosen once when config loads, and its profile answers every platform question.</summary>
public class PlatformTests
{
    private static readonly StrimziConfig Strimzi = new("kafka", 3, 20, null, false, null, null);

    private static MskConfig Msk(string? instanceType = "kafka.m7g.large", bool serverless = false, MskAuthentication auth = MskAuthentication.Iam) =>
        new(instanceType, ["subnet-a", "subnet-b", "subnet-c"], ["sg-1"], auth, null, serverless, null, null, 7, "eu-west-1", false);

    public static TheoryData<string, Platform> Stacks => new()
    {
        { "brokers: 3\n    storageGiB: 100\n    strimzi: {}", Platform.Strimzi },
        { "kafkaVersion: 3.9.x\n    brokers: 3\n    storageGiB: 100\n    msk: { instanceType: kafka.m7g.large, clientSubnets: [a, b, c], securityGroups: [sg] }", Platform.MskProvisioned },
        { "kafkaVersion: 3.9.x\n    brokers: 3\n    msk: { instanceType: express.m7g.large, clientSubnets: [a, b, c], securityGroups: [sg] }", Platform.MskExpress },
        { "kafkaVersion: 3.9.x\n    msk: { serverless: true, clientSubnets: [a, b, c], securityGroups: [sg] }", Platform.MskServerless },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_loader_chooses_the_platform_from_the_cluster_section(string section, Platform expected)
    {
        var config = TestStacks.Load($"  kafka-infra:cluster:\n    name: events\n    {section}\n").GetOrThrow();

        Assert.Equal(expected, config.Cluster.Platform.Kind);
        Assert.Equal(expected, config.Cluster.Profile.Kind);
        Assert.Equal(expected == Platform.Strimzi, config.Cluster.Strimzi is not null);
        Assert.Equal(expected != Platform.Strimzi, config.Cluster.Msk is not null);
    }

    [Fact]
    public void Exactly_one_section_makes_a_platform()
    {
        Assert.IsType<StrimziPlatform>(ClusterPlatform.Of(Strimzi, null));
        Assert.IsType<MskServerlessPlatform>(ClusterPlatform.Of(null, Msk(null, serverless: true)));
        var express = Assert.IsType<MskProvisionedPlatform>(ClusterPlatform.Of(null, Msk("express.m7g.large")));
        Assert.True(express.Express);
        Assert.Equal(Platform.MskExpress, express.Kind);
        Assert.Null(ClusterPlatform.Of(null, null));
        Assert.Null(ClusterPlatform.Of(Strimzi, Msk()));
    }

    [Theory]
    [InlineData(Platform.Strimzi, true, true, false)]
    [InlineData(Platform.MskProvisioned, true, true, true)]
    [InlineData(Platform.MskExpress, true, false, true)]
    [InlineData(Platform.MskServerless, false, false, true)]
    public void Brokers_and_storage_per_platform(Platform platform, bool brokers, bool storage, bool msk)
    {
        var profile = PlatformProfile.For(platform);
        Assert.Equal(brokers, profile.HasBrokers);
        Assert.Equal(storage, profile.HasStorage);
        Assert.Equal(msk, profile.IsMsk);
        // MSK Connect's 1-10 workers per connector apply on MSK only.
        Assert.Equal(msk ? 10 : null, profile.MaxConnectWorkers);
    }

    [Fact]
    public void Only_express_fixes_replication_at_rf_3_and_min_isr_2()
    {
        Assert.Equal((3, 2), PlatformProfile.For(Platform.MskExpress).FixedReplication);
        Assert.All([Platform.Strimzi, Platform.MskProvisioned, Platform.MskServerless], p => Assert.Null(PlatformProfile.For(p).FixedReplication));
    }

    [Fact]
    public void Partition_limits_come_from_strimzi_config_or_the_msk_broker_type()
    {
        var strimzi = new ClusterConfig("events", "4.2.0", 3, 100, null, null, new StrimziPlatform(Strimzi));
        Assert.Equal(new PartitionLimit(Defaults.MaxPartitionsPerBroker, null), strimzi.Profile.PartitionsPerBroker(strimzi));
        Assert.Equal(new PartitionLimit(1234, null), strimzi.Profile.PartitionsPerBroker(strimzi with { MaxPartitionsPerBroker = 1234 }));

        // AWS best practices for Standard brokers: kafka.m7g.large, 1000 recommended, 1500 maximum (MskInstanceTypes).
        var standard = new ClusterConfig("events", "3.9.x", 3, 100, null, null, new MskProvisionedPlatform(Msk()));
        Assert.Equal(new PartitionLimit(1500, 1000), standard.Profile.PartitionsPerBroker(standard));

        var serverless = new ClusterConfig("events", "3.9.x", 0, 0, null, null, new MskServerlessPlatform(Msk(null, serverless: true)));
        Assert.Null(serverless.Profile.PartitionsPerBroker(serverless));
    }

    [Theory]
    [InlineData(MskAuthentication.Iam, "bootstrapBrokersSaslIam")]
    [InlineData(MskAuthentication.Scram, "bootstrapBrokersSaslScram")]
    [InlineData(MskAuthentication.Tls, "bootstrapBrokersTls")]
    public void Provisioned_msk_connects_through_the_bootstrap_output_of_its_authentication(MskAuthentication auth, string output)
    {
        Assert.Equal(output, new MskProvisionedPlatform(Msk(auth: auth)).BootstrapOutput);
        Assert.Equal(output, KafkaResources.MskBootstrapOutput(auth));
    }

    [Fact]
    public void Serverless_always_connects_with_iam()
    {
        var serverless = new MskServerlessPlatform(Msk(null, serverless: true, auth: MskAuthentication.Scram));
        Assert.Equal(MskAuthentication.Iam, serverless.Authentication);
        Assert.Equal("bootstrapBrokersSaslIam", serverless.BootstrapOutput);
    }

    [Fact]
    public void Msk_replacing_keys_are_the_force_new_fields_of_the_msk_cluster_resource()
    {
        // platform-facts.md 8.4: clusterName, clientSubnets, securityGroups and encryptionAtRestKmsKeyArn force a replacement.
        Assert.Equal(["name", "msk.clientSubnets", "msk.securityGroups", "msk.kmsKeyArn"], PlatformProfile.For(Platform.MskProvisioned).ReplacingKeys);
        Assert.Equal(PlatformProfile.For(Platform.MskProvisioned).ReplacingKeys, PlatformProfile.For(Platform.MskExpress).ReplacingKeys);
        Assert.Contains("strimzi.namespace", PlatformProfile.For(Platform.Strimzi).ReplacingKeys);
    }

    [Fact]
    public void Report_names_differ_per_platform()
    {
        var names = Enum.GetValues<Platform>().Select(p => PlatformProfile.For(p).Name).ToList();
        Assert.Equal(["Strimzi", "MSK Standard", "MSK Express", "MSK Serverless", "external cluster"], names);
    }
}
