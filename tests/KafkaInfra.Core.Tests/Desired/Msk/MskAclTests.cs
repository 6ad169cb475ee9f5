using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>
/// SCRAM and mutual-TLS clusters authorize with Kafka ACLs (issue 13 item 10; platform-facts.md 8.4; MSK developer
/// guide "Apache Kafka ACLs"): least-privilege ACLs per client, SCRAM secrets in Secrets Manager, and
/// allow.everyone.if.no.acl.found turned off once the deployer's own ACLs exist.
/// </summary>
public class MskAclTests
{
    private static string Scram(string extra = "") =>
        MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      authentication: scram\n", StringComparison.Ordinal) + extra;

    private static readonly DeployedState AclsDeployed = new(new Dictionary<string, int> { ["orders"] = 10, ["payments"] = 3 }, 3, 1000, KafkaAclsDeclared: true);

    private static string[] Acls(IReadOnlyList<CloudResource> resources, string principal) => resources.OfSpec<KafkaAclSpec>()
        .Select(r => (KafkaAclSpec)r.Spec)
        .Where(a => a.AclPrincipal == principal)
        .Select(a => $"{a.AclResourceType}:{a.ResourcePatternTypeFilter}:{a.AclResourceName}:{a.AclOperation}")
        .ToArray();

    [Fact]
    public void A_consumer_may_read_and_describe_its_topic_and_use_its_group_and_nothing_else()
    {
        var resources = MskStacks.Build(Scram());

        Assert.Equal(
            ["Topic:Literal:orders:Read", "Topic:Literal:orders:Describe", "Group:Literal:order-service:Read", "Group:Literal:order-service:Describe"],
            Acls(resources, "User:apps-order-service"));
        var acl = resources.Single(r => r.Spec is KafkaAclSpec { AclPrincipal: "User:apps-order-service", AclOperation: "Read", AclResourceType: "Topic" });
        Assert.Equal("events-acl-apps-order-service-topic-orders-read", acl.Name);
        Assert.Equal("events-kafka", acl.Options.Provider);
        Assert.Equal(["events-msk", "events-scram-secrets"], acl.Options.DependsOn);
        Assert.All(resources.OfSpec<KafkaAclSpec>(), r => Assert.Equal(("*", "Allow"), (((KafkaAclSpec)r.Spec).AclHost, ((KafkaAclSpec)r.Spec).AclPermissionType)));
    }

    [Fact]
    public void Ksqldb_gets_the_acl_form_of_its_iam_policy()
    {
        var resources = MskStacks.Build(Scram(MskStacks.KsqlGroup));

        Assert.Equal(
            [
                "Cluster:Literal:kafka-cluster:Describe", "Cluster:Literal:kafka-cluster:DescribeConfigs", "Cluster:Literal:kafka-cluster:IdempotentWrite",
                "Topic:Literal:orders:Read", "Topic:Literal:orders:Write", "Topic:Literal:orders:Describe", "Topic:Literal:orders:DescribeConfigs",
                "Topic:Prefixed:_confluent-ksql-analytics_:Create", "Topic:Prefixed:_confluent-ksql-analytics_:Delete", "Topic:Prefixed:_confluent-ksql-analytics_:Describe",
                "Topic:Prefixed:_confluent-ksql-analytics_:DescribeConfigs", "Topic:Prefixed:_confluent-ksql-analytics_:Read", "Topic:Prefixed:_confluent-ksql-analytics_:Write",
                "Group:Prefixed:_confluent-ksql-analytics_:Read", "Group:Prefixed:_confluent-ksql-analytics_:Describe", "Group:Prefixed:_confluent-ksql-analytics_:Delete",
                "TransactionalID:Literal:analytics_:Describe", "TransactionalID:Literal:analytics_:Write",
            ],
            Acls(resources, "User:ksqldb-analytics"));
    }

