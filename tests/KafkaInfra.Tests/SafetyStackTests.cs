using KafkaInfra.Core.Deployment;

namespace KafkaInfra.Tests;

/// <summary>
/// The program as the engine sees it: protect, retainOnDelete and dependsOn of the registered resources, and the
/// preview that fails on a change deleting data unless kafka-infra:allowDeletion acknowledges it.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class SafetyStackTests
{
    private const string Topic = "kubernetes:kafka.strimzi.io/v1:KafkaTopic";
    private const string Kafka = "kubernetes:kafka.strimzi.io/v1:Kafka";
    private const string ScaledObject = "kubernetes:keda.sh/v1alpha1:ScaledObject";
    private const string Namespace = "kubernetes:core/v1:Namespace";
    private const string MskCluster = "aws:msk/cluster:Cluster";

    private static Dictionary<string, string?> DevAsProd()
    {
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:environment"] = "prod";
        return raw;
    }

    [Fact]
    public async Task A_scaled_object_waits_for_its_trigger_authentication_only_and_prod_topics_are_protected()
    {
        var harness = new StackHarness("prod", DevAsProd());

        await harness.RunAsync();

        var scalers = harness.Registrations.Where(r => r.Type == ScaledObject && r.Name.StartsWith("keda-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, scalers.Length);
        Assert.All(scalers, s =>
        {
            var dependency = Assert.Single(s.DependsOn);
            Assert.Contains("triggerauthentication", harness.Registrations.Single(r => r.Name == dependency).Type, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(s.DependsOn, d => d.StartsWith("ksqldb-", StringComparison.Ordinal) || d.StartsWith("connect-", StringComparison.Ordinal));
        });
        var topics = harness.Registrations.Where(r => r.Type == Topic).ToArray();
        Assert.NotEmpty(topics);
        Assert.All(topics, t =>
        {
            Assert.True(t.Protect);
            Assert.Equal(["strimzi-kafka/events"], t.DependsOn);
        });
        Assert.True(Assert.Single(harness.Registrations, r => r.Type == Kafka).Protect);
        Assert.DoesNotContain(harness.Registrations, r => r.Type == Namespace);
    }

    [Fact]
    public async Task A_declared_kafka_namespace_is_kept_on_delete_and_protected_in_prod()
    {
        var raw = DevAsProd();
        raw["kafka-infra:cluster"] = raw["kafka-infra:cluster"]!.Replace("\"namespace\":\"kafka\"", "\"namespace\":\"kafka\",\"createNamespace\":true", StringComparison.Ordinal);
        var harness = new StackHarness("prod", raw);

        await harness.RunAsync();

        var ns = Assert.Single(harness.Registrations, r => r.Type == Namespace);
        Assert.Equal("namespaces-kafka", ns.Name);
        Assert.True(ns.RetainOnDelete);
        Assert.True(ns.Protect);
        Assert.Contains("namespaces-kafka", Assert.Single(harness.Registrations, r => r.Type == Kafka).DependsOn);
    }

    [Fact]
    public async Task Removing_a_topic_fails_the_preview_until_the_config_names_it()
    {
        var previous = StackHarness.Previous(new Dictionary<string, int> { ["orders"] = 5, ["vehicle.telemetry"] = 4, ["legacy"] = 3 }, brokers: 3, storageGiB: 300);
        var harness = new StackHarness("dev", StackHarness.StackFileRaw("dev"), previous);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.NotNull(error);
        var text = StackHarness.ErrorText(error);
        Assert.Contains("topic removed legacy: 3 partitions → (removed): deletes the topic and its data: deleting the KafkaTopic deletes the Kafka topic", text, StringComparison.Ordinal);
        Assert.Contains("to delete it, add legacy to kafka-infra:allowDeletion.topics", text, StringComparison.Ordinal);
        Assert.Empty(harness.OfType(Topic));

        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:allowDeletion"] = """{"topics":["legacy"]}""";
        var acknowledged = new StackHarness("dev", raw, previous);
        await acknowledged.RunAsync();
        Assert.Equal(2, acknowledged.OfType(Topic).Count);
    }

    [Fact]
    public async Task A_new_msk_security_group_fails_the_preview_unless_the_replacement_is_acknowledged()
    {
        var before = StackHarness.StackFileRaw("prod");
        var previous = StackHarness.Previous(new Dictionary<string, int>(), brokers: null, storageGiB: null)
            .SetItem(StackOutputs.PlanInputs, StackOutputs.PlanInputsValue(before));
        var after = StackHarness.StackFileRaw("prod");
        var cluster = System.Text.Json.Nodes.JsonNode.Parse(after["kafka-infra:cluster"]!)!.AsObject();
        cluster["msk"]!["securityGroups"] = new System.Text.Json.Nodes.JsonArray("sg-0new");
        after["kafka-infra:cluster"] = cluster.ToJsonString();

        var error = await Record.ExceptionAsync(() => new StackHarness("prod", after, previous).RunAsync());

        Assert.NotNull(error);
        var text = StackHarness.ErrorText(error);
        Assert.Contains("cluster replaced events (kafka-infra:cluster.msk.securityGroups)", text, StringComparison.Ordinal);
        Assert.Contains("set kafka-infra:allowDeletion.clusterReplacement: true", text, StringComparison.Ordinal);

        after["kafka-infra:allowDeletion"] = """{"clusterReplacement":true}""";
        var acknowledged = new StackHarness("prod", after, previous);
        await acknowledged.RunAsync();
        // Unprotected for this run: the engine replaces a resource whose new registration lifts protect.
        Assert.False(Assert.Single(acknowledged.Registrations, r => r.Type == MskCluster).Protect);
    }
}
