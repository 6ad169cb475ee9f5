using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskClusterResourceTests
{
    private static readonly string Autoscaled = MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      storageAutoscaling:\n        maxGiB: 4000\n        targetUtilizationPercent: 55\n", StringComparison.Ordinal);

    [Fact]
    public void Standard_cluster_carries_the_planned_brokers_storage_network_and_version()
    {
        var plan = MskStacks.Plan(MskStacks.Prod).GetOrThrow();
        var cluster = MskCloudResources.Build(plan).Named("events-msk");

        Assert.Equal("aws:msk/cluster:Cluster", cluster.Type);
        Assert.Equal("msk", cluster.Component);
        var p = Assert.IsType<MskClusterSpec>(cluster.Spec);
        Assert.Equal("events", p.ClusterName);
        Assert.Equal("3.9.x", p.KafkaVersion);
        Assert.Equal(plan.Cluster.Brokers, p.NumberOfBrokerNodes);
        Assert.Equal(3, p.NumberOfBrokerNodes);
        Assert.Equal("kafka.m7g.large", p.BrokerNodeGroupInfo.InstanceType);
        Assert.Equal(["subnet-a", "subnet-b", "subnet-c"], p.BrokerNodeGroupInfo.ClientSubnets);
        Assert.Equal(["sg-1"], p.BrokerNodeGroupInfo.SecurityGroups);
        Assert.Equal(new EbsStorageInfo(1000, null), p.BrokerNodeGroupInfo.StorageInfo?.EbsStorageInfo);
        Assert.Null(p.Rebalancing);
        Assert.Equal(new ArnAndRevision(new("events-config", CloudOutput.Arn), new("events-config", CloudOutput.LatestRevision)), p.ConfigurationInfo);
        Assert.True(p.OpenMonitoring.Prometheus.JmxExporter.EnabledInBroker);
        Assert.True(p.OpenMonitoring.Prometheus.NodeExporter.EnabledInBroker);
        Assert.Equal(new CloudwatchLogs(true, Text.Of(new OutputRef("events-broker-logs", CloudOutput.Name))), p.LoggingInfo.BrokerLogs.CloudwatchLogs);
        Assert.Equal([new("kafka-infra", "true"), new("cluster", "events"), new("environment", "prod")], p.Tags);
        Assert.True(cluster.Options.Protect);
        Assert.Null(cluster.Options.IgnoreChanges);
    }

    [Fact]
    public void Configuration_carries_the_planned_server_properties()
    {
        var resources = MskStacks.Build(MskStacks.Prod
            .Replace("environment: prod", "environment: dev", StringComparison.Ordinal)
            .Replace("brokers: 3", "brokers: 6", StringComparison.Ordinal)
            .Replace("kafka-infra:topics:", "kafka-infra:topicDefaults:\n    replicationFactor: 2\n    minInsyncReplicas: 1\n  kafka-infra:topics:", StringComparison.Ordinal));
        var config = resources.Spec<MskConfigurationSpec>("events-config");
        Assert.Equal("events-config", config.Name);
        Assert.False(MskStacks.Json(resources.Named("events-config")).ContainsKey("kafkaVersions"));
        Assert.Equal(
            "auto.create.topics.enable=false\ndefault.replication.factor=2\nmin.insync.replicas=1\nnum.partitions=3\nunclean.leader.election.enable=false\n",
            config.ServerProperties);
    }

    [Fact]
    public void Kms_key_is_created_with_rotation_unless_a_key_arn_is_given()
    {
        var created = MskStacks.Build(MskStacks.Prod);
        var key = created.Named("events-kms");
        Assert.True(Assert.IsType<KmsKeySpec>(key.Spec).EnableKeyRotation);
        Assert.True(key.Options.Protect);
        Assert.Equal(Text.Of(new OutputRef("events-kms", CloudOutput.Arn)), created.Spec<MskClusterSpec>("events-msk").EncryptionInfo.EncryptionAtRestKmsKeyArn);

        const string arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var given = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", $"      region: eu-west-1\n      kmsKeyArn: {arn}\n", StringComparison.Ordinal));
        Assert.Empty(given.OfSpec<KmsKeySpec>());
        Assert.Equal(Text.FromString(arn), given.Spec<MskClusterSpec>("events-msk").EncryptionInfo.EncryptionAtRestKmsKeyArn);
    }

    [Fact]
    public void Log_group_keeps_broker_logs_for_the_configured_days()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      logRetentionDays: 14\n", StringComparison.Ordinal));
        var logs = resources.Spec<LogGroupSpec>("events-broker-logs");
        Assert.Equal("/aws/msk/events/brokers", logs.Name);
        Assert.Equal(14, logs.RetentionInDays);
    }

    public static TheoryData<string, string, string> Authentications => new()
    {
        { "prod", "iam", "sasl.iam" },
        { "prod", "scram", "sasl.scram" },
        { "prod", "tls", "tls" },
        { "dev", "iam", "sasl.iam" },
        { "dev", "scram", "sasl.scram" },
        { "dev", "tls", "tls" },
    };

    [Theory]
    [MemberData(nameof(Authentications))]
    public void Clients_reach_brokers_over_tls_only_and_always_authenticated(string environment, string authentication, string enabledPath)
    {
        var yaml = MskStacks.WithAuthentication(authentication)
            .Replace("environment: prod", "environment: " + environment, StringComparison.Ordinal);
        var cluster = MskStacks.Build(yaml).Named("events-msk");
        var p = Assert.IsType<MskClusterSpec>(cluster.Spec);

        Assert.Equal(new EncryptionInTransit("TLS", InCluster: true), p.EncryptionInfo.EncryptionInTransit);
        Assert.False(p.ClientAuthentication.Unauthenticated);
        var auth = MskStacks.Json(cluster)["clientAuthentication"]!.AsObject();
        Assert.Equal(2, auth.Count);
        if (enabledPath == "tls")
        {
            Assert.Equal(["arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca-1"], p.ClientAuthentication.Tls?.CertificateAuthorityArns ?? []);
            Assert.Null(p.ClientAuthentication.Sasl);
        }
        else
        {
            Assert.Equal(enabledPath == "sasl.iam" ? new ClusterSasl(Iam: true) : new ClusterSasl(Scram: true), p.ClientAuthentication.Sasl);
            Assert.Null(p.ClientAuthentication.Tls);
        }
    }

    [Fact]
    public void Provisioned_throughput_is_set_only_when_configured()
    {
        var resources = MskStacks.Build(MskStacks.Prod
            .Replace("kafka.m7g.large", "kafka.m7g.4xlarge", StringComparison.Ordinal)
            .Replace("      region: eu-west-1\n", "      region: eu-west-1\n      provisionedThroughputMiBps: 500\n", StringComparison.Ordinal));
        var throughput = resources.Spec<MskClusterSpec>("events-msk").BrokerNodeGroupInfo.StorageInfo?.EbsStorageInfo.ProvisionedThroughput;
        Assert.Equal(new ProvisionedThroughput(Enabled: true, VolumeThroughput: 500), throughput);
    }

    [Fact]
    public void Storage_autoscaling_targets_the_cluster_from_storageGiB_to_maxGiB_on_storage_utilization()
    {
        var resources = MskStacks.Build(Autoscaled);
        var target = resources.Spec<ScalingTargetSpec>("events-storage-scaling");
        Assert.Equal("kafka", target.ServiceNamespace);
        Assert.Equal("kafka:broker-storage:VolumeSize", target.ScalableDimension);
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.Arn)), target.ResourceId);
        Assert.Equal(1000, target.MinCapacity);
        Assert.Equal(4000, target.MaxCapacity);

        var policy = resources.Spec<ScalingPolicySpec>("events-storage-scaling-policy");
        Assert.Equal("TargetTrackingScaling", policy.PolicyType);
        Assert.Equal(Text.Of(new OutputRef("events-storage-scaling", CloudOutput.ResourceId)), policy.ResourceId);
        Assert.Equal("kafka", policy.ServiceNamespace);
        Assert.Equal("kafka:broker-storage:VolumeSize", policy.ScalableDimension);
        Assert.Equal(
            new TargetTrackingConfiguration(new PredefinedMetric("KafkaBrokerStorageUtilization"), 55d, DisableScaleIn: true),
            policy.TargetTrackingScalingPolicyConfiguration);
    }

    public static TheoryData<bool, int?, int, bool> IgnoreCases => new()
    {
        // autoscaling, deployed storageGiB, configured storageGiB, volume size ignored
        { false, null, 1000, false },
        { false, 1000, 1000, false },
        { false, 1000, 1500, false },
        { true, null, 1000, true },
        { true, 1000, 1000, true },
        { true, 1000, 1500, false },
        { true, 1500, 1500, true },
    };

    [Theory]
    [MemberData(nameof(IgnoreCases))]
    public void Volume_size_is_ignored_exactly_when_autoscaling_owns_it_and_storageGiB_did_not_grow(bool autoscaling, int? deployed, int storage, bool ignored)
    {
        var yaml = (autoscaling ? Autoscaled : MskStacks.Prod).Replace("storageGiB: 1000", $"storageGiB: {storage}", StringComparison.Ordinal);
        var resources = MskStacks.Build(yaml, new DeployedState(new Dictionary<string, int>(), null, deployed));
        var cluster = resources.Named("events-msk");

        if (ignored)
        {
            Assert.Equal(new[] { "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize" }, cluster.Options.IgnoreChanges);
        }
        else
        {
            Assert.Null(cluster.Options.IgnoreChanges);
        }

        Assert.Equal(storage, Assert.IsType<MskClusterSpec>(cluster.Spec).BrokerNodeGroupInfo.StorageInfo?.EbsStorageInfo.VolumeSize);
        Assert.Equal(autoscaling, resources.OfSpec<ScalingTargetSpec>().Count == 1);
        if (autoscaling)
        {
            Assert.Equal(storage, resources.Spec<ScalingTargetSpec>("events-storage-scaling").MinCapacity);
        }
    }

    [Fact]
    public void Express_brokers_have_no_storage_and_turn_on_intelligent_rebalancing()
    {
        var yaml = MskStacks.Prod
            .Replace("    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("kafka.m7g.large", "express.m7g.large", StringComparison.Ordinal);
        var resources = MskStacks.Build(yaml);
        var p = resources.Spec<MskClusterSpec>("events-msk");

        Assert.Equal("express.m7g.large", p.BrokerNodeGroupInfo.InstanceType);
        Assert.Null(p.BrokerNodeGroupInfo.StorageInfo);
        Assert.Equal(new Rebalancing("ACTIVE"), p.Rebalancing);
        Assert.Null(resources.Named("events-msk").Options.IgnoreChanges);
        Assert.Empty(resources.OfSpec<ScalingTargetSpec>());
        Assert.Empty(resources.OfSpec<ScalingPolicySpec>());
        Assert.Equal("auto.create.topics.enable=false\nnum.partitions=3\n", resources.Spec<MskConfigurationSpec>("events-config").ServerProperties);
        Assert.All(resources.OfSpec<KafkaTopicSpec>(), t => Assert.Equal(3, Assert.IsType<KafkaTopicSpec>(t.Spec).ReplicationFactor));
    }

    [Fact]
    public void Serverless_declares_only_the_serverless_cluster_topics_and_iam()
    {
        var yaml = MskStacks.Prod
            .Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n", StringComparison.Ordinal);
        var resources = MskStacks.Build(yaml + MskStacks.KsqlGroup);

        Assert.Equal(
            [typeof(MskServerlessClusterSpec), typeof(KafkaProviderSpec), typeof(KafkaTopicSpec), typeof(IamPolicySpec), typeof(IamRoleSpec), typeof(RolePolicyAttachmentSpec)],
            resources.Select(r => r.Spec.GetType()).Distinct());
        var cluster = resources.Named("events-msk");
        var spec = Assert.IsType<MskServerlessClusterSpec>(cluster.Spec);
        Assert.Equal("events", spec.ClusterName);
        Assert.True(spec.ClientAuthentication.Sasl.Iam.Enabled);
        var vpc = Assert.Single(spec.VpcConfigs);
        Assert.Equal(["subnet-a", "subnet-b", "subnet-c"], vpc.SubnetIds);
        Assert.Equal(["sg-1"], vpc.SecurityGroupIds);
        Assert.True(cluster.Options.Protect);
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), resources.Spec<KafkaProviderSpec>("events-kafka").BootstrapServers);
    }

    [Fact]
    public void Dev_clusters_are_not_protected()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("environment: prod", "environment: dev", StringComparison.Ordinal));
        Assert.All(resources, r => Assert.False(r.Options.Protect));
        Assert.Equal("dev", resources.Spec<MskClusterSpec>("events-msk").Tags["environment"]);
    }

    public static TheoryData<string> Stacks => new()
    {
        MskStacks.Prod + MskStacks.ConnectGroup + MskStacks.KsqlGroup,
        Autoscaled,
        MskStacks.Prod.Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal).Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n", StringComparison.Ordinal) + MskStacks.ConnectGroup,
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Resources_come_dependencies_first_with_unique_cluster_prefixed_names(string yaml)
    {
        var resources = MskStacks.Build(yaml);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in resources)
        {
            Assert.StartsWith("events-", r.Name, StringComparison.Ordinal);
            Assert.Contains(r.Spec.GetType(), CloudSpecs.All);
            foreach (var reference in CloudJson.Refs(r.Spec))
            {
                Assert.True(seen.Contains(reference.Resource), $"{r.Name} references {reference.Resource}, declared later or not at all");
            }

            foreach (var dependency in (r.Options.DependsOn ?? []).Append(r.Options.Provider).OfType<string>())
            {
                Assert.True(seen.Contains(dependency), $"{r.Name} depends on {dependency}, declared later or not at all");
            }

            Assert.True(seen.Add(r.Name), $"duplicate name {r.Name}");
        }
    }

    [Fact]
    public void Building_twice_gives_identical_json()
    {
        var yaml = Autoscaled + MskStacks.ConnectGroup + MskStacks.KsqlGroup;
        var first = MskStacks.Build(yaml).Select(ManifestWriter.ToJson);
        var second = MskStacks.Build(yaml).Select(ManifestWriter.ToJson);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Desired_state_of_an_msk_stack_is_the_cloud_resources_and_the_workloads_on_eks()
    {
        var plan = MskStacks.Plan(MskStacks.Prod).GetOrThrow();
        var state = DesiredStateBuilder.Build(plan);
        Assert.Equal(KafkaInfra.Core.Desired.Kubernetes.MskWorkloads.Build(plan).Select(o => o.FileName), state.Kubernetes.Select(o => o.FileName));
        Assert.NotEmpty(state.Kubernetes);
        Assert.Equal(MskCloudResources.Build(plan).Select(r => r.Name), state.Cloud.Select(r => r.Name));
    }

    [Fact]
    public void Only_msk_plans_build_msk_resources()
    {
        var strimzi = CapacityPlanner.Plan(MskStacks.Raw("""
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 500
                strimzi: {}

            """)).GetOrThrow();
        Assert.Equal("MskCloudResources needs an msk: stack (Parameter 'plan')", Assert.Throws<ArgumentException>(() => MskCloudResources.Build(strimzi)).Message);
    }

    [Theory]
    [InlineData("3.9.x", "3.9.0")]
    [InlineData("4.1.x.kraft", "4.1.0")]
    [InlineData("3.6.0", "3.6.0")]
    [InlineData("3.7", "3.7.0")]
    public void Provider_protocol_version_comes_from_the_msk_version(string msk, string protocol) =>
        Assert.Equal(protocol, MskCloudResources.ProtocolVersion(msk));
}
