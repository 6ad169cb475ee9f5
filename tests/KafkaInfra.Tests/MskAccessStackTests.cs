using System.Collections.Immutable;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;
using Pulumi;
using Pulumi.Testing;

namespace KafkaInfra.Tests;

/// <summary>
/// What the program registers for MSK access (issue 13 items 3, 5, 10, 11; platform-facts.md 8.4): SCRAM secrets whose
/// password stays a secret, Kafka ACLs through the stack's Kafka provider, allow.everyone.if.no.acl.found off once the
/// ACLs were deployed, pod identity associations, the Connect group's extra statements, and the tls refusal.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class MskAccessStackTests
{
    private const string ScramExample = "examples/msk/standard-scram/Pulumi.msk-scram.yaml";

    private static StackHarness Scram(ImmutableDictionary<string, object>? previous = null)
    {
        var raw = StackHarness.FileRaw(ScramExample);
        var desired = DesiredStateBuilder.Build(CapacityPlanner.Plan(raw).GetOrThrow());
        return new StackHarness("msk-scram", raw, previous, secretConfig: StackHarness.ScramSecrets(desired));
    }

    [Fact]
    public async Task Scram_passwords_reach_secrets_manager_only_as_pulumi_secrets()
    {
        var harness = Scram();

        var (resources, outputs) = await harness.RunAsync();

        // the deployer, consumer shop/order-service, producer shop/checkout-api, user ops-console, ksqldb-reports
        Assert.Equal(5, resources.OfType<Pulumi.Aws.SecretsManager.SecretVersion>().Count());
        // The mocked engine hands inputs back unwrapped, so the secretness is checked on the value the program assigns.
        var secretStrings = new List<Output<string>>();
        await Deployment.TestAsync(harness.Mocks.Object, new TestOptions { IsPreview = false, ProjectName = StackHarness.Project, StackName = "msk-scram" }, () =>
            secretStrings.Add(CloudMapper.ScramSecretString(new KafkaInfra.Core.Desired.Cloud.ScramSecretVersionSpec("arn:aws:secretsmanager:eu-west-1:1:secret:x", "shop-order-service", "msk-scram:shop-order-service"))));
        Assert.True(await Output.IsSecretAsync(secretStrings.Single()), "secretString must stay a Pulumi secret");

        var registered = harness.OfType("aws:secretsmanager/secretVersion:SecretVersion").Single(v => v.Name!.Contains("order-service", StringComparison.Ordinal));
        Assert.Equal("{\"password\":\"test-password-shop-order-service\",\"username\":\"shop-order-service\"}", registered.Inputs["secretString"]);
        var producer = harness.OfType("aws:secretsmanager/secretVersion:SecretVersion").Single(v => v.Name == "shop-scram-shop-checkout-api-producer-version");
        Assert.Equal("{\"password\":\"test-password-shop-checkout-api-producer\",\"username\":\"shop-checkout-api-producer\"}", producer.Inputs["secretString"]);
        Assert.All(harness.OfType("aws:secretsmanager/secret:Secret"), s => Assert.StartsWith("AmazonMSK_", (string)s.Inputs["name"], StringComparison.Ordinal));
        foreach (var (name, value) in outputs)
        {
            var text = value is Output<string> o ? await Pulumi.Utilities.OutputUtilities.GetValueAsync(o) : System.Text.Json.JsonSerializer.Serialize(value);
            Assert.DoesNotContain("test-password", text ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Acls_go_through_the_stacks_kafka_provider_and_allow_everyone_goes_off_on_the_next_deploy()
    {
        var first = Scram();
        var (_, outputs) = await first.RunAsync();

        var acls = first.Registrations.Where(r => r.Type == "kafka:index/acl:Acl").ToArray();
        Assert.NotEmpty(acls);
        Assert.All(acls, a => Assert.Equal("shop-kafka", a.Provider));
        Assert.DoesNotContain("allow.everyone", (string)first.OfType("aws:msk/configuration:Configuration").Single().Inputs["serverProperties"], StringComparison.Ordinal);
        Assert.Equal(true, outputs["kafkaAclsDeclared"]);

        var next = Scram(StackHarness.Previous(new Dictionary<string, int> { ["orders"] = 6 }, 3, 500).Add("kafkaAclsDeclared", true));
        await next.RunAsync();

        Assert.Contains("allow.everyone.if.no.acl.found=false\n", (string)next.OfType("aws:msk/configuration:Configuration").Single().Inputs["serverProperties"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Producers_users_and_quotas_of_the_scram_example_are_acls_and_kafka_quotas_through_the_stacks_provider()
    {
        var harness = Scram();

        await harness.RunAsync();

        // Mongey/terraform-provider-kafka kafka_quota: entity_type user, entity_name the SCRAM user, config of Kafka quota keys.
        var quotas = harness.OfType("kafka:index/quota:Quota").ToDictionary(q => q.Name!, StringComparer.Ordinal);
        Assert.Equal(["shop-quota-ops-console", "shop-quota-shop-checkout-api-producer", "shop-quota-shop-order-service"], quotas.Keys.Order(StringComparer.Ordinal));
        var producerQuota = quotas["shop-quota-shop-checkout-api-producer"];
        Assert.Equal(("user", "shop-checkout-api-producer"), ((string)producerQuota.Inputs["entityType"], (string)producerQuota.Inputs["entityName"]));
        var config = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(producerQuota.Inputs["config"]);
        Assert.Equal(["producer_byte_rate=4194304", "request_percentage=50"], config.Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal));
        Assert.All(harness.Registrations.Where(r => r.Type == "kafka:index/quota:Quota"), q => Assert.Equal("shop-kafka", q.Provider));

        var acls = harness.OfType("kafka:index/acl:Acl").Select(a => a.Inputs).ToArray();
        Assert.Contains(acls, a => (string)a["aclPrincipal"] == "User:shop-checkout-api-producer" && (string)a["aclOperation"] == "IdempotentWrite" && (string)a["aclResourceType"] == "Cluster");
        Assert.Contains(acls, a => (string)a["aclPrincipal"] == "User:shop-checkout-api-producer" && (string)a["aclOperation"] == "Write" && (string)a["aclResourceType"] == "TransactionalID" && (string)a["resourcePatternTypeFilter"] == "Prefixed");
        Assert.Equal(
            ["Cluster:kafka-cluster:Describe", "Group:*:Describe", "Topic:*:Describe", "Topic:*:DescribeConfigs"],
            acls.Where(a => (string)a["aclPrincipal"] == "User:ops-console").Select(a => $"{a["aclResourceType"]}:{a["aclResourceName"]}:{a["aclOperation"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task On_the_mtls_example_acls_and_quotas_name_the_certificate_principals_and_no_scram_secret_exists()
    {
        var harness = new StackHarness("msk-mtls", StackHarness.FileRaw("examples/msk/standard-mtls/Pulumi.msk-mtls.yaml"));

        await harness.RunAsync();

        var quotas = harness.OfType("kafka:index/quota:Quota").ToDictionary(q => q.Name!, q => (string)q.Inputs["entityName"], StringComparer.Ordinal);
        Assert.Equal("CN=ledger-writer,O=Example", quotas["ledger-quota-ledger-ledger-writer-producer"]);
        Assert.Equal("CN=audit-reader,O=Example", quotas["ledger-quota-audit-reader"]);
        var principals = harness.OfType("kafka:index/acl:Acl").Select(a => (string)a.Inputs["aclPrincipal"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["User:CN=audit-reader,O=Example", "User:CN=kafka-infra,O=Example", "User:CN=ledger-writer,O=Example"], principals.Order(StringComparer.Ordinal));
        Assert.Empty(harness.OfType("aws:secretsmanager/secret:Secret"));
    }

    [Fact]
    public async Task Consumers_on_a_tls_cluster_are_refused_before_anything_is_registered()
    {
        var raw = StackHarness.StackFileRaw("prod");
        raw["kafka-infra:cluster"] = raw["kafka-infra:cluster"]!.Replace("\"authentication\":\"iam\"", "\"authentication\":\"tls\",\"certificateAuthorityArns\":[\"arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca\"],\"adminPrincipal\":\"User:CN=deployer\"", StringComparison.Ordinal);
        raw.Remove("kafka-infra:connect");
        raw.Remove("kafka-infra:ksqldb");
        var harness = new StackHarness("prod", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.NotNull(error);
        Assert.Contains("kafka-infra:consumers[0]: cannot run on an MSK cluster with authentication: tls", StackHarness.ErrorText(error!), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task Created_roles_are_associated_with_their_service_accounts_and_tags_reach_aws_resources()
    {
        var harness = new StackHarness("msk-iam", StackHarness.FileRaw("examples/msk/standard-iam/Pulumi.msk-iam.yaml"));

        await harness.RunAsync();

        var associations = harness.OfType("aws:eks/podIdentityAssociation:PodIdentityAssociation");
        Assert.Equal(
            ["apps-eu-west-1 keda/keda-operator", "apps-eu-west-1 payments/payment-processor"],
            associations.Select(a => $"{a.Inputs["clusterName"]} {a.Inputs["namespace"]}/{a.Inputs["serviceAccount"]}").Order(StringComparer.Ordinal));
        var cluster = harness.OfType("aws:msk/cluster:Cluster").Single();
        var tags = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(cluster.Inputs["tags"]);
        Assert.Equal("payments", tags["team"]);
    }

    [Fact]
    public async Task The_prod_s3_sink_role_may_write_its_archive_bucket()
    {
        var harness = new StackHarness("prod", StackHarness.StackFileRaw("prod"));

        await harness.RunAsync();

        var policy = harness.OfType("aws:iam/policy:Policy").Single(p => p.Name == "events-connect-sinks-policy");
        Assert.Contains("\"Sid\":\"ArchiveObjects\",\"Effect\":\"Allow\",\"Action\":[\"s3:PutObject\"", (string)policy.Inputs["policy"], StringComparison.Ordinal);
        Assert.Contains("arn:aws:s3:::prod-telemetry-archive/*", (string)policy.Inputs["policy"], StringComparison.Ordinal);
    }
}
