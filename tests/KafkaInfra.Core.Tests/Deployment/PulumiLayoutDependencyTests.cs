using System.Text;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Deployment;

/// <summary>Each Kubernetes object waits only for what it needs; namespaces and topics are kept or protected as the config says.</summary>
public class PulumiLayoutDependencyTests
{
    private static DesiredState Desired(IReadOnlyDictionary<string, string?> raw) =>
        DesiredStateBuilder.Build(CapacityPlanner.Plan(raw).GetOrThrow());

    private static KubernetesObject[] Needed(IReadOnlyList<KubernetesObject> objects, int index) =>
        PulumiLayout.Dependencies(objects)[index].Select(j => objects[j]).ToArray();

    private static int IndexOf(IReadOnlyList<KubernetesObject> objects, string kind, string name) =>
        objects.Select((o, i) => (o, i)).Single(x => x.o.Kind == kind && x.o.Name == name).i;

    private static string Key(KubernetesObject o) => $"{o.Kind}/{o.Namespace}/{o.Name}";

    [Fact]
    public void A_scaled_object_waits_for_its_own_trigger_authentication_and_never_for_ksqldb_or_connect()
    {
        var objects = Desired(TestStacks.StackFileRaw("dev")).Kubernetes;
        var deps = PulumiLayout.Dependencies(objects);

        var consumerScalers = objects.Select((o, i) => (o, i)).Where(x => x.o.Kind == "ScaledObject" && x.o.Component.StartsWith("keda/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, consumerScalers.Length);
        foreach (var (scaler, i) in consumerScalers)
        {
            var authRef = (Tree)((Tree)((IReadOnlyList<object>)scaler.Body.At("spec.triggers")!)[0]).At("authenticationRef")!;
            var authKind = (string?)authRef.At("kind") ?? "TriggerAuthentication";
            var authNamespace = authKind == "ClusterTriggerAuthentication" ? null : scaler.Namespace; // cluster-scoped
            Assert.Equal([$"{authKind}/{authNamespace}/{(string)authRef.At("name")!}"], deps[i].Select(j => Key(objects[j])));

            // Nor through what it waits for: nothing of ksqlDB or Connect is upstream of it.
            var upstream = Closure(deps, i).Select(j => objects[j]).ToArray();
            Assert.DoesNotContain(upstream, o => o.Stage is ObjectStage.KsqlDb or ObjectStage.Connect);
        }
    }

    [Fact]
    public void Each_kind_waits_for_what_it_names()
    {
        var objects = Desired(TestStacks.StackFileRaw("dev")).Kubernetes;

        Assert.Equal(["Kafka/kafka/events"], Needed(objects, IndexOf(objects, "KafkaTopic", "orders")).Select(Key));
        Assert.Equal(["Kafka/kafka/events"], Needed(objects, IndexOf(objects, "KafkaUser", "connect-sinks")).Select(Key));
        Assert.Equal(["KafkaUser/kafka/connect-sinks"], Needed(objects, IndexOf(objects, "KafkaConnect", "sinks")).Select(Key));
        Assert.Equal(
            ["KafkaTopic/kafka/vehicle.telemetry", "KafkaConnect/kafka/sinks"],
            Needed(objects, IndexOf(objects, "KafkaConnector", "telemetry-archive")).Select(Key));
        Assert.Equal(
            ["KafkaUser/kafka/ksqldb-analytics", "ServiceAccount/kafka/ksqldb-analytics"],
            Needed(objects, IndexOf(objects, "Deployment", "ksqldb-analytics")).Select(Key));

        // A KafkaAccess names a Kafka and a KafkaUser of another namespace; it waits for both.
        var accesses = objects.Where(o => o.Kind == "KafkaAccess").ToArray();
        Assert.NotEmpty(accesses);
        foreach (var access in accesses)
        {
            var kafka = $"Kafka/{(string)access.Body.At("spec.kafka.namespace")!}/{(string)access.Body.At("spec.kafka.name")!}";
            var user = $"KafkaUser/{(string)access.Body.At("spec.user.namespace")!}/{(string)access.Body.At("spec.user.name")!}";
            Assert.Equal(new[] { kafka, user }.Order(StringComparer.Ordinal), Needed(objects, objects.ToList().IndexOf(access)).Select(Key).Order(StringComparer.Ordinal));
        }

        // KEDA's ClusterTriggerAuthentication reads the binding Secret its KafkaAccess writes into KEDA's namespace.
        var clusterAuth = objects.Single(o => o.Kind == "ClusterTriggerAuthentication");
        var kedaAccess = accesses.Single(a => a.Namespace == "keda");
        Assert.Equal([Key(kedaAccess)], Needed(objects, objects.ToList().IndexOf(clusterAuth)).Select(Key));

        // The Kafka CR waits for Ready, which needs its node pools: they must not wait for it (nor for each other).
        Assert.Empty(Needed(objects, IndexOf(objects, "Kafka", "events")));
        Assert.All(objects.Where(o => o.Kind == "KafkaNodePool"), o => Assert.Empty(Needed(objects, objects.ToList().IndexOf(o))));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_dependency_is_declared_before_the_object_that_needs_it(string stack)
    {
        var objects = Desired(TestStacks.StackFileRaw(stack)).Kubernetes;
        var rank = PulumiLayout.DeclarationOrder(objects);

        var deps = PulumiLayout.Dependencies(objects);

        Assert.All(Enumerable.Range(0, objects.Count), i => Assert.All(deps[i], j => Assert.True(rank[j] < rank[i], $"{Key(objects[i])} needs {Key(objects[j])}, declared later")));
    }

    [Fact]
    public void The_edge_count_grows_linearly_with_the_stack()
    {
        var edges = new[] { 10, 20, 40 }.Select(n => PulumiLayout.Dependencies(Desired(Generated(n)).Kubernetes).Sum(d => d.Count)).ToArray();

        // Stage-wide dependencies made every object of a stage wait for every object of the one before: quadratic.
        // Per object, the edges come from its own body: a fixed part (KEDA's one ClusterTriggerAuthentication and its
        // KafkaAccess) plus a part per topic and consumer, so going from 20 to 40 adds twice what 10 to 20 added.
        Assert.Equal((edges[1] - edges[0]) * 2, edges[2] - edges[1]);
        Assert.True(edges[1] > edges[0]);
        Assert.True(edges[2] <= 40 * 6, $"{edges[2]} edges for 40 topics and consumers");
    }

    [Fact]
    public void The_declared_kafka_namespace_is_needed_by_what_lives_in_it()
    {
        var raw = new Dictionary<string, string?>(TestStacks.StackFileRaw("dev"), StringComparer.Ordinal);
        raw["kafka-infra:cluster"] = raw["kafka-infra:cluster"]!.Replace("\"namespace\":\"kafka\"", "\"namespace\":\"kafka\",\"createNamespace\":true", StringComparison.Ordinal);
        var objects = Desired(raw).Kubernetes;

        var ns = Assert.Single(objects, o => o.Kind == "Namespace");
        Assert.Equal("kafka", ns.Name);
        Assert.Equal(["Namespace//kafka"], Needed(objects, IndexOf(objects, "Kafka", "events")).Select(Key));
        Assert.DoesNotContain("Namespace//kafka", Needed(objects, IndexOf(objects, "ScaledObject", "order-service")).Select(Key));
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", true)]
    public void Namespaces_are_kept_on_delete_and_protected_in_prod(string environment, bool prod)
    {
        var config = TestStacks.Valid(TestStacks.Plan(TestStacks.StrimziCluster.Replace("strimzi: {}", "strimzi: { createNamespace: true }", StringComparison.Ordinal)
            + $"  kafka-infra:environment: {environment}\n")).Config;
        var ns = new KubernetesObject("v1", "Namespace", "kafka", null, [], [], new Tree(), "namespaces", ObjectStage.Namespaces);

        Assert.Equal(new ObjectSafety(prod, RetainOnDelete: true), PulumiLayout.Safety(ns, config));
    }

    [Fact]
    public void In_prod_topics_and_the_cluster_are_protected_unless_the_config_allows_their_deletion()
    {
        var raw = new Dictionary<string, string?>(TestStacks.StackFileRaw("dev"), StringComparer.Ordinal) { ["kafka-infra:environment"] = "prod" };
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var objects = DesiredStateBuilder.Build(plan).Kubernetes;
        Assert.All(objects.Where(o => o.Kind is "KafkaTopic" or "Kafka"), o => Assert.True(PulumiLayout.Safety(o, plan.Config).Protect, Key(o)));
        Assert.All(objects.Where(o => o.Kind is not ("KafkaTopic" or "Kafka")), o => Assert.Equal(ObjectSafety.None, PulumiLayout.Safety(o, plan.Config)));

        raw["kafka-infra:allowDeletion"] = """{"topics":["orders"],"clusterReplacement":true}""";
        var allowed = CapacityPlanner.Plan(raw).GetOrThrow().Config;
        Assert.False(PulumiLayout.Safety(objects[IndexOf(objects, "KafkaTopic", "orders")], allowed).Protect);
        Assert.True(PulumiLayout.Safety(objects[IndexOf(objects, "KafkaTopic", "vehicle.telemetry")], allowed).Protect);
        Assert.False(PulumiLayout.Safety(objects[IndexOf(objects, "Kafka", "events")], allowed).Protect);

        var dev = CapacityPlanner.Plan(TestStacks.StackFileRaw("dev")).GetOrThrow().Config;
        Assert.All(objects.Where(o => o.Kind is "KafkaTopic" or "Kafka"), o => Assert.False(PulumiLayout.Safety(o, dev).Protect));
    }

    private static HashSet<int> Closure(IReadOnlyList<IReadOnlyList<int>> deps, int start)
    {
        var seen = new HashSet<int>();
        var queue = new Queue<int>(deps[start]);
        while (queue.TryDequeue(out var j))
        {
            if (seen.Add(j))
            {
                foreach (var k in deps[j])
                {
                    queue.Enqueue(k);
                }
            }
        }

        return seen;
    }

    /// <summary>A Strimzi stack with <paramref name="n"/> topics, each read by one autoscaled consumer.</summary>
    private static IReadOnlyDictionary<string, string?> Generated(int n)
    {
        var text = new StringBuilder(TestStacks.StrimziCluster).Append("  kafka-infra:topics:\n");
        for (var i = 0; i < n; i++)
        {
            text.Append($"    - {{ name: t{i}, messagesPerSecond: 100, messagesPerSecondPerConsumer: 50 }}\n");
        }

        text.Append("  kafka-infra:consumers:\n");
        for (var i = 0; i < n; i++)
        {
            text.Append($"    - {{ name: c{i}, namespace: apps, topic: t{i}, maxReplicas: 2 }}\n");
        }

        return TestStacks.Raw(text.ToString());
    }
}
