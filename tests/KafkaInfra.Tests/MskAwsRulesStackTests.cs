using System.Text.Json.Nodes;

namespace KafkaInfra.Tests;

/// <summary>What the program registers on MSK for the rules AWS enforces (issue 13; platform-facts.md 8.4).</summary>
[Collection(PulumiStackCollection.Name)]
public class MskAwsRulesStackTests
{
    [Fact]
    public async Task Serverless_topics_are_registered_without_min_insync_replicas()
    {
        // MSK Serverless lets a topic set only cleanup.policy, compression.type, max.message.bytes,
        // message.timestamp.difference.max.ms, message.timestamp.type, retention.bytes and retention.ms.
        var raw = StackHarness.AsServerless(StackHarness.StackFileRaw("prod"));
        var harness = new StackHarness("prod", raw);

        await harness.RunAsync();

        var topics = harness.OfType("kafka:index/topic:Topic");
        Assert.NotEmpty(topics);
        foreach (var topic in topics)
        {
            var config = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(topic.Inputs["config"]);
            Assert.DoesNotContain("min.insync.replicas", config.Keys);
            Assert.Contains("retention.ms", config.Keys);
        }
    }

    [Fact]
    public async Task Ksqldb_may_write_idempotently_on_the_cluster_and_a_sink_only_connect_group_may_not()
    {
        // Kafka Streams (ksqlDB) producers are idempotent and need kafka-cluster:WriteDataIdempotently on the
        // cluster ARN (platform-facts.md 8.4); the prod Connect group runs only an S3 sink.
        var harness = new StackHarness("prod", StackHarness.StackFileRaw("prod"));

        await harness.RunAsync();

        string Cluster(string policyName)
        {
            var policy = Assert.Single(harness.OfType("aws:iam/policy:Policy"), p => p.Name == policyName);
            using var json = System.Text.Json.JsonDocument.Parse((string)policy.Inputs["policy"]);
            var cluster = json.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "Cluster");
            return cluster.GetProperty("Action").ToString();
        }

        Assert.Contains("\"kafka-cluster:WriteDataIdempotently\"", Cluster("events-ksqldb-analytics-policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("WriteDataIdempotently", Cluster("events-connect-sinks-policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ksqldb_on_iam_runs_the_configured_image_and_the_stock_image_is_refused_before_anything_is_registered()
    {
        // cp-ksqldb-server lacks aws-msk-iam-auth (platform-facts.md 8.4): the prod stack names its own image.
        var raw = StackHarness.StackFileRaw("prod");
        var harness = new StackHarness("prod", raw);
        await harness.RunAsync();
        var deployment = Assert.Single(harness.OfType("kubernetes:apps/v1:Deployment"), d => d.Name!.Contains("ksqldb", StringComparison.Ordinal));
        Assert.Contains("ksqldb-server-msk-iam:8.0.0", System.Text.Json.JsonSerializer.Serialize(StackHarness.At(deployment.Inputs, "spec.template.spec.containers")), StringComparison.Ordinal);

        var ksqldb = JsonNode.Parse(raw["kafka-infra:ksqldb"]!)!.AsArray();
        ksqldb[0]!.AsObject().Remove("image");
        raw["kafka-infra:ksqldb"] = ksqldb.ToJsonString();
        var refused = new StackHarness("prod", raw);

        var error = await Record.ExceptionAsync(() => refused.RunAsync());

        Assert.NotNull(error);
        Assert.Contains("kafka-infra:ksqldb[0].image: is required on MSK IAM stacks", StackHarness.ErrorText(error!), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task Roles_are_registered_with_explicit_names_of_at_most_64_characters_on_a_60_character_cluster()
    {
        // IAM role names are at most 64 characters; Pulumi's auto-name would append 7 (platform-facts.md 8.4).
        var raw = StackHarness.StackFileRaw("prod");
        var cluster = JsonNode.Parse(raw["kafka-infra:cluster"]!)!.AsObject();
        var name = "events-" + new string('x', 53);
        cluster["name"] = name;
        raw["kafka-infra:cluster"] = cluster.ToJsonString();
        var harness = new StackHarness("prod", raw);

        await harness.RunAsync();

        var roles = harness.OfType("aws:iam/role:Role");
        Assert.Equal(5, roles.Count); // two consumers, KEDA, ksqlDB, Connect
        Assert.All(roles, r => Assert.InRange(Assert.IsType<string>(r.Inputs["name"]).Length, name.Length + 1, 64));
        Assert.Equal(roles.Count, roles.Select(r => (string)r.Inputs["name"]).Distinct(StringComparer.Ordinal).Count());
    }
}
