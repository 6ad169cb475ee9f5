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
        var raw = StackHarness.StackFileRaw("prod");
        var cluster = JsonNode.Parse(raw["kafka-infra:cluster"]!)!.AsObject();
        cluster.Remove("brokers");
        cluster.Remove("storageGiB");
        var msk = cluster["msk"]!.AsObject();
        msk.Remove("instanceType");
        msk.Remove("storageAutoscaling");
        msk["serverless"] = true;
        raw["kafka-infra:cluster"] = cluster.ToJsonString();
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
}
