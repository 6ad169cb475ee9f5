using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
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

        Assert.Equal(MskTypes.Cluster, cluster.Type);
        Assert.Equal("msk", cluster.Component);
        var p = cluster.Properties;
        Assert.Equal("events", p["clusterName"]);
        Assert.Equal("3.9.x", p["kafkaVersion"]);
        Assert.Equal(plan.Cluster.Brokers, p["numberOfBrokerNodes"]);
        Assert.Equal(3, p["numberOfBrokerNodes"]);
        Assert.Equal("kafka.m7g.large", p.At("brokerNodeGroupInfo.instanceType"));
        Assert.Equal(new object[] { "subnet-a", "subnet-b", "subnet-c" }, p.At("brokerNodeGroupInfo.clientSubnets"));
        Assert.Equal(new object[] { "sg-1" }, p.At("brokerNodeGroupInfo.securityGroups"));
        Assert.Equal(1000, p.At("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"));
        Assert.Null(p.At("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.provisionedThroughput"));
        Assert.Null(p["rebalancing"]);
        Assert.Equal(new ResourceRef("events-config", "arn"), p.At("configurationInfo.arn"));
        Assert.Equal(new ResourceRef("events-config", "latestRevision"), p.At("configurationInfo.revision"));
        Assert.Equal(true, p.At("openMonitoring.prometheus.jmxExporter.enabledInBroker"));
        Assert.Equal(true, p.At("openMonitoring.prometheus.nodeExporter.enabledInBroker"));
        Assert.Equal(true, p.At("loggingInfo.brokerLogs.cloudwatchLogs.enabled"));
        Assert.Equal(new ResourceRef("events-broker-logs", "name"), p.At("loggingInfo.brokerLogs.cloudwatchLogs.logGroup"));
        Assert.Equal([new("kafka-infra", "true"), new("cluster", "events"), new("environment", "prod")], p.Child("tags").Select(kv => new KeyValuePair<string, string>(kv.Key, (string)kv.Value)));
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
        var config = resources.Named("events-config");
        Assert.Equal(MskTypes.Configuration, config.Type);
        Assert.Equal("events-config", config.Properties["name"]);
        Assert.False(config.Properties.ContainsKey("kafkaVersions"));
        Assert.Equal(
            "auto.create.topics.enable=false\ndefault.replication.factor=2\nmin.insync.replicas=1\nnum.partitions=3\nunclean.leader.election.enable=false\n",
            config.Properties["serverProperties"]);
    }

    [Fact]
    public void Kms_key_is_created_with_rotation_unless_a_key_arn_is_given()
    {
        var created = MskStacks.Build(MskStacks.Prod);
        var key = created.Named("events-kms");
        Assert.Equal(MskTypes.KmsKey, key.Type);
        Assert.Equal(true, key.Properties["enableKeyRotation"]);
        Assert.True(key.Options.Protect);
        Assert.Equal(new ResourceRef("events-kms", "arn"), created.Named("events-msk").Properties.At("encryptionInfo.encryptionAtRestKmsKeyArn"));

        const string arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var given = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", $"      region: eu-west-1\n      kmsKeyArn: {arn}\n", StringComparison.Ordinal));
        Assert.Empty(given.OfType(MskTypes.KmsKey));
        Assert.Equal(arn, given.Named("events-msk").Properties.At("encryptionInfo.encryptionAtRestKmsKeyArn"));
    }

    [Fact]
    public void Log_group_keeps_broker_logs_for_the_configured_days()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      logRetentionDays: 14\n", StringComparison.Ordinal));
        var logs = resources.Named("events-broker-logs");
        Assert.Equal(MskTypes.LogGroup, logs.Type);
        Assert.Equal("/aws/msk/events/brokers", logs.Properties["name"]);
        Assert.Equal(14, logs.Properties["retentionInDays"]);
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
        var extra = authentication == "tls"
            ? "      certificateAuthorityArns: [arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca-1]\n"
            : "";
        var yaml = MskStacks.Prod
            .Replace("environment: prod", "environment: " + environment, StringComparison.Ordinal)
            .Replace("      region: eu-west-1\n", $"      region: eu-west-1\n      authentication: {authentication}\n{extra}", StringComparison.Ordinal);
        var p = MskStacks.Build(yaml).Named("events-msk").Properties;

        Assert.Equal("TLS", p.At("encryptionInfo.encryptionInTransit.clientBroker"));
        Assert.Equal(true, p.At("encryptionInfo.encryptionInTransit.inCluster"));
        Assert.Equal(false, p.At("clientAuthentication.unauthenticated"));
        var auth = p.Child("clientAuthentication");
        Assert.Equal(2, auth.Count);
        if (enabledPath == "tls")
        {
            Assert.Equal(new object[] { "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca-1" }, auth.At("tls.certificateAuthorityArns"));
        }
        else
        {
            Assert.Equal(true, auth.At(enabledPath));
            Assert.Single(auth.Child("sasl"));
        }
    }

    [Fact]
    public void Provisioned_throughput_is_set_only_when_configured()
    {
        var resources = MskStacks.Build(MskStacks.Prod
            .Replace("kafka.m7g.large", "kafka.m7g.4xlarge", StringComparison.Ordinal)
            .Replace("      region: eu-west-1\n", "      region: eu-west-1\n      provisionedThroughputMiBps: 500\n", StringComparison.Ordinal));
        var throughput = resources.Named("events-msk").Properties.At("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.provisionedThroughput");
        Assert.Equal(new Tree { ["enabled"] = true, ["volumeThroughput"] = 500 }.Select(kv => kv), ((Tree)throughput!).Select(kv => kv));
    }

    [Fact]
    public void Storage_autoscaling_targets_the_cluster_from_storageGiB_to_maxGiB_on_storage_utilization()
    {
        var resources = MskStacks.Build(Autoscaled);
        var target = resources.Named("events-storage-scaling");
        Assert.Equal(MskTypes.ScalingTarget, target.Type);
        Assert.Equal("kafka", target.Properties["serviceNamespace"]);
        Assert.Equal("kafka:broker-storage:VolumeSize", target.Properties["scalableDimension"]);
        Assert.Equal(new ResourceRef("events-msk", "arn"), target.Properties["resourceId"]);
        Assert.Equal(1000, target.Properties["minCapacity"]);
        Assert.Equal(4000, target.Properties["maxCapacity"]);

        var policy = resources.Named("events-storage-scaling-policy");
        Assert.Equal(MskTypes.ScalingPolicy, policy.Type);
        Assert.Equal("TargetTrackingScaling", policy.Properties["policyType"]);
        Assert.Equal(new ResourceRef("events-storage-scaling", "resourceId"), policy.Properties["resourceId"]);
        Assert.Equal("kafka", policy.Properties["serviceNamespace"]);
        Assert.Equal("kafka:broker-storage:VolumeSize", policy.Properties["scalableDimension"]);
        Assert.Equal("KafkaBrokerStorageUtilization", policy.Properties.At("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Equal(55d, Assert.IsType<double>(policy.Properties.At("targetTrackingScalingPolicyConfiguration.targetValue")));
        Assert.Equal(true, policy.Properties.At("targetTrackingScalingPolicyConfiguration.disableScaleIn"));
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

        Assert.Equal(storage, cluster.Properties.At("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"));
        Assert.Equal(autoscaling, resources.OfType(MskTypes.ScalingTarget).Count == 1);
        if (autoscaling)
        {
            Assert.Equal(storage, resources.Named("events-storage-scaling").Properties["minCapacity"]);
        }
    }

    [Fact]
    public void Express_brokers_have_no_storage_and_turn_on_intelligent_rebalancing()
    {
        var yaml = MskStacks.Prod
            .Replace("    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("kafka.m7g.large", "express.m7g.large", StringComparison.Ordinal);
        var resources = MskStacks.Build(yaml);
        var p = resources.Named("events-msk").Properties;

        Assert.Equal("express.m7g.large", p.At("brokerNodeGroupInfo.instanceType"));
        Assert.Null(p.At("brokerNodeGroupInfo.storageInfo"));
        Assert.Equal("ACTIVE", p.At("rebalancing.status"));
        Assert.Null(resources.Named("events-msk").Options.IgnoreChanges);
        Assert.Empty(resources.OfType(MskTypes.ScalingTarget));
        Assert.Empty(resources.OfType(MskTypes.ScalingPolicy));
        Assert.Equal("auto.create.topics.enable=false\nnum.partitions=3\n", resources.Named("events-config").Properties["serverProperties"]);
        Assert.All(resources.OfType(MskTypes.Topic), t => Assert.Equal(3, t.Properties["replicationFactor"]));
    }

    [Fact]
    public void Serverless_declares_only_the_serverless_cluster_topics_and_iam()
    {
        var yaml = MskStacks.Prod
            .Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal)
            .Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n", StringComparison.Ordinal);
        var resources = MskStacks.Build(yaml + MskStacks.KsqlGroup);

        Assert.Equal(
            [MskTypes.ServerlessCluster, MskTypes.KafkaProvider, MskTypes.Topic, MskTypes.IamPolicy, MskTypes.IamRole, MskTypes.RolePolicyAttachment],
            resources.Select(r => r.Type).Distinct());
        var cluster = resources.Named("events-msk");
        Assert.Equal(MskTypes.ServerlessCluster, cluster.Type);
        Assert.Equal("events", cluster.Properties["clusterName"]);
        Assert.Equal(true, cluster.Properties.At("clientAuthentication.sasl.iam.enabled"));
        var vpc = Assert.IsType<Tree>(Assert.Single((IReadOnlyList<object>)cluster.Properties["vpcConfigs"]!));
        Assert.Equal(new object[] { "subnet-a", "subnet-b", "subnet-c" }, vpc["subnetIds"]);
        Assert.Equal(new object[] { "sg-1" }, vpc["securityGroupIds"]);
        Assert.True(cluster.Options.Protect);
        Assert.Equal(new ResourceRef("events-msk", "bootstrapBrokersSaslIam", "{0:list}"), resources.Named("events-kafka").Properties["bootstrapServers"]);
    }

    [Fact]
    public void Dev_clusters_are_not_protected()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("environment: prod", "environment: dev", StringComparison.Ordinal));
        Assert.All(resources, r => Assert.False(r.Options.Protect));
        Assert.Equal("dev", resources.Named("events-msk").Properties.At("tags.environment"));
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
            Assert.Contains(r.Type, MskTypes.All);
            foreach (var reference in MskStacks.Refs(r.Properties))
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