    [Fact]
    public void The_deployer_may_manage_topics_and_acls_but_never_act_as_a_broker()
    {
        // MSK supports no super.users; ClusterAction stays with the brokers (AWS re:Post, "how to create a super user on MSK").
        var admin = Acls(MskStacks.Build(Scram()), "User:" + MskCloudResources.AdminUsername);

        Assert.Contains("Topic:Literal:*:All", admin);
        Assert.Contains("Cluster:Literal:kafka-cluster:Alter", admin);
        Assert.DoesNotContain(admin, a => a.EndsWith(":ClusterAction", StringComparison.Ordinal) || a.EndsWith(":All", StringComparison.Ordinal) && a.StartsWith("Cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_scram_user_has_an_amazonmsk_secret_under_a_customer_managed_key_and_no_password_in_the_spec()
    {
        var resources = MskStacks.Build(Scram(MskStacks.KsqlGroup));

        var secrets = resources.OfSpec<SecretSpec>().Select(r => (SecretSpec)r.Spec).ToArray();
        Assert.Equal(["AmazonMSK_events_kafka-infra-admin", "AmazonMSK_events_apps-order-service", "AmazonMSK_events_ksqldb-analytics"], secrets.Select(s => s.Name));
        Assert.All(secrets, s => Assert.Equal("${events-scram-kms.arn}", s.KmsKeyId.ToString()));
        Assert.True(resources.Spec<KmsKeySpec>("events-scram-kms").EnableKeyRotation);

        var versions = resources.OfSpec<ScramSecretVersionSpec>().Select(r => (ScramSecretVersionSpec)r.Spec).ToArray();
        Assert.Equal(["kafka:saslPassword", "msk-scram:apps-order-service", "msk-scram:ksqldb-analytics"], versions.Select(v => v.PasswordConfigKey));
        var rendered = string.Concat(resources.Select(r => MskStacks.Json(r).ToJsonString()));
        Assert.DoesNotContain("password\":", rendered, StringComparison.OrdinalIgnoreCase);

        var association = resources.Named("events-scram-secrets");
        var spec = Assert.IsType<ScramSecretAssociationSpec>(association.Spec);
        Assert.Equal(3, spec.SecretArnLists.Count);
        Assert.Equal(["events-scram-kafka-infra-admin-version", "events-scram-apps-order-service-version", "events-scram-ksqldb-analytics-version"], association.Options.DependsOn);
        Assert.Equal(MskCloudResources.AdminUsername, resources.Spec<KafkaProviderSpec>("events-kafka").SaslUsername);
    }

    [Fact]
    public void Allow_everyone_is_turned_off_only_once_the_acls_were_deployed_and_the_first_deploy_says_so()
    {
        var first = MskStacks.Plan(Scram());
        Assert.DoesNotContain("allow.everyone.if.no.acl.found", MskCloudResources.ServerProperties(first.Plan!), StringComparison.Ordinal);
        Assert.Contains(MskStacks.Lines(first.Warnings), w => w.StartsWith("kafka-infra:cluster.msk.authentication: authorizes with Kafka ACLs", StringComparison.Ordinal));

        var next = MskStacks.Plan(Scram(), AclsDeployed);
        Assert.Contains("allow.everyone.if.no.acl.found=false\n", MskCloudResources.ServerProperties(next.Plan!), StringComparison.Ordinal);
        Assert.DoesNotContain(MskStacks.Lines(next.Warnings), w => w.Contains("authorizes with Kafka ACLs", StringComparison.Ordinal));
    }

    [Fact]
    public void Iam_clusters_declare_no_acls_and_keep_the_setting_which_has_no_effect_there()
    {
        // MSK developer guide, "IAM access control": ACLs and allow.everyone.if.no.acl.found do not apply to IAM identities.
        var resources = MskStacks.Build(MskStacks.Prod, AclsDeployed);

        Assert.Empty(resources.OfSpec<KafkaAclSpec>());
        Assert.Empty(resources.OfSpec<SecretSpec>());
        Assert.DoesNotContain("allow.everyone", resources.Spec<MskConfigurationSpec>("events-config").ServerProperties, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutual_tls_grants_the_deployers_certificate_principal_and_refuses_consumers_and_ksqldb_with_the_way_forward()
    {
        static string Tls(string admin) => MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      authentication: tls\n      certificateAuthorityArns: [arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/abc]\n" + admin, StringComparison.Ordinal);
        static string WithoutConsumers(string yaml) => yaml[..yaml.IndexOf("  kafka-infra:consumers:", StringComparison.Ordinal)];

        var refused = MskStacks.Plan(Tls("      adminPrincipal: User:CN=deployer\n") + MskStacks.KsqlGroup);
        Assert.Null(refused.Plan);
        var lines = MskStacks.Lines(refused.Errors);
        Assert.Contains(lines, e => e.StartsWith("kafka-infra:consumers[0]: cannot run on an MSK cluster with authentication: tls", StringComparison.Ordinal) && e.Contains("Use authentication: scram", StringComparison.Ordinal));
        Assert.Contains(lines, e => e.StartsWith("kafka-infra:ksqldb[0]: cannot run on an MSK cluster with authentication: tls", StringComparison.Ordinal));

        Assert.Contains("kafka-infra:cluster.msk.adminPrincipal: is required when authentication is tls", string.Join('\n', MskStacks.Lines(MskStacks.Plan(WithoutConsumers(Tls(""))).Errors)), StringComparison.Ordinal);
        var resources = MskStacks.Build(WithoutConsumers(Tls("      adminPrincipal: User:CN=deployer,O=Example\n")));
        Assert.Contains("Cluster:Literal:kafka-cluster:Alter", Acls(resources, "User:CN=deployer,O=Example"));
        Assert.Contains(resources, r => r.Name == "events-acl-admin-topic-*-all");
        Assert.Empty(resources.OfSpec<SecretSpec>());
    }

    [Fact]
    public void Acl_grants_are_a_list_per_principal_that_other_clients_can_extend()
    {
        var plan = TestStacks.Valid(MskStacks.Plan(Scram(MskStacks.KsqlGroup)));

        var grants = KafkaAcls.For(plan);

        Assert.Equal(["consumer/apps/order-service", "ksqldb/analytics"], grants.Select(g => g.Client));
        Assert.Equal("User:apps-order-service", grants[0].Principal);
        Assert.Equal(MskCloudResources.AdminUsername, MskCloudResources.Grants(plan)[0].Username);
    }
}
