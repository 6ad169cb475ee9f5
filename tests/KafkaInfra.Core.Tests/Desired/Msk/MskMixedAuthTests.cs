using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using static KafkaInfra.Core.Tests.Reports.ImpactTestStacks;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>
/// <c>cluster.msk.authentication</c> as a list (issue 16 item 9): MSK enables sasl.iam, sasl.scram and tls side by side,
/// each with its own bootstrap output (IAM 9098, SCRAM 9096, TLS 9094: MSK developer guide, "Port information";
/// terraform-provider-aws msk_cluster docs). IAM identities are authorized by IAM policies only, SCRAM/mTLS principals
/// by Kafka ACLs (MSK developer guide, "IAM access control"); <c>vpcConnectivity</c> maps to
/// <c>brokerNodeGroupInfo.connectivityInfo.vpcConnectivity</c> (terraform-provider-aws internal/service/kafka/cluster.go).
/// </summary>
public class MskMixedAuthTests
{
    private static readonly string ImpactMsk = Base("msk");

    /// <summary>IAM first (the default), SCRAM beside it; order-service keeps the default, audit-reader logs in with SCRAM.</summary>
    private static readonly string Mixed = MskStacks.Prod
        .Replace("      region: eu-west-1\n", "      region: eu-west-1\n      authentication: [iam, scram]\n", StringComparison.Ordinal)
        .Replace("      maxReplicas: 10\n", "      maxReplicas: 10\n    - name: audit-reader\n      namespace: audit\n      topic: payments\n      authentication: scram\n      maxReplicas: 3\n", StringComparison.Ordinal)
        + """
          kafka-infra:producers:
            - name: checkout
              namespace: apps
              topics: [orders]
            - name: ledger
              namespace: audit
              topics: [payments]
              authentication: scram

        """;

    private static string[] Errors(string yaml, DeployedState? deployed = null)
    {
        var result = MskStacks.Plan(yaml, deployed);
        Assert.Null(result.Plan);
        return MskStacks.Lines(result.Errors);
    }

    [Fact]
    public void The_cluster_enables_every_listed_mechanism_and_never_unauthenticated()
    {
        var cluster = MskStacks.Build(Mixed).Named("events-msk");
        var spec = Assert.IsType<MskClusterSpec>(cluster.Spec);

        Assert.Equal(new ClusterSasl(Iam: true, Scram: true), spec.ClientAuthentication.Sasl);
        Assert.Null(spec.ClientAuthentication.Tls);
        Assert.False(spec.ClientAuthentication.Unauthenticated);
        Assert.Equal(["clientAuthentication.sasl", "clientAuthentication.sasl.iam", "clientAuthentication.sasl.scram", "clientAuthentication.unauthenticated"],
            MskStacks.Paths(MskStacks.Json(cluster)["clientAuthentication"], "clientAuthentication").Order(StringComparer.Ordinal));
        Assert.Null(spec.BrokerNodeGroupInfo.ConnectivityInfo);
    }

    [Fact]
    public void A_single_value_stays_the_short_form_and_the_first_of_a_list_is_the_default()
    {
        var single = TestStacks.Valid(MskStacks.Plan(MskStacks.WithAuthentication("scram"))).Config.Cluster.Msk!;
        Assert.Equal([MskAuthentication.Scram], single.Mechanisms);

        var list = TestStacks.Valid(MskStacks.Plan(Mixed.Replace("[iam, scram]", "[scram, iam]", StringComparison.Ordinal))).Config.Cluster.Msk!;
        Assert.Equal([MskAuthentication.Scram, MskAuthentication.Iam], list.Mechanisms);
        Assert.Equal(MskAuthentication.Scram, list.Authentication);
    }

