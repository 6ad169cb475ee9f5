using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>
/// Producers, users and quotas on MSK SCRAM and mutual-TLS clusters (issue 16 item 1): Kafka ACLs through the Kafka
/// provider with the least privilege of the IAM producer policy, SCRAM secrets for producers and SCRAM users, Kafka
/// user quotas (<c>kafka:index/quota:Quota</c>, Mongey/terraform-provider-kafka <c>kafka_quota</c>), SCRAM users that
/// include the namespace, and the refusals for principals that could not sign in or would share a user.
/// </summary>
public class MskClientAclTests
{
    private static readonly DeployedState AclsDeployed = new(new Dictionary<string, int> { ["orders"] = 10, ["payments"] = 3 }, 3, 1000, KafkaAclsDeclared: true);

    private const string Producers = """
          kafka-infra:producers:
            - name: checkout-api
              namespace: checkout
              topics: [orders, payments]
              transactionalIdPrefix: checkout-
              quotas: { producerByteRate: 2000000, requestPercentage: 50 }

        """;

    private const string Users = """
          kafka-infra:users:
            - name: ops-tool
              acls:
                - resource: { type: topic, name: orders- , patternType: prefix }
                  operations: [Describe, DescribeConfigs]
                - resource: { type: group, name: ops }
                  operations: [Read]
                  host: 10.0.0.7
                - resource: { type: cluster }
                  operations: [Describe]
                - resource: { type: group, name: ops }
                  operations: [Read]
                  host: 10.0.0.7
              quotas: { producerByteRate: 1000, consumerByteRate: 3000000, requestPercentage: 25 }

        """;

    private static string Scram(string extra = "") => MskStacks.WithAuthentication("scram") + extra;

    private static string Tls(string extra = "") => MskStacks.WithAuthentication("tls") + extra;

    private static string[] Acls(IReadOnlyList<CloudResource> resources, string principal) => resources.OfSpec<KafkaAclSpec>()
        .Select(r => (KafkaAclSpec)r.Spec)
        .Where(a => a.AclPrincipal == principal)
        .Select(a => $"{a.AclResourceType}:{a.ResourcePatternTypeFilter}:{a.AclResourceName}:{a.AclOperation}@{a.AclHost}")
        .ToArray();

