using KafkaInfra.Core.Planning;
using Pulumi;
using Pulumi.Utilities;

namespace KafkaInfra.Tests;

/// <summary>The components the program registers, found among the resources and read through their typed outputs.</summary>
[Collection(PulumiStackCollection.Name)]
public class ComponentTests
{
    [Fact]
    public async Task The_msk_cluster_component_reports_the_bootstrap_string_for_the_auth_mode()
    {
        var (resources, _) = await new StackHarness("prod", StackHarness.StackFileRaw("prod")).RunAsync();

        var cluster = Assert.Single(resources.OfType<KafkaCluster>());
        Assert.Equal("msk", cluster.Component);
        // The mocked MSK cluster's IAM bootstrap string (prod authenticates with IAM).
        Assert.Equal(
            "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098",
            await OutputUtilities.GetValueAsync(cluster.BootstrapServers));
        Assert.Contains("events-msk", await OutputUtilities.GetValueAsync(cluster.Children));
    }

    [Fact]
    public async Task The_strimzi_components_report_partitions_and_keda_ranges_from_the_plan()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var (resources, _) = await new StackHarness("dev", raw).RunAsync();

        var cluster = Assert.Single(resources.OfType<KafkaCluster>());
        Assert.Equal($"{plan.Config.Cluster.Name}-kafka-bootstrap.{plan.Config.Cluster.Strimzi!.Namespace}.svc:9093", await OutputUtilities.GetValueAsync(cluster.BootstrapServers));

        var topics = Assert.Single(resources.OfType<Topics>());
        Assert.Equal(plan.Topics.ToDictionary(t => t.Name, t => t.Partitions), await OutputUtilities.GetValueAsync(topics.Partitions));

        var consumers = resources.OfType<ScaledConsumer>().ToArray();
        Assert.Equal(plan.Consumers.Count, consumers.Length);
        foreach (var consumer in plan.Consumers)
        {
            var component = Assert.Single(consumers, c => c.Component == "keda/" + consumer.Name);
            Assert.Equal(consumer.MinReplicas, await OutputUtilities.GetValueAsync(component.MinReplicas));
            Assert.Equal(consumer.MaxReplicas, await OutputUtilities.GetValueAsync(component.MaxReplicas));
            Assert.True(await OutputUtilities.GetValueAsync(component.MaxReplicas) <= plan.Topic(consumer.Topic).Partitions);
        }

        foreach (var group in plan.Connect)
        {
            var component = Assert.Single(resources.OfType<WorkerGroup>(), c => c.Component == "connect/" + group.Name);
            Assert.Equal(group.Replicas, await OutputUtilities.GetValueAsync(component.MinReplicas));
            Assert.Equal(group.MaxReplicas ?? group.Replicas, await OutputUtilities.GetValueAsync(component.MaxReplicas));
        }
    }

    [Fact]
    public async Task Every_registered_resource_is_exactly_one_components_child()
    {
        var (resources, _) = await new StackHarness("dev", StackHarness.StackFileRaw("dev")).RunAsync();

        var components = resources.OfType<PlatformComponent>().ToArray();
        Assert.NotEmpty(components);
        var names = resources.Select(r => r.GetResourceName()).ToHashSet(StringComparer.Ordinal);
        var adopted = new List<string>();
        foreach (var component in components)
        {
            var children = await OutputUtilities.GetValueAsync(component.Children);
            Assert.NotEmpty(children);
            Assert.All(children, name => Assert.Contains(name, names));
            adopted.AddRange(children);
        }

        // Every registered resource except the self-reference is some component's child, exactly once.
        Assert.Equal(
            resources.OfType<CustomResource>().Select(r => r.GetResourceName()).Where(n => n != KafkaPlatform.PreviousOutputsResourceName).Order(StringComparer.Ordinal),
            adopted.Order(StringComparer.Ordinal));

        // That each is registered with its component as parent is checked by StackConformanceTests (the mock engine's URNs carry no parent chain).
    }
}