    [Fact]
    public void Iam_clients_get_iam_policies_and_scram_clients_get_acls_and_secrets()
    {
        var resources = MskStacks.Build(Mixed);
        var policies = resources.OfSpec<IamPolicySpec>().Select(r => r.Name).ToList();

        Assert.Contains("events-consumer-apps.order-service-policy", policies);
        Assert.Contains("events-producer-apps.checkout-policy", policies);
        Assert.DoesNotContain(policies, p => p.Contains("audit-reader", StringComparison.Ordinal) || p.Contains("ledger", StringComparison.Ordinal));
        // KEDA's role describes only the IAM consumers' topics: it reads a SCRAM consumer's lag with that consumer's user.
        var keda = MskStacks.Flat(MskStacks.Statements(resources.Named("events-keda-policy")));
        Assert.Contains(keda, s => s.StartsWith("DescribeTopics: kafka-cluster:DescribeTopic on arn:aws:kafka:eu-west-1:123456789012:topic/events/", StringComparison.Ordinal) && s.EndsWith("/orders", StringComparison.Ordinal));
        Assert.DoesNotContain(keda, s => s.Contains("payments", StringComparison.Ordinal));

        var principals = resources.OfSpec<KafkaAclSpec>().Select(r => ((KafkaAclSpec)r.Spec).AclPrincipal).Distinct().ToList();
        // SCRAM users are <namespace>-<name> (producers -producer), as on Strimzi.
        Assert.Equal(["User:audit-audit-reader", "User:audit-ledger-producer"], principals);
        // The deployer signs in with IAM: no SCRAM user of its own, no ACLs of its own, only the SCRAM clients' secrets.
        Assert.Equal(["AmazonMSK_events_audit-audit-reader", "AmazonMSK_events_audit-ledger-producer"], resources.OfSpec<SecretSpec>().Select(r => ((SecretSpec)r.Spec).Name).Order(StringComparer.Ordinal));
        var provider = resources.Spec<KafkaProviderSpec>("events-kafka");
        Assert.Equal(KafkaSaslMechanism.AwsIam, provider.SaslMechanism);
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), provider.BootstrapServers);
    }

    [Fact]
    public void An_iam_deployer_turns_allow_everyone_off_in_the_first_run()
    {
        var result = MskStacks.Plan(Mixed);
        var plan = TestStacks.Valid(result);

        Assert.Contains("allow.everyone.if.no.acl.found=false\n", MskCloudResources.ServerProperties(plan), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("allow.everyone.if.no.acl.found=true", StringComparison.Ordinal));

        // A SCRAM-only deployer still waits for its own ACLs (MSK has no super.users).
        var scram = TestStacks.Valid(MskStacks.Plan(MskStacks.WithAuthentication("scram")));
        Assert.DoesNotContain("allow.everyone", MskCloudResources.ServerProperties(scram), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_consumer_trigger_follows_the_bootstrap_output_of_its_mechanism()
    {
        var objects = MskWorkloads.Build(TestStacks.Valid(MskStacks.Plan(Mixed)));

        object? Bootstrap(string name) => ((Tree)objects.Single(o => o.Kind == "ScaledObject" && o.Name == name).Spec().ListAt("triggers")[0]).Child("metadata")["bootstrapServers"];
        Assert.Equal(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam), Bootstrap("order-service"));
        Assert.Equal(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslScram), Bootstrap("audit-reader"));
        Assert.Contains(objects, o => o.Kind == "ConfigMap" && o.Name == KafkaResources.KedaClientConfigMap("audit-reader"));
        Assert.DoesNotContain(objects, o => o.Kind == "ConfigMap" && o.Name == KafkaResources.KedaClientConfigMap("order-service"));
    }

    [Fact]
    public void Vpc_connectivity_maps_to_the_clusters_connectivity_info()
    {
        var yaml = Mixed.Replace("      authentication: [iam, scram]\n", "      authentication: [iam, scram]\n      vpcConnectivity:\n        authentication: iam\n", StringComparison.Ordinal);
        var cluster = MskStacks.Build(yaml).Named("events-msk");

        Assert.Equal(new ConnectivityInfo(new VpcConnectivity(new VpcConnectivityClientAuthentication(new VpcConnectivitySasl(Iam: true, Scram: false), null))),
            Assert.IsType<MskClusterSpec>(cluster.Spec).BrokerNodeGroupInfo.ConnectivityInfo);
        Assert.True(MskStacks.Json(cluster)["brokerNodeGroupInfo"]!["connectivityInfo"]!["vpcConnectivity"]!["clientAuthentication"]!["sasl"]!["iam"]!.GetValue<bool>());
    }

    [Fact]
    public void Bad_mechanism_lists_report_every_item_with_its_key_and_value()
    {
        var lines = Errors(MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      authentication: [iam, plain, iam, unauthenticated]\n", StringComparison.Ordinal));

        Assert.Contains("kafka-infra:cluster.msk.authentication[1]: must be one of iam, scram, tls; got \"plain\"", lines);
        Assert.Contains("kafka-infra:cluster.msk.authentication[3]: must be one of iam, scram, tls (kafka-infra never enables unauthenticated access); got \"unauthenticated\"", lines);
        Assert.Contains("kafka-infra:cluster.msk.authentication: must not repeat a mechanism; got \"iam\" more than once", lines);

        Assert.Contains("kafka-infra:cluster.msk.authentication: must name at least one mechanism (iam, scram, tls); got an empty list",
            Errors(MskStacks.Prod.Replace("      region: eu-west-1\n", "      region: eu-west-1\n      authentication: []\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Vpc_connectivity_needs_an_enabled_mechanism_and_a_supported_broker()
    {
        var yaml = Mixed
            .Replace("kafka.m7g.large", "kafka.t3.small", StringComparison.Ordinal)
            .Replace("      authentication: [iam, scram]\n", "      authentication: [iam, scram]\n      vpcConnectivity:\n        authentication: [iam, tls]\n", StringComparison.Ordinal);
        var lines = Errors(yaml);

        Assert.Contains(lines, l => l.StartsWith("kafka-infra:cluster.msk.vpcConnectivity: is not supported on kafka.t3.small brokers", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("kafka-infra:cluster.msk.vpcConnectivity.authentication: lists \"tls\", which cluster.msk.authentication does not enable (iam, scram)", StringComparison.Ordinal));
        Assert.Contains("kafka-infra:cluster.msk.vpcConnectivity.authentication: is required: the mechanisms clients in other VPCs may use (iam, scram, tls), e.g. [iam]",
            Errors(Mixed.Replace("      authentication: [iam, scram]\n", "      authentication: [iam, scram]\n      vpcConnectivity: {}\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Scram_over_vpc_connectivity_waits_until_a_scram_deployer_has_its_acls()
    {
        var yaml = MskStacks.WithAuthentication("scram").Replace("      authentication: scram\n", "      authentication: scram\n      vpcConnectivity:\n        authentication: scram\n", StringComparison.Ordinal);

        Assert.Contains(Errors(yaml), l => l.StartsWith("kafka-infra:cluster.msk.vpcConnectivity.authentication: cannot enable \"scram\" yet: AWS requires allow.everyone.if.no.acl.found=false", StringComparison.Ordinal));
        var deployed = new DeployedState(new Dictionary<string, int> { ["orders"] = 10, ["payments"] = 3 }, 3, 1000, KafkaAclsDeclared: true);
        Assert.NotNull(MskStacks.Plan(yaml, deployed).Plan);
    }

    [Fact]
    public void A_client_chooses_only_a_mechanism_the_cluster_enables()
    {
        var lines = Errors(Mixed
            .Replace("      authentication: scram\n      maxReplicas: 3\n", "      authentication: tls\n      maxReplicas: 3\n", StringComparison.Ordinal)
            .Replace("      topics: [payments]\n      authentication: scram\n", "      topics: [payments]\n      authentication: tls\n", StringComparison.Ordinal));

        Assert.Contains("kafka-infra:consumers[1].authentication: must be a mechanism the cluster enables (iam, scram); got \"tls\". Add it to kafka-infra:cluster.msk.authentication or choose one of those", lines);
        Assert.Contains("kafka-infra:producers[1].authentication: must be a mechanism the cluster enables (iam, scram); got \"tls\". Add it to kafka-infra:cluster.msk.authentication or choose one of those", lines);
        Assert.Equal(["kafka-infra:producers[1].authentication: must be one of iam, scram, tls; got \"kerberos\""],
            Errors(Mixed.Replace("      topics: [payments]\n      authentication: scram\n", "      topics: [payments]\n      authentication: kerberos\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Msk_connect_uses_iam_even_when_it_is_not_the_default()
    {
        var yaml = Mixed.Replace("[iam, scram]", "[scram, iam]", StringComparison.Ordinal) + MskStacks.ConnectGroup;
        var resources = MskStacks.Build(yaml);

        var connector = resources.Spec<ConnectorSpec>("events-connector-archive");
        Assert.Equal("IAM", connector.KafkaClusterClientAuthentication.AuthenticationType);
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), connector.KafkaCluster.ApacheKafkaCluster.BootstrapServers);
        // order-service now defaults to SCRAM: ACLs, no IAM policy; the Connect group keeps its IAM policy.
        Assert.Contains(resources.OfSpec<KafkaAclSpec>(), r => ((KafkaAclSpec)r.Spec).AclPrincipal == "User:apps-order-service");
        Assert.DoesNotContain(resources, r => r.Name == "events-consumer-apps.order-service-policy");
        Assert.Contains(resources, r => r.Name == "events-connect-sinks-policy");
    }

    [Fact]
    public void Diff_reports_an_authentication_change_as_an_in_place_update()
    {
        const string Both = "securityGroups: [sg-1]=>securityGroups: [sg-1]\n      authentication: [iam, scram]";
        var added = Assert.Single(Report(ImpactMsk, Edit(ImpactMsk, Both)).Changes, c => c.Kind == ChangeKind.ClientAuthentication);
        Assert.False(added.Unsafe);
        Assert.Equal(("[iam]", "[iam, scram]"), (added.Old, added.New));
        Assert.Contains("updated in place (MSK UpdateSecurity; the cluster is not replaced)", added.Consequence, StringComparison.Ordinal);
        Assert.Contains("scram gets its own bootstrap address (port 9096)", added.Consequence, StringComparison.Ordinal);

        var reordered = Assert.Single(Report(Edit(ImpactMsk, Both), Edit(ImpactMsk, Both.Replace("[iam, scram]", "[scram, iam]", StringComparison.Ordinal))).Changes, c => c.Kind == ChangeKind.ClientAuthentication);
        Assert.Contains("the clients' default moves from iam to scram", reordered.Consequence, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_refuses_vpc_connectivity_for_a_mechanism_enabled_in_the_same_run()
    {
        var after = Edit(ImpactMsk, "securityGroups: [sg-1]=>securityGroups: [sg-1]\n      authentication: [iam, scram]\n      vpcConnectivity: { authentication: [iam, scram] }");
        var report = Report(ImpactMsk, after);

        var vpc = Assert.Single(report.Changes, c => c.Kind == ChangeKind.ClientAuthentication && c.ConfigPath == "kafka-infra:cluster.msk.vpcConnectivity.authentication");
        Assert.True(vpc.Unsafe);
        Assert.Contains("refused by AWS", vpc.Consequence, StringComparison.Ordinal);
        Assert.StartsWith("enable scram in kafka-infra:cluster.msk.authentication in one run", vpc.Acknowledge, StringComparison.Ordinal);

        var later = Report(Edit(ImpactMsk, "securityGroups: [sg-1]=>securityGroups: [sg-1]\n      authentication: [iam, scram]"), after);
        Assert.False(Assert.Single(later.Changes, c => c.Kind == ChangeKind.ClientAuthentication).Unsafe);
    }
}
