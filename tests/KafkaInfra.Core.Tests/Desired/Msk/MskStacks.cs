using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired.Msk;

/// <summary>MSK stacks for the desired-state tests, written as stack-file YAML, and helpers to inspect resources.</summary>
internal static class MskStacks
{
    /// <summary>A cluster ARN as AWS reports it, to resolve references the way the Pulumi program does.</summary>
    public const string ClusterArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3";

    /// <summary>prod, Standard brokers over three subnets, IAM, one topic read by one consumer, one Connect group, one ksqlDB group.</summary>
    public const string Prod = """
          kafka-infra:environment: prod
          kafka-infra:cluster:
            name: events
            kafkaVersion: 3.9.x
            brokers: 3
            storageGiB: 1000
            msk:
              instanceType: kafka.m7g.large
              clientSubnets: [subnet-a, subnet-b, subnet-c]
              securityGroups: [sg-1]
              region: eu-west-1
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              averageMessagesPerSecond: 200
              messagesPerSecondPerConsumer: 100
            - name: payments
              messagesPerSecond: 300
              averageMessagesPerSecond: 60
              messagesPerSecondPerConsumer: 100
          kafka-infra:consumers:
            - name: order-service
              namespace: apps
              topic: orders
              maxReplicas: 10

        """;

    public const string ConnectGroup = """
          kafka-infra:connect:
            - name: sinks
              replicas: 2
              maxReplicas: 6
              plugin:
                s3BucketArn: arn:aws:s3:::plugins
                s3FileKey: s3-sink.zip
              connectors:
                - name: archive
                  class: io.confluent.connect.s3.S3SinkConnector
                  topics: [orders]
                  config:
                    s3.bucket.name: archive
                - name: payments-in
                  class: io.debezium.connector.postgresql.PostgresConnector
                  topics: [payments]

        """;

    public const string KsqlGroup = """
          kafka-infra:ksqldb:
            - name: analytics
              topics: [orders]
              image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ksqldb-server-msk-iam:8.0.0

        """;

    /// <summary>
    /// <see cref="Prod"/> with <c>authentication</c> set; on tls with the CA and the deployer's principal, and without
    /// consumers (MSK mTLS needs client certificates kafka-infra does not render, so consumers are refused there).
    /// </summary>
    public static string WithAuthentication(string authentication)
    {
        var extra = authentication == "tls"
            ? "      certificateAuthorityArns: [arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/ca-1]\n      adminPrincipal: User:CN=kafka-infra\n"
            : "";
        var yaml = Prod.Replace("      region: eu-west-1\n", $"      region: eu-west-1\n      authentication: {authentication}\n{extra}", StringComparison.Ordinal);
        return authentication == "tls" ? yaml[..yaml.IndexOf("  kafka-infra:consumers:", StringComparison.Ordinal)] : yaml;
    }

    /// <summary>As <see cref="TestStacks.Raw"/> (dev unless the body names its environment).</summary>
    public static IReadOnlyDictionary<string, string?> Raw(string configBody) => TestStacks.Raw(configBody);

    public static PlanResult Plan(string configBody, DeployedState? deployed = null) => TestStacks.Plan(configBody, deployed);

    public static IReadOnlyList<CloudResource> Build(string configBody, DeployedState? deployed = null) =>
        MskCloudResources.Build(TestStacks.Valid(Plan(configBody, deployed)));

    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) => TestStacks.Lines(diagnostics);

    public static CloudResource Named(this IReadOnlyList<CloudResource> resources, string name) =>
        resources.Single(r => r.Name == name);

    /// <summary>The spec of the resource named <paramref name="name"/>, which must be a <typeparamref name="T"/>.</summary>
    public static T Spec<T>(this IReadOnlyList<CloudResource> resources, string name)
        where T : CloudSpec => Assert.IsType<T>(resources.Named(name).Spec);

    /// <summary>The resources whose spec is a <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<CloudResource> OfSpec<T>(this IReadOnlyList<CloudResource> resources)
        where T : CloudSpec => resources.Where(r => r.Spec is T).ToList();

    /// <summary>A policy document's statements as (Sid, actions, resolved resource ARNs), references resolved against <see cref="ClusterArn"/>.</summary>
    public static IReadOnlyList<(string Sid, string[] Actions, string[] Resources)> Statements(CloudResource policy)
    {
        var doc = Assert.IsType<IamPolicySpec>(policy.Spec).Policy;
        Assert.Equal("2012-10-17", doc.Version);
        return doc.Statement.Select(s =>
        {
            Assert.Equal("Allow", s.Effect);
            return (s.Sid!, s.Action.ToArray(), (s.Resource ?? []).Select(Resolve).ToArray());
        }).ToList();
    }

    /// <summary>Statements as comparable lines: "Sid: action, action on arn, arn".</summary>
    public static string[] Flat(IEnumerable<(string Sid, string[] Actions, string[] Resources)> statements) =>
        statements.Select(s => $"{s.Sid}: {string.Join(", ", s.Actions)} on {string.Join(", ", s.Resources)}").ToArray();

    /// <summary>Resolves a value the way the Pulumi program does, with every reference pointing at the cluster ARN.</summary>
    public static string Resolve(Text value) => value.Resolve(r => r.Resource == MskCloudResources.ClusterResourceName("events") && r.Output == CloudOutput.Arn
        ? ClusterArn
        : throw new InvalidOperationException($"unexpected reference {r}"));

    /// <summary>The rendered JSON of a resource's inputs (what <c>kafka-infra render</c> writes).</summary>
    public static System.Text.Json.Nodes.JsonObject Json(CloudResource resource) => CloudJson.Properties(resource.Spec);

    /// <summary>Every dotted property path of a rendered spec (lists as [i]).</summary>
    public static IEnumerable<string> Paths(System.Text.Json.Nodes.JsonNode? value, string prefix = "") => value switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(kv => Paths(kv.Value, prefix.Length == 0 ? kv.Key : $"{prefix}.{kv.Key}").Prepend(prefix.Length == 0 ? kv.Key : $"{prefix}.{kv.Key}")),
        System.Text.Json.Nodes.JsonArray list => list.SelectMany((item, i) => Paths(item, $"{prefix}[{i}]")),
        _ => [],
    };
}
