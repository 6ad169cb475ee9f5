using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskIamResourceTests
{
    private const string Topic = "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";
    private const string Group = "arn:aws:kafka:eu-west-1:123456789012:group/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/";

    [Fact]
    public void Consumer_policy_grants_only_connect_read_and_its_group_on_exact_arns()
    {
        var resources = MskStacks.Build(MskStacks.Prod);
        var policy = resources.Named("events-consumer-apps.order-service-policy");
        Assert.IsType<IamPolicySpec>(policy.Spec);
        Assert.Equal("keda/order-service", policy.Component);

        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster" }, new[] { MskStacks.ClusterArn }),
                ("ReadTopic", new[] { "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData" }, new[] { Topic + "orders" }),
                ("ConsumerGroup", new[] { "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup" }, new[] { Group + "order-service" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(policy)));
    }

    [Fact]
    public void Keda_operator_policy_only_describes_the_consumers_topics_and_groups()
    {
        var resources = MskStacks.Build(MskStacks.Prod);
        var policy = resources.Named("events-keda-policy");

        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster" }, new[] { MskStacks.ClusterArn }),
                ("DescribeTopics", new[] { "kafka-cluster:DescribeTopic" }, new[] { Topic + "orders" }),
                ("DescribeGroups", new[] { "kafka-cluster:DescribeGroup" }, new[] { Group + "order-service" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(policy)));
        Assert.IsType<IamRoleSpec>(resources.Named("events-keda-role").Spec);
    }

    [Fact]
    public void Keda_operator_policy_is_attached_to_the_configured_keda_role()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("region: eu-west-1", "region: eu-west-1\n      kedaRoleArn: arn:aws:iam::123456789012:role/keda-operator", StringComparison.Ordinal));

        Assert.DoesNotContain(resources, r => r.Name == "events-keda-role");
        Assert.Equal(Text.FromString("keda-operator"), resources.Spec<RolePolicyAttachmentSpec>("events-keda-attachment").Role);
    }

    [Fact]
    public void Consumer_without_a_role_gets_a_pod_identity_role_and_an_attachment()
    {
        var resources = MskStacks.Build(MskStacks.Prod);
        var trust = resources.Spec<IamRoleSpec>("events-consumer-apps.order-service-role").AssumeRolePolicy;
        Assert.Equal("2012-10-17", trust.Version);
        var statement = Assert.Single(trust.Statement);
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal("pods.eks.amazonaws.com", statement.Principal?.Service);
        Assert.Equal(["sts:AssumeRole", "sts:TagSession"], statement.Action);
        Assert.Null(statement.Resource);

        var attachment = resources.Spec<RolePolicyAttachmentSpec>("events-consumer-apps.order-service-attachment");
        Assert.Equal(Text.Of(new OutputRef("events-consumer-apps.order-service-role", CloudOutput.Name)), attachment.Role);
        Assert.Equal(Text.Of(new OutputRef("events-consumer-apps.order-service-policy", CloudOutput.Arn)), attachment.PolicyArn);
    }

    [Fact]
    public void Consumer_with_a_role_arn_gets_the_policy_attached_to_that_role_by_name()
    {
        var resources = MskStacks.Build(MskStacks.Prod.Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n      awsRoleArn: arn:aws:iam::123456789012:role/workloads/order-service\n", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Name == "events-consumer-apps.order-service-role");
        var attachment = resources.Named("events-consumer-apps.order-service-attachment");
        Assert.Equal(Text.FromString("order-service"), Assert.IsType<RolePolicyAttachmentSpec>(attachment.Spec).Role);
    }

    [Fact]
    public void Ksqldb_policy_covers_its_topics_and_only_its_own_internal_topics_groups_and_transactions()
    {
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.KsqlGroup);
        var policy = resources.Named("events-ksqldb-analytics-policy");
        Assert.Equal("ksqldb/analytics", policy.Component);
        Assert.Equal(
            MskStacks.Flat([
                ("Cluster", new[] { "kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:DescribeClusterDynamicConfiguration", "kafka-cluster:WriteDataIdempotently" }, new[] { MskStacks.ClusterArn }),
                ("Topics", new[] { "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData" }, new[] { Topic + "orders" }),
                ("InternalTopics", new[] { "kafka-cluster:CreateTopic", "kafka-cluster:DeleteTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData" }, new[] { Topic + "_confluent-ksql-analytics_*" }),
                ("Groups", new[] { "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup", "kafka-cluster:DeleteGroup" }, new[] { Group + "_confluent-ksql-analytics_*" }),
                ("CommandTopicTransactions", new[] { "kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId" }, new[] { "arn:aws:kafka:eu-west-1:123456789012:transactional-id/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/analytics_" }),
            ]),
            MskStacks.Flat(MskStacks.Statements(policy)));
        Assert.IsType<IamRoleSpec>(resources.Named("events-ksqldb-analytics-role").Spec);
    }

    [Fact]
    public void No_policy_grants_a_wildcard_action_or_a_whole_cluster_resource_beyond_connect()
    {
        var resources = MskStacks.Build(MskStacks.Prod + MskStacks.ConnectGroup + MskStacks.KsqlGroup);
        foreach (var policy in resources.OfSpec<IamPolicySpec>())
        {
            foreach (var (sid, actions, arns) in MskStacks.Statements(policy))
            {
                Assert.All(actions, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
                Assert.All(actions, a => Assert.StartsWith("kafka-cluster:", a, StringComparison.Ordinal));
                Assert.All(arns, a => Assert.StartsWith("arn:aws:kafka:eu-west-1:123456789012:", a, StringComparison.Ordinal));
                if (sid != "Cluster")
                {
                    Assert.All(arns, a => Assert.DoesNotContain(":cluster/", a, StringComparison.Ordinal));
                    Assert.All(arns, a => Assert.False(a.EndsWith("/*", StringComparison.Ordinal), $"{policy.Name} {sid} grants a whole cluster: {a}"));
                }
            }
        }
    }

    [Theory]
    [InlineData("scram")]
    [InlineData("tls")]
    public void Without_iam_authentication_no_consumer_or_ksqldb_policies_are_made(string authentication)
    {
        // tls stacks refuse consumers and ksqlDB (no client certificates are rendered), so only scram has them here.
        var resources = MskStacks.Build(MskStacks.WithAuthentication(authentication) + (authentication == "tls" ? "" : MskStacks.KsqlGroup));
        Assert.Empty(resources.OfSpec<IamPolicySpec>());
        Assert.Empty(resources.OfSpec<IamRoleSpec>());
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/name", "name")]
    [InlineData("arn:aws:iam::123456789012:role/path/to/name", "name")]
    public void Role_name_is_the_last_segment_of_the_arn(string arn, string name) =>
        Assert.Equal(name, MskCloudResources.RoleName(arn));

    [Fact]
    public void Every_role_has_an_explicit_name_of_at_most_64_characters_even_on_a_60_character_cluster()
    {
        // IAM role names are at most 64 characters and Pulumi's auto-name appends 7 (platform-facts.md 8.4).
        var cluster = "events-" + new string('x', 53);
        Assert.Equal(60, cluster.Length);
        var yaml = MskStacks.Prod.Replace("    name: events\n", $"    name: {cluster}\n", StringComparison.Ordinal) + MskStacks.ConnectGroup + MskStacks.KsqlGroup;

        var roles = MskStacks.Build(yaml).OfSpec<IamRoleSpec>();
        var names = roles.Select(r => Assert.IsType<IamRoleSpec>(r.Spec).Name).ToList();

        Assert.Equal(4, roles.Count); // consumer, KEDA, ksqlDB, Connect
        Assert.All(names, n => Assert.InRange(n.Length, 1, 64));
        Assert.All(names, n => Assert.Matches("^[A-Za-z0-9+=,.@_-]+$", n));
        Assert.All(names, n => Assert.StartsWith(cluster[..40], n, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names, MskStacks.Build(yaml).OfSpec<IamRoleSpec>().Select(r => Assert.IsType<IamRoleSpec>(r.Spec).Name));
        var keda = Assert.IsType<IamRoleSpec>(roles.Single(r => r.Name == cluster + "-keda-role").Spec).Name;
        Assert.Equal(KafkaInfra.Core.Config.KafkaResources.IamRole(cluster + "-keda-role"), keda);
        Assert.Equal(64, keda.Length);
    }

    [Fact]
    public void A_short_role_name_is_the_resource_name_itself()
    {
        var roles = MskStacks.Build(MskStacks.Prod + MskStacks.KsqlGroup).OfSpec<IamRoleSpec>();
        Assert.All(roles, r => Assert.Equal(r.Name, Assert.IsType<IamRoleSpec>(r.Spec).Name));
        Assert.Equal("events-ksqldb-analytics-role", roles.Spec<IamRoleSpec>("events-ksqldb-analytics-role").Name);
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    [InlineData(200, true)]
    public void Role_names_over_64_characters_are_cut_with_a_hash_of_the_whole_name(int length, bool shortened)
    {
        var natural = new string('a', length - 5) + "-role";
        var name = KafkaInfra.Core.Config.KafkaResources.IamRole(natural);
        Assert.True(name.Length <= 64);
        Assert.Equal(shortened, name != natural);
        Assert.NotEqual(name, KafkaInfra.Core.Config.KafkaResources.IamRole(natural + "2"));
    }
}
