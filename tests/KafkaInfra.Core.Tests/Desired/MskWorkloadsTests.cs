using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Tests.Desired;

public class MskWorkloadsTests
{
    private static string MskYaml(string auth = "iam", string region = "\n      region: eu-west-1", string extra = "") => $"""
        config:
          kafka-infra:environment: prod
          kafka-infra:cluster:
            name: events
            kafkaVersion: "3.9.x"
            brokers: 3
            storageGiB: 1000
            msk:
              instanceType: kafka.m7g.large
              clientSubnets: [subnet-a, subnet-b, subnet-c]
              securityGroups: [sg-1]
              authentication: {auth}{region}
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 5000
              averageMessagesPerSecond: 1000
              messagesPerSecondPerConsumer: 500
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              maxReplicas: 40
          kafka-infra:ksqldb:
            - name: analytics
              topics: [orders]
              image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ksqldb-server-msk-iam:8.0.0
        {extra}
        """;

    [Fact]
    public void Iam_stacks_use_the_iam_bootstrap_output_and_keda_pod_identity()
    {
        var plan = StrimziStacks.Plan(MskYaml());
        var objects = MskWorkloads.Build(plan);
        var so = Assert.Single(objects, o => o.Kind == "ScaledObject");
        Assert.Equal("apps", so.Namespace);
        Assert.Equal(plan.Consumers[0].MaxReplicas, so.Spec()["maxReplicaCount"]);
        Assert.True((int)so.Spec()["maxReplicaCount"]! <= plan.Topic("orders").Partitions);
        var metadata = ((Tree)so.Spec().ListAt("triggers")[0]).Child("metadata");
        Assert.Equal(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam), metadata["bootstrapServers"]);
        Assert.Equal("oauthbearer", metadata["sasl"]);
        Assert.Equal("aws_msk_iam", metadata["saslTokenProvider"]);
        Assert.Equal("eu-west-1", metadata["awsRegion"]);
        Assert.Equal("enable", metadata["tls"]);
        var auth = Assert.Single(objects, o => o.Kind == "TriggerAuthentication");
        Assert.Equal("aws", auth.Spec().At("podIdentity.provider"));
        Assert.Null(auth.Spec()["secretTargetRef"]);
        Assert.DoesNotContain(objects, o => o.Kind == "ConfigMap");
    }

    [Fact]
    public void Iam_ksqldb_uses_the_msk_iam_login_module()
    {
        var objects = MskWorkloads.Build(StrimziStacks.Plan(MskYaml()));
        var deployment = Assert.Single(objects, o => o.Kind == "Deployment");
        Assert.Equal("kafka", deployment.Namespace);
        var env = Assert.Single(Assert.IsType<DeploymentModel>(deployment.Model).Containers).Env.ToDictionary(e => e.Name, e => e.Value);
        // The env value is the cluster's output itself (rendered as ${events-msk.bootstrapBrokersSaslIam}), not a placeholder string.
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam)), env["KSQL_BOOTSTRAP_SERVERS"]);
        Assert.Equal("SASL_SSL", env["KSQL_SECURITY_PROTOCOL"]);
        Assert.Equal("AWS_MSK_IAM", env["KSQL_SASL_MECHANISM"]);
        Assert.Equal("software.amazon.msk.auth.iam.IAMLoginModule required;", env["KSQL_SASL_JAAS_CONFIG"]);
        Assert.Equal("software.amazon.msk.auth.iam.IAMClientCallbackHandler", env["KSQL_SASL_CLIENT_CALLBACK_HANDLER_CLASS"]);
        Assert.False(env.ContainsKey("KSQL_SSL_TRUSTSTORE_LOCATION")); // Amazon-issued broker certificates: the default trust store
        Assert.Single(objects, o => o.Kind == "Service");
        // The ksqlDB namespace is the stack's own; the consumers' namespace ("apps") exists already and is never declared.
        Assert.Equal(["kafka"], objects.Where(o => o.Kind == "Namespace").Select(o => o.Name));
    }

    public static TheoryData<string, string, string?> Modes() => new()
    {
        { "iam", "bootstrapBrokersSaslIam", "oauthbearer" },
        { "scram", "bootstrapBrokersSaslScram", "scram_sha512" },
    };

    /// <summary>The TLS-only objects, built from the IAM stack's plan with the authentication switched (a tls stack file needs more keys, such as its CA ARNs).</summary>
    private static IReadOnlyList<KubernetesObject> TlsObjects(out ClientAccess access)
    {
        var plan = StrimziStacks.Plan(MskYaml());
        var msk = plan.Config.Cluster.Msk! with { Authentication = MskAuthentication.Tls };
        access = MskWorkloads.Access("events", new MskProvisionedPlatform(msk));
        return [.. KedaRenderer.ForConsumer(plan.Consumers[0], access, null, "events"), .. KsqlDbRenderer.Build(plan.KsqlDb[0], "kafka", access, null, "events")];
    }

    [Fact]
    public void Tls_uses_the_tls_bootstrap_output_without_sasl_or_credentials()
    {
        var objects = TlsObjects(out var access);
        Assert.Equal(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersTls)), access.BootstrapServers);
        Assert.Equal(ClientSecurity.Tls, access.Security);
        var metadata = ((Tree)objects.Single(o => o.Kind == "ScaledObject").Spec().ListAt("triggers")[0]).Child("metadata");
        Assert.Equal("enable", metadata["tls"]);
        Assert.Null(metadata["sasl"]);
        Assert.DoesNotContain(objects, o => o.Kind is "TriggerAuthentication" or "ConfigMap");
        var env = Assert.Single(Assert.IsType<DeploymentModel>(objects.Single(o => o.Kind == "Deployment").Model).Containers).Env;
        Assert.Contains(env, e => e.Name == "KSQL_SECURITY_PROTOCOL" && e.Value == "SSL");
        Assert.DoesNotContain(env, e => e.Name.StartsWith("KSQL_SASL", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Each_authentication_mode_uses_its_bootstrap_output(string auth, string output, string? sasl)
    {
        var objects = MskWorkloads.Build(StrimziStacks.Plan(MskYaml(auth)));
        var metadata = ((Tree)objects.Single(o => o.Kind == "ScaledObject").Spec().ListAt("triggers")[0]).Child("metadata");
        Assert.Equal(new OutputRef("events-msk", Enum.Parse<CloudOutput>(output, ignoreCase: true)), metadata["bootstrapServers"]);
        Assert.Equal(sasl, metadata["sasl"]);
        Assert.Equal("enable", metadata["tls"]);
    }

    [Fact]
    public void Scram_reads_the_password_from_a_secret_in_the_workload_namespace()
    {
        var objects = MskWorkloads.Build(StrimziStacks.Plan(MskYaml("scram")));
        var auth = Assert.Single(objects, o => o.Kind == "TriggerAuthentication");
        var secret = Assert.IsType<Tree>(Assert.Single(auth.Spec().ListAt("secretTargetRef")));
        Assert.Equal(("password", "order-service-kafka-scram"), ((string?)secret["parameter"], (string?)secret["name"]));
        // The trigger signs in as the consumer's SCRAM user, which carries its namespace (KafkaAcls.Consumer).
        var configMap = Assert.Single(objects, o => o.Kind == "ConfigMap");
        Assert.Equal(("apps", "apps-order-service"), (configMap.Namespace, (string?)configMap.Body.Child("data")["username"]));
        var ksql = Assert.Single(Assert.IsType<DeploymentModel>(objects.Single(o => o.Kind == "Deployment").Model).Containers).Env;
        Assert.Contains(ksql, e => e.Name == "KSQL_SASL_JAAS_CONFIG" && e.SecretName == "ksqldb-analytics-kafka-scram");
    }

    [CrdFact]
    public void Msk_custom_resources_validate_against_the_keda_crds()
    {
        var catalog = CrdCatalog.Current!;
        var objects = new[] { "iam", "scram" }.SelectMany(auth => MskWorkloads.Build(StrimziStacks.Plan(MskYaml(auth)))).Concat(TlsObjects(out _));
        var errors = objects.Where(o => o.IsCustomResource).SelectMany(o => catalog.Validate(o.ApiVersion, o.Kind, o.ToManifest())).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Iam_consumers_without_a_region_get_a_warning_and_no_aws_region_in_the_trigger()
    {
        var result = StrimziStacks.PlanText(MskYaml(region: ""));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings, w => w.Path == "kafka-infra:cluster.msk.region");
        Assert.Contains("aws:region", warning.Message, StringComparison.Ordinal);
        var so = MskWorkloads.Build(result.Plan!).Single(o => o.Kind == "ScaledObject");
        Assert.Null(((Tree)so.Spec().ListAt("triggers")[0]).Child("metadata")["awsRegion"]);
        Assert.DoesNotContain(StrimziStacks.PlanText(MskYaml()).Warnings, w => w.Path == "kafka-infra:cluster.msk.region");
    }
}