    [Fact]
    public void A_scram_producer_may_write_and_describe_its_topics_write_idempotently_and_use_its_transactional_ids()
    {
        var resources = MskStacks.Build(Scram(Producers));

        // As its Strimzi KafkaUser: Write + Describe on topics, IdempotentWrite (Kafka producers are idempotent by
        // default since 3.0), Write + Describe on transactional ids with its prefix.
        Assert.Equal(
            [
                "Topic:Literal:orders:Write@*", "Topic:Literal:orders:Describe@*", "Topic:Literal:payments:Write@*", "Topic:Literal:payments:Describe@*",
                "Cluster:Literal:kafka-cluster:IdempotentWrite@*", "TransactionalID:Prefixed:checkout-:Write@*", "TransactionalID:Prefixed:checkout-:Describe@*",
            ],
            Acls(resources, "User:checkout-checkout-api-producer"));
        var acl = resources.Named("events-acl-checkout-checkout-api-producer-transactionalid-prefixed-checkout--write");
        Assert.Equal("events-kafka", acl.Options.Provider);
        Assert.DoesNotContain(resources.OfSpec<IamPolicySpec>(), r => r.Name.Contains("producer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scram_producer_gets_its_secret_and_password_the_way_consumers_do()
    {
        var resources = MskStacks.Build(Scram(Producers));

        var secret = resources.Spec<SecretSpec>("events-scram-checkout-checkout-api-producer");
        Assert.Equal("AmazonMSK_events_checkout-checkout-api-producer", secret.Name);
        Assert.Equal("${events-scram-kms.arn}", secret.KmsKeyId.ToString());
        var version = resources.Spec<ScramSecretVersionSpec>("events-scram-checkout-checkout-api-producer-version");
        Assert.Equal(("checkout-checkout-api-producer", "msk-scram:checkout-checkout-api-producer"), (version.Username, version.PasswordConfigKey));
        Assert.Contains("events-scram-checkout-checkout-api-producer-version", resources.Named("events-scram-secrets").Options.DependsOn!);
        Assert.Equal(3, resources.Spec<ScramSecretAssociationSpec>("events-scram-secrets").SecretArnLists.Count);
    }

    [Fact]
    public void Scram_users_are_unique_per_namespace_so_two_namespaces_may_run_a_consumer_of_the_same_name()
    {
        var yaml = Scram().Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n    - name: order-service\n      namespace: billing\n      topic: payments\n      consumerGroup: billing-orders\n      maxReplicas: 3\n", StringComparison.Ordinal);

        var resources = MskStacks.Build(yaml);

        Assert.Equal(
            ["kafka-infra-admin", "apps-order-service", "billing-order-service"],
            resources.OfSpec<ScramSecretVersionSpec>().Select(r => ((ScramSecretVersionSpec)r.Spec).Username));
        Assert.Contains("Topic:Literal:payments:Read@*", Acls(resources, "User:billing-order-service"));
        Assert.DoesNotContain("Topic:Literal:payments:Read@*", Acls(resources, "User:apps-order-service"));
    }

    [Fact]
    public void A_scram_user_gets_exactly_its_declared_acls_with_their_hosts_and_a_secret()
    {
        var resources = MskStacks.Build(Scram(Users));

        Assert.Equal(
            ["Topic:Prefixed:orders-:Describe@*", "Topic:Prefixed:orders-:DescribeConfigs@*", "Group:Literal:ops:Read@10.0.0.7", "Cluster:Literal:kafka-cluster:Describe@*"],
            Acls(resources, "User:ops-tool"));
        Assert.Contains(resources, r => r.Name == "events-acl-ops-tool-group-ops-read-from-10.0.0.7");
        Assert.Equal("msk-scram:ops-tool", resources.Spec<ScramSecretVersionSpec>("events-scram-ops-tool-version").PasswordConfigKey);
    }

    [Fact]
    public void Quotas_of_consumers_producers_and_users_become_kafka_user_quotas_through_the_provider()
    {
        var yaml = Scram(Producers + Users).Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n      quotas: { consumerByteRate: 4000000 }\n", StringComparison.Ordinal);

        var resources = MskStacks.Build(yaml);
        var plan = MskStacks.Plan(yaml);

        string Quota(string name)
        {
            var q = resources.Spec<KafkaQuotaSpec>(name);
            return $"{q.EntityType}:{q.EntityName} {string.Join(' ', q.Config.Select(kv => $"{kv.Key}={kv.Value}"))}";
        }

        Assert.Equal("user:apps-order-service consumer_byte_rate=4000000", Quota("events-quota-apps-order-service"));
        Assert.Equal("user:checkout-checkout-api-producer producer_byte_rate=2000000 request_percentage=50", Quota("events-quota-checkout-checkout-api-producer"));
        Assert.Equal("user:ops-tool producer_byte_rate=1000 consumer_byte_rate=3000000 request_percentage=25", Quota("events-quota-ops-tool"));
        Assert.Equal(3, resources.OfSpec<KafkaQuotaSpec>().Count);
        var options = resources.Named("events-quota-ops-tool").Options;
        Assert.Equal("events-kafka", options.Provider);
        Assert.Equal(["events-msk", "events-scram-secrets"], options.DependsOn);
        Assert.Equal("kafka:index/quota:Quota", CloudSpecs.TypeToken(resources.Named("events-quota-ops-tool").Spec));
        Assert.DoesNotContain(MskStacks.Lines(plan.Warnings), w => w.Contains("quotas", StringComparison.Ordinal));
        // The deployer can set them: AlterClientQuotas needs AlterConfigs, DescribeClientQuotas DescribeConfigs on the cluster.
        var admin = Acls(resources, "User:" + MskCloudResources.AdminUsername);
        Assert.Contains("Cluster:Literal:kafka-cluster:AlterConfigs@*", admin);
        Assert.Contains("Cluster:Literal:kafka-cluster:DescribeConfigs@*", admin);
    }

    [Fact]
    public void Iam_clusters_get_no_quota_resources()
    {
        var yaml = MskStacks.Prod.Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n      quotas: { consumerByteRate: 4000000 }\n", StringComparison.Ordinal);

        Assert.Empty(MskStacks.Build(yaml, AclsDeployed).OfSpec<KafkaQuotaSpec>());
        Assert.Contains(MskStacks.Lines(MskStacks.Plan(yaml).Warnings), w => w.StartsWith("kafka-infra:consumers[0].quotas: are not applied on an MSK cluster that authenticates with IAM", StringComparison.Ordinal));
    }

    [Fact]
    public void On_mtls_producers_and_tls_users_are_their_certificate_principals_in_acls_and_quotas()
    {
        var resources = MskStacks.Build(Tls("""
              kafka-infra:producers:
                - name: checkout-api
                  namespace: checkout
                  topics: [orders]
                  principal: User:CN=checkout-api,O=Example
                  quotas: { producerByteRate: 2000000 }
              kafka-infra:users:
                - name: ops-tool
                  authentication: tls
                  principal: User:CN=ops
                  acls: [ { resource: { type: topic, name: orders }, operations: [Describe] } ]

            """));

        Assert.Equal(["Topic:Literal:orders:Write@*", "Topic:Literal:orders:Describe@*", "Cluster:Literal:kafka-cluster:IdempotentWrite@*"], Acls(resources, "User:CN=checkout-api,O=Example"));
        Assert.Equal(["Topic:Literal:orders:Describe@*"], Acls(resources, "User:CN=ops"));
        // Resource names use the SCRAM-style handle, never the distinguished name.
        Assert.Contains(resources, r => r.Name == "events-acl-checkout-checkout-api-producer-topic-orders-write");
        Assert.Contains(resources, r => r.Name == "events-acl-ops-tool-topic-orders-describe");
        var quota = resources.Spec<KafkaQuotaSpec>("events-quota-checkout-checkout-api-producer");
        Assert.Equal(("user", "CN=checkout-api,O=Example"), (quota.EntityType, quota.EntityName));
        Assert.Equal(["events-msk"], resources.Named("events-quota-checkout-checkout-api-producer").Options.DependsOn);
        Assert.Empty(resources.OfSpec<SecretSpec>());
    }

    [Theory]
    [InlineData("tls", "      authentication: scram-sha-512\n      principal: User:CN=ops\n",
        "kafka-infra:users[0].authentication: is \"scram-sha-512\", but this MSK cluster authenticates with tls (kafka-infra:cluster.msk.authentication), so user \"ops-tool\" could not sign in; set authentication: tls and principal: User:<distinguished name")]
    [InlineData("tls", "      authentication: tls\n",
        "kafka-infra:users[0].principal: is required for tls user \"ops-tool\" on an MSK cluster with authentication: tls")]
    [InlineData("scram", "      authentication: tls\n",
        "kafka-infra:users[0].authentication: is \"tls\", but this MSK cluster authenticates with scram (kafka-infra:cluster.msk.authentication), so user \"ops-tool\" could not sign in; set authentication: scram-sha-512")]
    [InlineData("scram", "      principal: User:CN=ops\n",
        "kafka-infra:users[0].principal: applies only to tls users on an MSK cluster with authentication: tls, but this MSK cluster authenticates with scram; got \"User:CN=ops\". Remove the key")]
    public void A_user_that_could_not_sign_in_is_refused_naming_the_key_and_value(string authentication, string keys, string expected)
    {
        var user = "  kafka-infra:users:\n    - name: ops-tool\n" + keys + "      acls: [ { resource: { type: topic, name: orders }, operations: [Describe] } ]\n";

        var result = MskStacks.Plan(MskStacks.WithAuthentication(authentication) + user);

        Assert.Null(result.Plan);
        Assert.Contains(MskStacks.Lines(result.Errors), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Producer_principals_are_required_on_mtls_and_refused_elsewhere_with_the_value()
    {
        const string Producer = "  kafka-infra:producers:\n    - name: writer\n      topics: [orders]\n";

        var missing = MskStacks.Lines(MskStacks.Plan(Tls(Producer)).Errors);
        Assert.Contains(missing, e => e.StartsWith("kafka-infra:producers[0].principal: is required on an MSK cluster with authentication: tls", StringComparison.Ordinal) && e.Contains("User:CN=", StringComparison.Ordinal));

        var onScram = MskStacks.Lines(MskStacks.Plan(Scram(Producer + "      principal: User:CN=writer\n")).Errors);
        Assert.Contains("kafka-infra:producers[0].principal: applies only on an MSK cluster with authentication: tls, but this MSK cluster authenticates with scram; got \"User:CN=writer\". Remove the key", onScram);

        var onStrimzi = TestStacks.Lines(TestStacks.Plan(TestStacks.StrimziCluster + "  kafka-infra:topics:\n    - name: orders\n      messagesPerSecond: 10\n      messagesPerSecondPerConsumer: 10\n" + Producer + "      principal: User:CN=writer\n").Errors);
        Assert.Contains(onStrimzi, e => e.StartsWith("kafka-infra:producers[0].principal: applies only on an MSK cluster with authentication: tls, but this is a Strimzi cluster", StringComparison.Ordinal));

        var malformed = MskStacks.Lines(MskStacks.Plan(Tls(Producer + "      principal: CN=writer\n")).Errors);
        Assert.Contains(malformed, e => e.StartsWith("kafka-infra:producers[0].principal: must be a Kafka principal User:<distinguished name of the certificate>", StringComparison.Ordinal) && e.EndsWith("got \"CN=writer\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_clients_that_would_be_one_kafka_user_are_refused_naming_both_keys()
    {
        // Consumer a-b in namespace x and consumer b in namespace x-a are both user x-a-b.
        var consumers = Scram().Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n    - name: a-b\n      namespace: x\n      topic: orders\n      maxReplicas: 2\n    - name: b\n      namespace: x-a\n      topic: orders\n      maxReplicas: 2\n", StringComparison.Ordinal);
        var errors = MskStacks.Lines(MskStacks.Plan(consumers).Errors);
        Assert.Contains(errors, e => e.StartsWith("kafka-infra:consumers[2].name: signs in as Kafka user \"User:x-a-b\", which kafka-infra:consumers[1].name already is; the two would share one SCRAM secret", StringComparison.Ordinal));

        // On mTLS a producer that presents the deployer's certificate would hold the deployer's rights.
        var errorsTls = MskStacks.Lines(MskStacks.Plan(Tls("  kafka-infra:producers:\n    - name: writer\n      topics: [orders]\n      principal: User:CN=kafka-infra\n")).Errors);
        Assert.Contains(errorsTls, e => e.StartsWith("kafka-infra:producers[0].principal: signs in as Kafka user \"User:CN=kafka-infra\", which kafka-infra:cluster.msk.adminPrincipal (the deployer) already is", StringComparison.Ordinal));
    }
}
