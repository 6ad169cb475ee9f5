using System.Globalization;
using System.Text.Json;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Tests;

/// <summary>
/// The prod stack through the real program: each typed spec field arrives as the typed input of its Pulumi resource
/// (what the engine receives), compared with Core's spec values rather than with rendered JSON.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class TypedMappingTests
{
    private const string ClusterArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events-msk/11111111-2222-3333-4444-555555555555-1";

    [Fact]
    public async Task Msk_cluster_gets_the_planned_broker_count_volume_size_and_its_ignore_changes()
    {
        var (plan, desired, harness) = await RunProdAsync();

        var spec = Spec<MskClusterSpec>(desired, "events-msk");
        var cluster = Assert.Single(harness.OfType("aws:msk/cluster:Cluster"));
        Assert.Equal(plan.Cluster.Brokers, Whole(cluster.Inputs["numberOfBrokerNodes"]));
        Assert.Equal(spec.NumberOfBrokerNodes, Whole(cluster.Inputs["numberOfBrokerNodes"]));
        Assert.Equal(plan.Cluster.StorageGiB, Whole(StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize")));
        Assert.Equal(spec.BrokerNodeGroupInfo.InstanceType, StackHarness.At(cluster.Inputs, "brokerNodeGroupInfo.instanceType"));
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/events-kms", StackHarness.At(cluster.Inputs, "encryptionInfo.encryptionAtRestKmsKeyArn"));
        // Options are not visible to mocks; the stack transformation the harness registers records them.
        var registered = Assert.Single(harness.Registrations, r => r.Type == "aws:msk/cluster:Cluster");
        Assert.Equal(["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"], registered.IgnoreChanges);
        Assert.True(registered.Protect == true);
    }

    [Fact]
    public async Task Topics_get_their_planned_partitions_replication_and_config()
    {
        var (plan, _, harness) = await RunProdAsync();

        var topics = harness.OfType("kafka:index/topic:Topic");
        Assert.Equal(plan.Topics.Count, topics.Count);
        foreach (var t in plan.Topics)
        {
            var topic = Assert.Single(topics, r => (string)r.Inputs["name"] == t.Name);
            Assert.Equal(t.Partitions, Whole(topic.Inputs["partitions"]));
            Assert.Equal(t.ReplicationFactor, Whole(topic.Inputs["replicationFactor"]));
            var config = (IReadOnlyDictionary<string, object>)topic.Inputs["config"];
            Assert.Equal(t.KafkaConfig.OrderBy(kv => kv.Key, StringComparer.Ordinal), config.Select(kv => new KeyValuePair<string, string>(kv.Key, (string)kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Iam_policy_documents_are_the_typed_documents_with_every_arn_resolved()
    {
        var (_, desired, harness) = await RunProdAsync();

        var policies = desired.Cloud.Where(r => r.Spec is IamPolicySpec).ToArray();
        Assert.NotEmpty(policies);
        foreach (var resource in policies)
        {
            var document = ((IamPolicySpec)resource.Spec).Policy;
            var registered = Assert.Single(harness.OfType("aws:iam/policy:Policy"), p => p.Name == resource.Name);
            using var json = JsonDocument.Parse((string)registered.Inputs["policy"]);
            var statements = json.RootElement.GetProperty("Statement").EnumerateArray().ToArray();
            Assert.Equal(document.Statement.Count, statements.Length);
            for (var i = 0; i < statements.Length; i++)
            {
                Assert.Equal(document.Statement[i].Sid, statements[i].GetProperty("Sid").GetString());
                Assert.Equal(document.Statement[i].Action, statements[i].GetProperty("Action").EnumerateArray().Select(a => a.GetString()!));
                Assert.Equal(
                    (document.Statement[i].Resource ?? []).Select(r => r.Resolve(o => o.Output == CloudOutput.Arn ? ClusterArn : throw new InvalidOperationException(o.ToString()))),
                    statements[i].GetProperty("Resource").EnumerateArray().Select(a => a.GetString()!));
            }
        }

        var consumer = Assert.Single(harness.OfType("aws:iam/policy:Policy"), p => p.Name == "events-consumer-apps.order-service-policy");
        Assert.Contains("\"arn:aws:kafka:eu-west-1:123456789012:topic/events-msk/11111111-2222-3333-4444-555555555555-1/orders\"", (string)consumer.Inputs["policy"], StringComparison.Ordinal);
    }

    private static async Task<(CapacityPlan Plan, DesiredState Desired, StackHarness Harness)> RunProdAsync()
    {
        var raw = StackHarness.StackFileRaw("prod");
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var harness = new StackHarness("prod", raw);
        await harness.RunAsync();
        return (plan, DesiredStateBuilder.Build(plan), harness);
    }

    private static T Spec<T>(DesiredState desired, string name)
        where T : CloudSpec => Assert.IsType<T>(desired.Cloud.Single(r => r.Name == name).Spec);

    private static int Whole(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
