using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary><c>kafka-infra:producers</c>, <c>kafka-infra:users</c> and <c>consumers[].quotas</c>: what they load into, and every bad input at once.</summary>
public class ClientsConfigTests
{
    private const string Topics = """
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 250
            - name: payments
              messagesPerSecond: 100
              messagesPerSecondPerConsumer: 100

        """;

    private static StackConfig Valid(string body)
    {
        var result = TestStacks.Load(TestStacks.StrimziCluster + Topics + body);
        Assert.True(result.Errors.Count == 0, string.Join("\n", TestStacks.Lines(result.Errors)));
        return result.Config!;
    }

    private static string[] Errors(string body) => TestStacks.Lines(TestStacks.Load(TestStacks.StrimziCluster + Topics + body).Errors);

    [Fact]
    public void Producers_users_and_quotas_load_with_their_defaults()
    {
        var config = Valid("""
              kafka-infra:consumers:
                - name: order-service
                  topic: orders
                  maxReplicas: 2
                  quotas: { consumerByteRate: 2097152, requestPercentage: 50 }
              kafka-infra:producers:
                - name: checkout-api
                  namespace: checkout
                  topics: [orders, payments]
                  transactionalIdPrefix: checkout-
                  quotas: { producerByteRate: 1048576 }
                - name: plain
                  topics: [orders]
              kafka-infra:users:
                - name: ops-console
                  acls:
                    - resource: { type: topic, name: "*" }
                      operations: [Describe, DescribeConfigs]
                    - resource: { type: cluster }
                      operations: [Describe]
                - name: partner
                  authentication: tls
                  acls:
                    - resource: { type: group, name: partner-, patternType: prefix }
                      operations: [Read]
                      host: 10.0.0.1
                  quotas: { producerByteRate: 1000, consumerByteRate: 2000, requestPercentage: 10 }

            """);

        Assert.Equal(new ClientQuotas(null, 2_097_152, 50), config.Consumers[0].Quotas);

        var checkout = config.Producers[0];
        Assert.Equal(("checkout-api", "checkout"), (checkout.Name, checkout.Namespace));
        Assert.Equal(["orders", "payments"], checkout.Topics);
        Assert.Equal("checkout-", checkout.TransactionalIdPrefix);
        Assert.Equal(new ClientQuotas(1_048_576, null, null), checkout.Quotas);
        Assert.Equal("kafka-infra:producers[0]", checkout.Path);

        var plain = config.Producers[1];
        Assert.Equal(Defaults.ConsumerNamespace, plain.Namespace);
        Assert.Null(plain.TransactionalIdPrefix);
        Assert.Null(plain.Quotas);

        var ops = config.Users[0];
        Assert.Equal(UserAuthentication.ScramSha512, ops.Authentication);
        Assert.Equal(new AclResource("topic", "*", Defaults.AclPatternType), ops.Acls[0].Resource);
        Assert.Equal(Defaults.AclHost, ops.Acls[0].Host);
        Assert.Equal(new AclResource("cluster", null, "literal"), ops.Acls[1].Resource);
        Assert.Null(ops.Quotas);

        var partner = config.Users[1];
        Assert.Equal(UserAuthentication.Tls, partner.Authentication);
        Assert.Equal(new AclResource("group", "partner-", "prefix"), partner.Acls[0].Resource);
        Assert.Equal("10.0.0.1", partner.Acls[0].Host);
        Assert.Equal(new ClientQuotas(1000, 2000, 10), partner.Quotas);
    }

