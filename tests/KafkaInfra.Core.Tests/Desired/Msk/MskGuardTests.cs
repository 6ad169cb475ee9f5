using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>Plan-time errors of msk: stacks: each is reported before any resource is built, with its key path and the value received.</summary>
public class MskGuardTests
{
    private static string WithMsk(string line) =>
        MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n" + line + "\n", StringComparison.Ordinal);

    private static string Express(string extraMsk = "") => MskStacks.Prod
        .Replace("kafka.m7g.large", "express.m7g.large", StringComparison.Ordinal)
        .Replace("      region: eu-west-1\n", "      region: eu-west-1\n" + extraMsk, StringComparison.Ordinal);

    private static string Serverless(string extraMsk = "") => MskStacks.Prod
        .Replace("    brokers: 3\n    storageGiB: 1000\n", "", StringComparison.Ordinal)
        .Replace("      instanceType: kafka.m7g.large\n", "      serverless: true\n" + extraMsk, StringComparison.Ordinal);

    private static void AssertErrors(string yaml, params string[] expected) => AssertErrors(yaml, null, expected);

    private static void AssertErrors(string yaml, DeployedState? deployed, params string[] expected)
    {
        var result = MskStacks.Plan(yaml, deployed);
        Assert.Null(result.Plan);
        Assert.Equal(expected, MskStacks.Lines(result.Errors));
    }

    [Fact]
    public void Serverless_topics_refuse_configs_msk_serverless_does_not_let_a_topic_set() =>
        AssertErrors(
            Serverless().Replace("      messagesPerSecondPerConsumer: 100\n    - name: payments", "      messagesPerSecondPerConsumer: 100\n      config:\n        segment.bytes: \"1073741824\"\n        compression.type: lz4\n    - name: payments", StringComparison.Ordinal),
            "kafka-infra:topics[0].config.segment.bytes: got \"1073741824\", but segment.bytes cannot be set on MSK Serverless topics; the settable configs are cleanup.policy, compression.type, max.message.bytes, message.timestamp.difference.max.ms, message.timestamp.type, retention.bytes, retention.ms");

    [Fact]
    public void Ksqldb_on_iam_needs_an_image_with_the_msk_iam_library() =>
        // cp-ksqldb-server does not ship aws-msk-iam-auth (platform-facts.md 8.4).
        AssertErrors(
            MskStacks.Prod + "  kafka-infra:ksqldb:\n    - name: analytics\n      topics: [orders]\n    - name: reports\n      image: confluentinc/cp-ksqldb-server:7.9.0\n",
            "kafka-infra:ksqldb[0].image: is required on MSK IAM stacks (the default is confluentinc/cp-ksqldb-server:8.0.0): the cp-ksqldb-server image does not ship the aws-msk-iam-auth library that MSK IAM authentication needs; build an image that adds aws-msk-iam-auth to the ksqlDB classpath and set its name here",
            "kafka-infra:ksqldb[1].image: got \"confluentinc/cp-ksqldb-server:7.9.0\", which cannot authenticate to MSK with IAM: the cp-ksqldb-server image does not ship the aws-msk-iam-auth library that MSK IAM authentication needs; build an image that adds aws-msk-iam-auth to the ksqlDB classpath and set its name here");

    [Fact]
    public void Ksqldb_on_scram_may_use_the_default_image() =>
        Assert.NotNull(MskStacks.Plan(WithMsk("      authentication: scram") + "  kafka-infra:ksqldb:\n    - name: analytics\n      topics: [orders]\n").Plan);

    [Fact]
    public void Express_brokers_need_exactly_three_client_subnets()
    {
        // Express brokers need three subnets in three Availability Zones (platform-facts.md 8.4).
        var result = MskStacks.Plan(Express().Replace("[subnet-a, subnet-b, subnet-c]", "[subnet-a, subnet-b]", StringComparison.Ordinal).Replace("brokers: 3", "brokers: 2", StringComparison.Ordinal));
        Assert.Null(result.Plan);
        Assert.Contains("kafka-infra:cluster.msk.clientSubnets: must list exactly 3 subnets in three Availability Zones for Express brokers (express.m7g.large), got 2", MskStacks.Lines(result.Errors));
        Assert.DoesNotContain(MskStacks.Lines(MskStacks.Plan(Express()).Errors), e => e.Contains("clientSubnets", StringComparison.Ordinal));
    }

