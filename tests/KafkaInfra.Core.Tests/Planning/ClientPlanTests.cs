using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Tests.Desired.Msk;

namespace KafkaInfra.Core.Tests.Planning;

/// <summary>The planner's rules for producers and users, and the IAM policies producers get on MSK.</summary>
public class ClientPlanTests
{
    private const string Topics = """
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 250
              messageBytes: 1000
            - name: payments
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100

        """;

    private static string[] Warnings(string body) => TestStacks.Lines(TestStacks.Plan(TestStacks.StrimziCluster + Topics + body).Warnings);

    [Fact]
    public void Producer_quotas_below_the_topic_rate_warn_naming_the_topic_and_every_producer()
    {
        // orders: 1,000 msg/s × 1,000 B = 1 MB/s; the two quotas add up to 0.6 MB/s.
        var warnings = Warnings("""
              kafka-infra:producers:
                - name: a
                  topics: [orders]
                  quotas: { producerByteRate: 400000 }
                - name: b
                  topics: [orders, payments]
                  quotas: { producerByteRate: 200000 }

            """);
        var warning = Assert.Single(warnings, w => w.StartsWith("kafka-infra:topics[0].messagesPerSecond:", StringComparison.Ordinal));
        Assert.Contains("1.00 MB/s", warning, StringComparison.Ordinal);
        Assert.Contains("0.60 MB/s", warning, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:producers[0] (0.40 MB/s)", warning, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:producers[1] (0.20 MB/s)", warning, StringComparison.Ordinal);
        // payments: 100 msg/s × 1,024 B (the default size) = 0.1 MB/s is below b's 0.2 MB/s quota.
        Assert.DoesNotContain(warnings, w => w.StartsWith("kafka-infra:topics[1]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("quotas: { producerByteRate: 999999 }")]         // with a's 1 B/s: exactly the rate
    [InlineData("quotas: { requestPercentage: 10 }")]            // no byte-rate quota: unlimited
    [InlineData("transactionalIdPrefix: x-")]                   // no quota at all
    public void Producers_that_can_reach_the_rate_do_not_warn(string second)
    {
        var warnings = Warnings($"""
              kafka-infra:producers:
                - name: a
                  topics: [orders]
                  quotas: {"{"} producerByteRate: 1 {"}"}
                - name: b
                  topics: [orders]
                  {second}

            """);
        Assert.DoesNotContain(warnings, w => w.Contains("producerByteRate quotas", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tls_user_warns_that_no_listener_authenticates_with_tls()
    {
        var warnings = Warnings("""
              kafka-infra:users:
                - name: partner
                  authentication: tls
                  acls: [ { resource: { type: topic, name: orders }, operations: [Read] } ]

            """);
        Assert.Contains(warnings, w => w.StartsWith("kafka-infra:users[0].authentication: tls:", StringComparison.Ordinal) && w.Contains("\"partner\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Users_on_an_msk_iam_cluster_are_refused_and_quotas_on_msk_iam_warn_with_the_way_forward()
    {
        var result = TestStacks.Plan(TestStacks.MskCluster + Topics + """
              kafka-infra:producers:
                - name: writer
                  topics: [orders]
                  quotas: { producerByteRate: 5000000 }
              kafka-infra:users:
                - name: ops
                  acls: [ { resource: { type: topic, name: orders }, operations: [Describe] } ]

            """);
        Assert.Contains(TestStacks.Lines(result.Errors), e => e.StartsWith("kafka-infra:users[0]: declares Kafka ACLs for user \"ops\", but this MSK cluster authenticates with IAM", StringComparison.Ordinal));
        // The IAM user is the STS session ARN, whose session name the client picks (MSK developer guide, "Managing
        // throughput with Kafka quotas"; aws/aws-msk-iam-auth pull request 196): no stable entity to set a quota on.
        var warning = Assert.Single(TestStacks.Lines(result.Warnings), w => w.StartsWith("kafka-infra:producers[0].quotas: are not applied on an MSK cluster that authenticates with IAM", StringComparison.Ordinal));
        Assert.Contains("assumed-role/<role>/<session name>", warning, StringComparison.Ordinal);
        Assert.Contains("--entity-type users", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_msk_iam_producer_gets_write_idempotent_write_and_its_transactional_ids_only()
    {
        const string topic = "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";
        const string txn = "arn:aws:kafka:eu-west-1:123456789012:transactional-id/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";
        var resources = MskStacks.Build(MskStacks.Prod + """
              kafka-infra:producers:
                - name: checkout-api
                  namespace: checkout
                  topics: [orders, payments]
                  transactionalIdPrefix: checkout-
                - name: audit
                  namespace: checkout
                  topics: [payments]
                  awsRoleArn: arn:aws:iam::123456789012:role/audit-writer

            """);

        var policy = resources.Named("events-producer-checkout.checkout-api-policy");
        Assert.IsType<IamPolicySpec>(policy.Spec);
        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently" }, new[] { MskStacks.ClusterArn }),
                ("WriteTopics", new[] { "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData" }, new[] { topic + "orders", topic + "payments" }),
                ("TransactionalIds", new[] { "kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId" }, new[] { txn + "checkout-*" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(policy)));
        Assert.IsType<IamRoleSpec>(resources.Named("events-producer-checkout.checkout-api-role").Spec);

        var audit = MskStacks.Flat(MskStacks.Statements(resources.Named("events-producer-checkout.audit-policy")));
        Assert.DoesNotContain(audit, s => s.Contains("TransactionalId", StringComparison.Ordinal) || s.Contains("ReadData", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Name == "events-producer-checkout.audit-role");
        Assert.Equal(Text.FromString("audit-writer"), resources.Spec<RolePolicyAttachmentSpec>("events-producer-checkout.audit-attachment").Role);
    }
}
