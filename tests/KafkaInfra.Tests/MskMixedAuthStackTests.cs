using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Tests;

/// <summary>
/// What the program registers for an MSK cluster with IAM and SCRAM side by side (examples/msk/mixed-auth; issue 16
/// item 9): the cluster's clientAuthentication (sasl.iam and sasl.scram) and connectivityInfo.vpcConnectivity inputs
/// (aws:msk/cluster; terraform-provider-aws internal/service/kafka/cluster.go), IAM policies for the IAM clients only,
/// and Kafka ACLs and SCRAM secrets for the SCRAM clients only.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class MskMixedAuthStackTests
{
    private const string Example = "examples/msk/mixed-auth/Pulumi.prod.yaml";

    private static StackHarness Harness()
    {
        var raw = StackHarness.FileRaw(Example);
        var desired = DesiredStateBuilder.Build(CapacityPlanner.Plan(raw).GetOrThrow());
        return new StackHarness("prod", raw, secretConfig: StackHarness.ScramSecrets(desired));
    }

    [Fact]
    public async Task The_cluster_enables_iam_and_scram_and_multi_vpc_iam()
    {
        var harness = Harness();
        await harness.RunAsync();

        var cluster = Assert.Single(harness.OfType("aws:msk/cluster:Cluster"));
        Assert.Equal(true, StackHarness.At(cluster.Inputs, "clientAuthentication.sasl.iam"));
        Assert.Equal(true, StackHarness.At(cluster.Inputs, "clientAuthentication.sasl.scram"));
        Assert.Equal(false, StackHarness.At(cluster.Inputs, "clientAuthentication.unauthenticated"));
        Assert.Null(StackHarness.At(cluster.Inputs, "clientAuthentication.tls"));
        Assert.Equal(true, StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.connectivityInfo.vpcConnectivity.clientAuthentication.sasl.iam"));
        Assert.Equal(false, StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.connectivityInfo.vpcConnectivity.clientAuthentication.sasl.scram"));
        Assert.Null(StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.connectivityInfo.publicAccess"));
        Assert.Equal("payments", StackHarness.At(cluster.Inputs, "tags.team"));
    }

    [Fact]
    public async Task Iam_clients_get_policies_and_scram_clients_get_acls_and_secrets()
    {
        var harness = Harness();
        await harness.RunAsync();

        var policies = harness.OfType("aws:iam/policy:Policy").Select(p => p.Name!).ToList();
        Assert.Contains(policies, p => p.Contains("payment-processor", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.Contains("checkout", StringComparison.Ordinal));
        Assert.DoesNotContain(policies, p => p.Contains("ledger-reader", StringComparison.Ordinal) || p.Contains("ledger-writer", StringComparison.Ordinal));

        var principals = harness.OfType("kafka:index/acl:Acl").Select(a => (string)a.Inputs["aclPrincipal"]).Distinct().ToList();
        // SCRAM users are <namespace>-<name>, as on Strimzi.
        Assert.Contains("User:ledger-ledger-reader", principals);
        Assert.DoesNotContain(principals, p => p.Contains("payment-processor", StringComparison.Ordinal));
        Assert.DoesNotContain("User:kafka-infra-admin", principals);
        Assert.Contains(harness.OfType("aws:secretsmanager/secret:Secret"), s => (string)s.Inputs["name"] == "AmazonMSK_ledger_ledger-ledger-reader");
        Assert.Equal("aws-iam", Assert.Single(harness.OfType("pulumi:providers:kafka")).Inputs["saslMechanism"]);
        // The deployer signs in with IAM, so the first run already denies principals without ACLs.
        Assert.Contains("allow.everyone.if.no.acl.found=false\n", (string)harness.OfType("aws:msk/configuration:Configuration").Single().Inputs["serverProperties"], StringComparison.Ordinal);
    }
}