    [Fact]
    public void Brokers_must_be_a_multiple_of_the_client_subnets() =>
        AssertErrors(MskStacks.Prod.Replace("brokers: 3", "brokers: 4", StringComparison.Ordinal),
            "kafka-infra:cluster.brokers: must be a multiple of the 3 client subnets (MSK puts the same number of brokers in each Availability Zone); got 4. Use 3 or 6");

    [Fact]
    public void Fewer_brokers_need_the_drain_acknowledged()
    {
        var deployed = new DeployedState(new Dictionary<string, int>(), Brokers: 6);
        var refused = Assert.Single(MskStacks.Plan(MskStacks.Prod, deployed).Errors);
        Assert.Equal("kafka-infra:cluster.brokers", refused.Path);
        Assert.StartsWith("decreases from 6 to 3: MSK removes a broker only once no partition replica is left on it. Move the replicas off the 3 brokers being removed first (`kafka-infra rebalance --current <current.json>", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("then set cluster.msk.brokersDrained: true to acknowledge it", refused.Message, StringComparison.Ordinal);
        Assert.True(MskStacks.Plan(WithMsk("      brokersDrained: true"), deployed).IsValid);
    }

    [Fact]
    public void Storage_never_shrinks_even_with_autoscaling() =>
        AssertErrors(WithMsk("      storageAutoscaling:\n        maxGiB: 4000"), new DeployedState(new Dictionary<string, int>(), StorageGiB: 2000),
            "kafka-infra:cluster.storageGiB: decreases from 2000 to 1000 GiB: broker storage can only grow (neither Kafka volumes on Kubernetes nor MSK EBS volumes can shrink)");

    [Fact]
    public void Autoscaling_needs_room_above_storageGiB() =>
        AssertErrors(WithMsk("      storageAutoscaling:\n        maxGiB: 1000"),
            "kafka-infra:cluster.msk.storageAutoscaling.maxGiB: must be greater than storageGiB (1000) so auto-scaling has room to grow; got 1000");

    [Fact]
    public void Autoscaling_max_is_msks_volume_limit() =>
        AssertErrors(WithMsk("      storageAutoscaling:\n        maxGiB: 20000"),
            "kafka-infra:cluster.msk.storageAutoscaling.maxGiB: must be <= 16384, got 20000");

    [Fact]
    public void Express_brokers_take_no_storage_settings() =>
        AssertErrors(Express("      storageAutoscaling:\n        maxGiB: 4000\n      provisionedThroughputMiBps: 500\n"),
            "kafka-infra:cluster.msk.storageAutoscaling: must not be set for Express brokers: their storage scales automatically",
            "kafka-infra:cluster.msk.provisionedThroughputMiBps: must not be set for Express brokers: they have no EBS volumes",
            "kafka-infra:cluster.storageGiB: must not be set for Express brokers: MSK Express storage is pay-as-you-go and managed by AWS");

    [Fact]
    public void Serverless_takes_no_broker_or_storage_settings() =>
        AssertErrors(
            Serverless("      instanceType: kafka.m7g.large\n      storageAutoscaling:\n        maxGiB: 4000\n      provisionedThroughputMiBps: 500\n      brokersDrained: true\n")
                .Replace("    kafkaVersion: 3.9.x\n", "    kafkaVersion: 3.9.x\n    brokers: 3\n    storageGiB: 1000\n", StringComparison.Ordinal),
            "kafka-infra:cluster.msk.instanceType: must not be set for MSK Serverless: AWS manages brokers and storage itself",
            "kafka-infra:cluster.msk.storageAutoscaling: must not be set for MSK Serverless: AWS manages brokers and storage itself",
            "kafka-infra:cluster.msk.provisionedThroughputMiBps: must not be set for MSK Serverless: AWS manages brokers and storage itself",
            "kafka-infra:cluster.msk.brokersDrained: must not be set for MSK Serverless: AWS manages brokers and storage itself",
            "kafka-infra:cluster.brokers: must not be set for MSK Serverless: AWS manages brokers, storage and partitions-per-broker itself",
            "kafka-infra:cluster.storageGiB: must not be set for MSK Serverless: AWS manages brokers, storage and partitions-per-broker itself");

    [Fact]
    public void Serverless_is_iam_only() =>
        AssertErrors(Serverless("      authentication: scram\n"),
            "kafka-infra:cluster.msk.authentication: must be iam for MSK Serverless (the only mechanism it supports); got \"scram\"");

    [Fact]
    public void Partition_replicas_per_broker_stay_under_the_instance_types_maximum() =>
        AssertErrors(MskStacks.Prod.Replace("kafka.m7g.large", "kafka.t3.small", StringComparison.Ordinal).Replace("      messagesPerSecondPerConsumer: 100\n", "      partitions: 300\n", StringComparison.Ordinal),
            "kafka-infra:cluster.msk.instanceType: 650 partition replicas per broker exceed kafka.t3.small's maximum of 300, above which MSK blocks configuration updates and broker-size changes; 7 brokers are needed, or a larger type");

    [Theory]
    [InlineData("clientBroker: TLS_PLAINTEXT", "kafka-infra:cluster.msk.clientBroker")]
    [InlineData("unauthenticated: true", "kafka-infra:cluster.msk.unauthenticated")]
    [InlineData("plaintext: true", "kafka-infra:cluster.msk.plaintext")]
    public void Plaintext_or_unauthenticated_access_cannot_be_configured(string setting, string path)
    {
        var result = MskStacks.Plan(WithMsk("      " + setting));
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_authentication_needs_the_certificate_authorities() =>
        AssertErrors(WithMsk("      authentication: tls"),
            "kafka-infra:cluster.msk.certificateAuthorityArns: is required when authentication lists tls: MSK trusts client certificates issued by these AWS Private CAs; expected a list of certificate-authority ARNs",
            "kafka-infra:cluster.msk.adminPrincipal: is required when authentication is tls only: the deployer's certificate principal (User:CN=...) gets the ACLs to manage topics and ACLs once MSK denies principals without ACLs");

    [Fact]
    public void Certificate_authorities_apply_to_tls_only_and_must_be_private_ca_arns() =>
        AssertErrors(WithMsk("      certificateAuthorityArns: [arn:aws:acm:eu-west-1:123456789012:certificate/x]"),
            "kafka-infra:cluster.msk.certificateAuthorityArns[0]: must be an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>), got \"arn:aws:acm:eu-west-1:123456789012:certificate/x\"",
            "kafka-infra:cluster.msk.certificateAuthorityArns: applies only when authentication lists tls (mutual TLS); authentication is \"iam\"");

    [Fact]
    public void Msk_connect_needs_a_plugin() =>
        AssertErrors(MskStacks.Prod + MskStacks.ConnectGroup.Replace("      plugin:\n        s3BucketArn: arn:aws:s3:::plugins\n        s3FileKey: s3-sink.zip\n", "", StringComparison.Ordinal),
            "kafka-infra:connect[0].plugin: is required on msk: stacks: MSK Connect runs connectors from a plugin archive in S3; set plugin: { s3BucketArn: arn:aws:s3:::<bucket>, s3FileKey: <key of the .zip or .jar>, contentType: ZIP | JAR }");

    [Fact]
    public void Plugin_settings_are_checked() =>
        AssertErrors(MskStacks.Prod + MskStacks.ConnectGroup
                .Replace("arn:aws:s3:::plugins", "plugins", StringComparison.Ordinal)
                .Replace("        s3FileKey: s3-sink.zip\n", "        contentType: TAR\n", StringComparison.Ordinal),
            "kafka-infra:connect[0].plugin.s3BucketArn: must be an S3 bucket ARN (arn:aws:s3:::<bucket>), got \"plugins\"",
            "kafka-infra:connect[0].plugin.s3FileKey: is required; expected the object key of the plugin archive in the bucket",
            "kafka-infra:connect[0].plugin.contentType: must be one of ZIP, JAR; got \"TAR\"");

    [Fact]
    public void Msk_connect_needs_iam_authentication() =>
        AssertErrors(WithMsk("      authentication: scram") + MskStacks.ConnectGroup,
            "kafka-infra:cluster.msk.authentication: must include iam when kafka-infra:connect lists worker groups: MSK Connect reaches MSK only with IAM or unauthenticated, and kafka-infra never allows unauthenticated access; got \"scram\". Add iam to the list (e.g. [scram, iam] keeps scram the clients' default)");

    [Fact]
    public void Msk_connect_runs_at_most_ten_workers_per_connector() =>
        AssertErrors(MskStacks.Prod + MskStacks.ConnectGroup.Replace("replicas: 2\n      maxReplicas: 6", "replicas: 11\n      maxReplicas: 12", StringComparison.Ordinal),
            "kafka-infra:connect[0].replicas: must be <= 10 on msk: stacks (MSK Connect runs 1-10 workers per connector); got 11",
            "kafka-infra:connect[0].maxReplicas: must be <= 10 on msk: stacks (MSK Connect auto scaling runs 1-10 workers per connector); got 12");

    [Theory]
    [InlineData("consumers[0]", "      maxReplicas: 10\n", "      maxReplicas: 10\n      awsRoleArn: order-service\n", "")]
    [InlineData("connect[0]", "      replicas: 2\n", "      replicas: 2\n      awsRoleArn: order-service\n", MskStacks.ConnectGroup)]
    [InlineData("ksqldb[0]", "      topics: [orders]\n", "      topics: [orders]\n      awsRoleArn: order-service\n", MskStacks.KsqlGroup)]
    public void Role_arns_must_be_iam_role_arns(string entry, string anchor, string replacement, string extra) =>
        AssertErrors((MskStacks.Prod + extra).Replace(anchor, replacement, StringComparison.Ordinal),
            $"kafka-infra:{entry}.awsRoleArn: must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>), got \"order-service\"");
}

public class MskWarningTests
{
    [Fact]
    public void Raising_storage_under_autoscaling_warns_how_the_new_size_is_applied()
    {
        var yaml = MskStacks.Prod
            .Replace("storageGiB: 1000", "storageGiB: 1500", StringComparison.Ordinal)
            .Replace("      region: eu-west-1\n", "      region: eu-west-1\n      storageAutoscaling:\n        maxGiB: 4000\n", StringComparison.Ordinal);
        var result = MskStacks.Plan(yaml, new DeployedState(new Dictionary<string, int>(), StorageGiB: 1000));
        Assert.True(result.IsValid);
        Assert.Contains(
            "kafka-infra:cluster.storageGiB: grows from 1000 to 1500 GiB with storage auto scaling on: this run applies 1500 GiB to every broker (the volume size is not ignored for this one run) and raises the auto-scaling minimum. If auto scaling has already grown the volumes beyond 1500 GiB, MSK refuses the smaller size: check the current size first (`pulumi preview --refresh` shows it) and set storageGiB at or above it",
            MskStacks.Lines(result.Warnings));
        Assert.DoesNotContain(MskStacks.Lines(MskStacks.Plan(yaml, new DeployedState(new Dictionary<string, int>(), StorageGiB: 1500)).Warnings), w => w.StartsWith("kafka-infra:cluster.storageGiB: grows", StringComparison.Ordinal));
    }

    [Fact]
    public void Msk_only_settings_on_a_strimzi_stack_are_reported_as_ignored()
    {
        var yaml = """
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 500
                strimzi: {}
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 100
                  messagesPerSecondPerConsumer: 50
              kafka-infra:consumers:
                - name: order-service
                  topic: orders
                  maxReplicas: 2
                  awsRoleArn: arn:aws:iam::123456789012:role/a
              kafka-infra:connect:
                - name: sinks
                  awsRoleArn: arn:aws:iam::123456789012:role/b
                  plugin: { s3BucketArn: "arn:aws:s3:::plugins", s3FileKey: a.zip }
              kafka-infra:ksqldb:
                - name: analytics
                  awsRoleArn: arn:aws:iam::123456789012:role/c

            """;
        var warnings = MskStacks.Lines(MskStacks.Plan(yaml).GetOrThrow().Warnings);
        Assert.Contains("kafka-infra:consumers[0].awsRoleArn: applies to msk: stacks only (IAM access to MSK); ignored on Strimzi", warnings);
        Assert.Contains("kafka-infra:connect[0].awsRoleArn: applies to msk: stacks only (the MSK Connect service execution role); ignored on Strimzi", warnings);
        Assert.Contains("kafka-infra:connect[0].plugin: applies to msk: stacks only (the MSK Connect custom plugin); on Strimzi connectors come from the Connect image; ignored", warnings);
        Assert.Contains("kafka-infra:ksqldb[0].awsRoleArn: applies to msk: stacks only (IAM access to MSK); ignored on Strimzi", warnings);
    }
}
