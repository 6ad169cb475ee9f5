using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

public class StackConfigLoaderTests
{
    private const string Topic = """
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500

        """;

    public static TheoryData<string, string> InvalidConfigs => new()
    {
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                - name: b
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                - name: c
                  messagesPerSecond: -5
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[2].messagesPerSecond: must be > 0, got -5"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                  partitions: 0
            """,
            "kafka-infra:topics[0].partitions: must be >= 1, got 0"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: "many"
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[0].messagesPerSecond: must be an integer, got \"many\""
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 99999999999999999999999999
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[0].messagesPerSecond: must be <= 1000000000, got 99999999999999999999999999"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 2.5
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[0].messagesPerSecond: must be an integer, got 2.5"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: télémétrie
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[0].name: must contain only ASCII letters, digits, '.', '_' and '-' (Kafka topic name rules), got \"télémétrie\""
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                  partitons: 3
            """,
            "kafka-infra:topics[0].partitons: unknown key; did you mean 'partitions'?"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: svc
                  topic: order
                  maxReplicas: 3
            """,
            "kafka-infra:consumers[0].topic: names topic \"order\", which is not in kafka-infra:topics; did you mean \"orders\"?"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: svc
                  topic: orders
            """,
            "kafka-infra:consumers[0].maxReplicas: is required; expected an integer >= 1"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: Order_Service
                  topic: orders
                  maxReplicas: 3
            """,
            "kafka-infra:consumers[0].name: must be a valid Kubernetes name (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Order_Service\""
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: svc
                  topic: orders
                  minReplicas: 5
                  maxReplicas: 3
            """,
            "kafka-infra:consumers[0].minReplicas: must be <= maxReplicas (3), got 5"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: svc
                  topic: orders
                  maxReplicas: 3
                  kind: KafkaConnector
            """,
            "kafka-infra:consumers[0].kind: must not be KafkaConnector: its scale subresource has no label selector, so KEDA and the HPA cannot scale it; scale the KafkaConnect workers instead (kafka-infra:connect[].maxReplicas)"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:connect:
                - name: sinks
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [payments]
            """,
            "kafka-infra:connect[0].connectors[0].topics[0]: names topic \"payments\", which is not in kafka-infra:topics"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:connect:
                - name: sinks
                  maxReplicas: 4
                  connectors:
                    - name: importer
                      class: io.debezium.connector.postgresql.PostgresConnector
            """,
            "kafka-infra:connect[0].maxReplicas: needs at least one sink connector in the group: KEDA scales Connect workers on the lag of their sink connectors' consumer groups"
        },
        {
            TestStacks.StrimziCluster + Topic + """
              kafka-infra:connect:
                - name: sinks
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
                      config: { tasks.max: "9" }
            """,
            "kafka-infra:connect[0].connectors[0].config.tasks.max: must not be set in config: it comes from the connector's own fields (name, class, tasksMax)"
        },
        {
            """
              kafka-infra:environment: Staging

            """ + TestStacks.StrimziCluster,
            "kafka-infra:environment: must be dev or prod, or another lowercase name (letters, digits, '-') with kafka-infra:environmentRules: dev or prod; got \"Staging\""
        },
        {
            """
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
            """,
            "kafka-infra:cluster: must set exactly one of 'strimzi' (Kafka on Kubernetes), 'msk' (Amazon MSK) or 'external' (a cluster this stack does not own), got none"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 100
                strimzi: {}
                msk: { instanceType: kafka.m7g.large, clientSubnets: [a, b, c], securityGroups: [sg] }
            """,
            "kafka-infra:cluster: must set exactly one of 'strimzi', 'msk' or 'external', got 'strimzi' and 'msk'"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                brokerz: 3
                storageGiB: 100
                strimzi: {}
            """,
            "kafka-infra:cluster.brokerz: unknown key; did you mean 'brokers'?"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                kafkaVersion: "3.7.0"
                brokers: 3
                storageGiB: 100
                strimzi: {}
            """,
            "kafka-infra:cluster.kafkaVersion: must be a Kafka version Strimzi 1.2 runs (4.2.0, 4.2.1, 4.3.0, 4.3.1); got \"3.7.0\""
        },
        {
            """
              kafka-infra:cluster:
                name: events
                storageGiB: 100
                strimzi: {}
            """,
            "kafka-infra:cluster.brokers: is required; expected an integer >= 1"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                kafkaVersion: 3.9.x
                brokers: 3
                storageGiB: 100
                msk:
                  instanceType: kafka.m7g.lrage
                  clientSubnets: [a, b, c]
                  securityGroups: [sg]
            """,
            "kafka-infra:cluster.msk.instanceType: must be an MSK broker type (did you mean 'kafka.m7g.large'?); got \"kafka.m7g.lrage\""
        },
        {
            """
              kafka-infra:cluster:
                name: events
                kafkaVersion: 3.9.x
                brokers: 3
                msk:
                  instanceType: express.m7g.large
                  clientSubnets: [a, b, c]
                  securityGroups: [sg]
                  storageAutoscaling: { maxGiB: 2000 }
            """,
            "kafka-infra:cluster.msk.storageAutoscaling: must not be set for Express brokers: their storage scales automatically"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                kafkaVersion: 3.9.x
                brokers: 3
                storageGiB: 100
                msk:
                  serverless: true
                  clientSubnets: [a, b, c]
                  securityGroups: [sg]
            """,
            "kafka-infra:cluster.brokers: must not be set for MSK Serverless: AWS manages brokers, storage and partitions-per-broker itself"
        },
        {
            """
              kafka-infra:cluster:
                name: events
                kafkaVersion: 3.9.x
                brokers: 3
                storageGiB: 100
                msk:
                  instanceType: kafka.m7g.large
                  clientSubnets: [a, b, c]
                  securityGroups: [sg]
                  logRetentionDays: 10
            """,
            "kafka-infra:cluster.msk.logRetentionDays: must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got 10"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a.b
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                - name: a_b
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
            """,
            "kafka-infra:topics[1].name: collides with kafka-infra:topics[0].name \"a.b\": Kafka treats '.' and '_' alike in metric names and refuses to create both"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 1
                  messagesPerSecondPerConsumer: 1
                  config: { retention.ms: "1000" }
            """,
            "kafka-infra:topics[0].config.retention.ms: got \"1000\", but retention.ms is set by the topic's retentionHours or retentionMs (or topicDefaults.retentionHours); set it there instead"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topicz: []
            """,
            "kafka-infra:topicz: unknown key; did you mean 'topics'?"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics: {}
            """,
            "kafka-infra:topics: must be a list, got a mapping"
        },
        {
            TestStacks.StrimziCluster + """
              kafka-infra:topics:
                - orders
            """,
            "kafka-infra:topics[0]: must be a mapping, got \"orders\""
        },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Invalid_config_reports_the_key_path_and_the_value_received(string config, string expected)
    {
        var result = TestStacks.Load(config);

        Assert.False(result.IsValid);
        Assert.Contains(expected, TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var result = TestStacks.Load("""
              kafka-infra:environment: Staging
              kafka-infra:cluster:
                name: Events
                brokers: 0
                storageGiB: 100
                strimzi: {}
              kafka-infra:topics:
                - name: a
                  messagesPerSecond: 0
                  messagesPerSecondPerConsumer: 1
              kafka-infra:consumers:
                - name: svc
                  topic: missing
                  maxReplicas: 2
            """);

        Assert.Equal(
            [
                "kafka-infra:environment: must be dev or prod, or another lowercase name (letters, digits, '-') with kafka-infra:environmentRules: dev or prod; got \"Staging\"",
                "kafka-infra:cluster.name: must be a valid Kubernetes name (lower-case letters, digits and '-', starting and ending with a letter or digit), got \"Events\"",
                "kafka-infra:cluster.brokers: must be >= 1, got 0",
                "kafka-infra:topics[0].messagesPerSecond: must be > 0, got 0",
                "kafka-infra:consumers[0].topic: names topic \"missing\", which is not in kafka-infra:topics",
            ],
            TestStacks.Lines(result.Errors));
        Assert.Null(result.Config);
    }

    [Fact]
    public void Msk_cross_field_rules_are_reported_with_the_other_config_errors()
    {
        var result = TestStacks.Load(TestStacks.MskCluster.Replace("brokers: 3", "brokers: 4", StringComparison.Ordinal)
            .Replace("securityGroups: [sg-1]", "securityGroups: [sg-1]\n      storageAutoscaling: { maxGiB: 20000 }", StringComparison.Ordinal));

        Assert.Equal(
            [
                "kafka-infra:cluster.msk.storageAutoscaling.maxGiB: must be <= 16384, got 20000",
                "kafka-infra:cluster.brokers: must be a multiple of the 3 client subnets (MSK puts the same number of brokers in each Availability Zone); got 4. Use 3 or 6",
            ],
            TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Missing_cluster_is_an_error_with_what_is_expected()
    {
        var result = StackConfigLoader.Load(new Dictionary<string, string?> { ["kafka-infra:environment"] = "dev" });

        Assert.Equal(["kafka-infra:cluster: is required; expected a mapping with name, brokers, storageGiB and one of strimzi:, msk: or external:"], TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Structured_key_given_as_plain_text_says_how_to_set_it()
    {
        var result = StackConfigLoader.Load(new Dictionary<string, string?> { ["kafka-infra:environment"] = "dev", ["kafka-infra:cluster"] = "events" });

        Assert.Equal(["kafka-infra:cluster: must be a mapping (structured config: write it as YAML in Pulumi.<stack>.yaml or set it with `pulumi config set --path`), got \"events\""], TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Keys_of_other_namespaces_are_ignored()
    {
        var raw = new Dictionary<string, string?>(TestStacks.Raw(TestStacks.StrimziCluster)) { ["aws:region"] = "eu-west-1", ["kubernetes:context"] = "kind" };

        Assert.True(StackConfigLoader.Load(raw).IsValid);
    }

    [Fact]
    public void Raw_values_from_pulumi_config_load_the_same_as_from_the_stack_file()
    {
        // What Pulumi.Config.Get returns for structured keys: compact JSON text.
        var raw = new Dictionary<string, string?>
        {
            ["kafka-infra:environment"] = "prod",
            ["kafka-infra:cluster"] = """{"name":"events","brokers":3,"storageGiB":500,"strimzi":{"controllers":3}}""",
            ["kafka-infra:topics"] = """[{"name":"orders","messagesPerSecond":1000,"messagesPerSecondPerConsumer":500}]""",
        };
        var fromYaml = TestStacks.Raw("""
              kafka-infra:environment: prod
              kafka-infra:cluster:
                name: events
                brokers: 3
                storageGiB: 500
                strimzi:
                  controllers: 3
              kafka-infra:topics:
                - name: orders
                  messagesPerSecond: 1000
                  messagesPerSecondPerConsumer: 500
            """);

        var a = StackConfigLoader.Load(raw).GetOrThrow();
        var b = StackConfigLoader.Load(fromYaml).GetOrThrow();

        Assert.Equal(a.Environment, b.Environment);
        Assert.Equal(a.Cluster, b.Cluster with { Platform = a.Cluster.Platform });
        Assert.Equal(a.Cluster.Strimzi, b.Cluster.Strimzi);
        Assert.Equal(a.Topics[0].Name, b.Topics[0].Name);
        Assert.Equal(a.Topics[0].MessagesPerSecond, b.Topics[0].MessagesPerSecond);
    }

    [Fact]
    public void GetOrThrow_throws_with_every_error_in_the_message()
    {
        var result = TestStacks.Load("""
              kafka-infra:cluster:
                name: events
                brokers: -1
                storageGiB: 0
                strimzi: {}
            """);

        var e = Assert.Throws<StackConfigException>(result.GetOrThrow);

        Assert.Equal(2, e.Errors.Count);
        Assert.Equal(
            "2 errors in the stack config:" + Environment.NewLine +
            "  kafka-infra:cluster.brokers: must be >= 1, got -1" + Environment.NewLine +
            "  kafka-infra:cluster.storageGiB: must be >= 1, got 0",
            e.Message);
    }

    [Theory]
    [InlineData(null, "eu-west-1", "eu-west-1")]
    [InlineData("us-east-2", "eu-west-1", "us-east-2")]
    [InlineData(null, null, null)]
    public void Msk_region_falls_back_to_the_stacks_aws_region(string? mskRegion, string? awsRegion, string? expected)
    {
        var cluster = mskRegion is null ? TestStacks.MskCluster : TestStacks.MskCluster.Replace("securityGroups: [sg-1]", $"securityGroups: [sg-1]\n      region: {mskRegion}", StringComparison.Ordinal);
        var raw = new Dictionary<string, string?>(TestStacks.Raw(cluster)) { ["aws:region"] = awsRegion };

        Assert.Equal(expected, StackConfigLoader.Load(raw).GetOrThrow().Cluster.Msk!.Region);
    }

    [Fact]
    public void Consumer_group_defaults_to_the_consumer_name()
    {
        var config = TestStacks.Load(TestStacks.StrimziCluster + Topic + """
              kafka-infra:consumers:
                - name: svc
                  topic: orders
                  maxReplicas: 3
            """).GetOrThrow();

        Assert.Equal("svc", config.Consumers[0].ConsumerGroup);
    }

    [Theory]
    [InlineData("io.confluent.connect.s3.S3SinkConnector", ConnectorKind.Sink)]
    [InlineData("io.debezium.connector.postgresql.PostgresConnector", ConnectorKind.Source)]
    public void Connector_kind_is_inferred_from_the_class_name(string cls, ConnectorKind expected)
    {
        var config = TestStacks.Load(TestStacks.StrimziCluster + Topic + $"""
              kafka-infra:connect:
                - name: workers
                  connectors:
                    - name: c
                      class: {cls}
                      topics: [orders]
            """).GetOrThrow();

        Assert.Equal(expected, config.Connect[0].Connectors[0].Kind);
    }
}