    [Fact]
    public void Every_bad_producer_field_is_reported_at_once_with_its_path_and_value()
    {
        var errors = Errors("""
              kafka-infra:producers:
                - name: Checkout_API
                  namespace: ""
                  topics: [order, 5]
                  transactionalIdPrefix: ""
                  quotas: { producerByteRate: 0, requestPercentage: -1, consumerByteRate: 5 }
                  awsRoleArn: nope
                  color: blue
                - namespace: apps
                - name: empty
                  topics: []

            """);

        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].name:", StringComparison.Ordinal) && e.Contains("Checkout_API", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].namespace: must not be empty", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:producers[0].topics[0]: names topic \"order\", which is not in kafka-infra:topics; did you mean \"orders\"?", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].topics[1]: must be a non-empty string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].transactionalIdPrefix: must not be empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].quotas.producerByteRate:", StringComparison.Ordinal) && e.Contains("got 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].quotas.requestPercentage:", StringComparison.Ordinal) && e.Contains("-1", StringComparison.Ordinal));
        // consumerByteRate is a consumer's quota: a producer's quotas mapping refuses it, listing what it accepts.
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].quotas.consumerByteRate:", StringComparison.Ordinal) && e.Contains("producerByteRate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].awsRoleArn:", StringComparison.Ordinal) && e.Contains("\"nope\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].color:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[1].name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[1].topics:", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:producers[2].topics: must name at least one topic in kafka-infra:topics", errors);
    }

    [Fact]
    public void Producers_clash_on_name_and_on_binding_secret_with_both_keys()
    {
        var errors = Errors("""
              kafka-infra:consumers:
                - name: billing-producer
                  namespace: apps
                  topic: orders
                  maxReplicas: 2
              kafka-infra:producers:
                - name: billing
                  namespace: apps
                  topics: [orders]
                - name: billing
                  namespace: apps
                  topics: [payments]
                - name: billing
                  namespace: other
                  topics: [payments]

            """);

        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[0].name: gives binding Secret \"billing-producer-kafka\" in namespace \"apps\", which kafka-infra:consumers[0] already gets", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:producers[1].name: duplicates kafka-infra:producers[0].name \"billing\" in namespace \"apps\"", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("kafka-infra:producers[2]", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_user_field_is_reported_at_once_with_its_path_and_value()
    {
        var errors = Errors("""
              kafka-infra:users:
                - name: ops
                  authentication: plain
                  acls:
                    - resource: { type: topics, name: orders }
                      operations: [Reed]
                    - resource: { type: cluster, name: kafka-cluster }
                      operations: [Describe]
                    - resource: { type: group }
                      operations: [Write]
                    - resource: { type: topic, name: orders, patternType: regex }
                      operations: []
                    - operations: [Read]
                  quotas: { requestPercentage: 0 }
                - name: ops2
                  acls: []
                - name: nobody
                - name: nobody
                  acls: [ { resource: { type: cluster }, operations: [Describe] } ]

            """);

        Assert.Contains("kafka-infra:users[0].authentication: must be one of scram-sha-512, tls; got \"plain\"", errors);
        Assert.Contains("kafka-infra:users[0].acls[0].resource.type: must be one of topic, group, cluster, transactionalId; got \"topics\"", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[0].acls[0].operations[0]: must be one of Read, Write", StringComparison.Ordinal) && e.Contains("did you mean \"Read\"?", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:users[0].acls[1].resource.name: must not be set for a cluster resource (there is one cluster); got \"kafka-cluster\"", errors);
        Assert.Contains("kafka-infra:users[0].acls[2].resource.name: is required for a group resource; expected a name, or * for all", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[0].acls[2].operations[0]: \"Write\" does not apply to a group resource", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:users[0].acls[3].resource.patternType: must be one of literal, prefix; got \"regex\"", errors);
        Assert.Contains("kafka-infra:users[0].acls[3].operations: must name at least one operation", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[0].acls[4].resource:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[0].quotas.requestPercentage:", StringComparison.Ordinal) && e.Contains("got 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[1].acls: must hold at least one rule", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[2].acls:", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:users[3].name: duplicates kafka-infra:users[2].name \"nobody\"", errors);
    }

    [Fact]
    public void A_user_may_not_take_a_name_kafka_infra_derives_for_another_principal()
    {
        var errors = Errors("""
              kafka-infra:consumers:
                - name: order-service
                  namespace: apps
                  topic: orders
                  maxReplicas: 2
              kafka-infra:users:
                - name: apps-order-service
                  acls: [ { resource: { type: topic, name: orders }, operations: [Read] } ]
                - name: events-keda
                  acls: [ { resource: { type: topic, name: orders }, operations: [Read] } ]

            """);

        Assert.Contains("kafka-infra:users[0].name: is the KafkaUser name kafka-infra derives for kafka-infra:consumers[0]; choose another name (two principals would share one user and its ACLs)", errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:users[1].name: is the KafkaUser name kafka-infra derives for KEDA's describe-only identity", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_quotas_refuse_producer_keys_and_bad_values()
    {
        var errors = Errors("""
              kafka-infra:consumers:
                - name: order-service
                  topic: orders
                  maxReplicas: 2
                  quotas: { producerByteRate: 10, consumerByteRate: "fast" }

            """);

        Assert.Contains(errors, e => e.StartsWith("kafka-infra:consumers[0].quotas.producerByteRate:", StringComparison.Ordinal) && e.Contains("consumerByteRate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:consumers[0].quotas.consumerByteRate:", StringComparison.Ordinal) && e.Contains("fast", StringComparison.Ordinal));
    }

    [Fact]
    public void Keda_namespace_is_a_kubernetes_name_and_defaults_to_keda()
    {
        Assert.Equal(Defaults.KedaNamespace, Valid("").Cluster.Strimzi!.KedaNamespace);
        var raw = TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { kedaNamespace: Keda_System }", StringComparison.Ordinal);
        var errors = TestStacks.Lines(TestStacks.Load(raw + Topics).Errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:cluster.strimzi.kedaNamespace:", StringComparison.Ordinal) && e.Contains("Keda_System", StringComparison.Ordinal));
    }
}
