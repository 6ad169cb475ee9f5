using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Tests.Config;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>What the planner checks and refuses on a cluster the stack does not own (PlanContext.External.cs).</summary>
public class ExternalPlanTests
{
    private const string Topic = """
          kafka-infra:topics:
            - { name: orders, messagesPerSecond: 1000, messagesPerSecondPerConsumer: 500 }

        """;

    [Fact]
    public void Connect_and_ksqldb_are_refused_with_the_way_forward()
    {
        var result = TestStacks.Plan(ExternalConfigTests.Scram + Topic + """
              kafka-infra:connect:
                - { name: sinks, connectors: [ { name: s3, class: org.example.SinkConnector, topics: [orders] } ] }
              kafka-infra:ksqldb:
                - { name: reports, topics: [orders] }

            """);

        var connect = Assert.Single(result.Errors, e => e.Path == "kafka-infra:connect[0]");
        Assert.Contains("cannot run against an external cluster", connect.Message, StringComparison.Ordinal);
        Assert.Contains("run the workers yourself against cluster.external.bootstrapServers", connect.Message, StringComparison.Ordinal);
        var ksql = Assert.Single(result.Errors, e => e.Path == "kafka-infra:ksqldb[0]");
        Assert.Contains("PKCS12 truststore", ksql.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumers_need_the_secret_keda_logs_in_with()
    {
        var result = TestStacks.Plan(ExternalConfigTests.Scram.Replace("kedaSecret: keda-kafka", "", StringComparison.Ordinal) + Topic + """
              kafka-infra:consumers:
                - { name: order-service, topic: orders, maxReplicas: 2, lagThreshold: 100 }

            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:cluster.external.kedaSecret", error.Path);
        Assert.Contains("username and password", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"keda\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_refuses_an_unauthenticated_or_unencrypted_cluster_and_dev_warns()
    {
        const string Open = """
              kafka-infra:cluster:
                name: shared
                external: { bootstrapServers: "kafka:9092", authentication: none, tls: false, brokers: 3 }

            """;

        var prod = TestStacks.Plan("  kafka-infra:environment: prod\n" + Open + Topic);
        var dev = TestStacks.Plan(Open + Topic);

        Assert.Contains(prod.Errors, e => e.Path == "kafka-infra:cluster.external.authentication" && e.Message.Contains("(required in prod)", StringComparison.Ordinal));
        Assert.Contains(prod.Errors, e => e.Path == "kafka-infra:cluster.external.tls");
        Assert.True(dev.IsValid, string.Join("\n", dev.Errors));
        Assert.Contains(dev.Warnings, w => w.Path == "kafka-infra:cluster.external.authentication");
    }

    [Fact]
    public void Without_the_broker_count_the_plan_says_what_it_cannot_check()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(ExternalConfigTests.Scram.Replace("brokers: 3", "", StringComparison.Ordinal) + Topic));

        var warning = Assert.Single(plan.Warnings, w => w.Path == "kafka-infra:cluster.external.brokers");
        Assert.Contains("cannot check that each topic's replication factor fits the brokers", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, plan.Cluster.Brokers);
        Assert.Equal(0, plan.Cluster.StorageGiB);
    }

    [Fact]
    public void With_the_broker_count_a_replication_factor_above_it_is_an_error()
    {
        var result = TestStacks.Plan(ExternalConfigTests.Scram.Replace("brokers: 3", "brokers: 2", StringComparison.Ordinal) + Topic);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:topicDefaults.replicationFactor", error.Path);
        Assert.Contains("greater than the 2 brokers of the external cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_need_scram_with_acls_managed()
    {
        var result = TestStacks.Plan(ExternalConfigTests.Scram.Replace("brokers: 3", "brokers: 3\n      manageAcls: false", StringComparison.Ordinal) + Topic + """
              kafka-infra:users:
                - { name: ops, acls: [ { resource: { type: topic, name: orders }, operations: [Describe] } ] }

            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:users[0]", error.Path);
        Assert.Contains("manageAcls is false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_text_names_the_cluster_it_does_not_own()
    {
        var plan = TestStacks.Valid(TestStacks.Plan(ExternalConfigTests.Scram + Topic));

        Assert.Equal("external cluster (kafka-1.example.com:9096,kafka-2.example.com:9096)", plan.Config.Cluster.Profile.PlanText(plan.Config.Cluster));
        Assert.Contains("3 brokers (not managed here)", plan.Config.Cluster.Profile.Summary(plan.Config.Cluster), StringComparison.Ordinal);
    }
}
