using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;

namespace KafkaInfra.Core.Tests.Desired;

public class PulumiLayoutTests
{
    [Theory]
    [InlineData("strimzi", "kafka-infra:strimzi:KafkaCluster")]
    [InlineData("msk", "kafka-infra:msk:KafkaCluster")]
    [InlineData("topics", "kafka-infra:topics:Topics")]
    [InlineData("namespaces", "kafka-infra:k8s:Namespaces")]
    [InlineData("connect/sinks", "kafka-infra:connect:WorkerGroup")]
    [InlineData("ksqldb/analytics", "kafka-infra:ksqldb:ServerGroup")]
    [InlineData("keda/order-service", "kafka-infra:keda:ScaledConsumer")]
    public void Each_component_has_its_type_token(string component, string type)
    {
        Assert.Equal(type, PulumiLayout.ComponentType(component));
    }

    [Theory]
    [InlineData("connect")]
    [InlineData("connect/")]
    [InlineData("keda/a/b")]
    [InlineData("strimzi/x")]
    [InlineData("kafka")]
    public void An_unknown_component_is_refused(string component)
    {
        Assert.Null(PulumiLayout.ComponentTypeOrNull(component));
        var e = Assert.Throws<ArgumentException>(() => PulumiLayout.ComponentType(component));
        Assert.Contains($"unknown component \"{component}\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_kubernetes_object_the_repository_stacks_render_has_a_pulumi_mapping(string stack)
    {
        var plan = KafkaInfra.Core.Planning.CapacityPlanner.Plan(TestStacks.StackFileRaw(stack)).GetOrThrow();

        var problems = DesiredStateBuilder.Build(plan).Kubernetes.Select(PulumiLayout.KubernetesShapeProblem).OfType<string>();

        Assert.Empty(problems);
    }

    [Fact]
    public void A_kind_without_a_mapping_is_named()
    {
        var secret = new KubernetesObject("v1", "Secret", "creds", "apps", [], [], new Tree { ["data"] = new Tree() }, "namespaces", ObjectStage.Namespaces);

        Assert.Equal(
            "v1/Secret has no mapping in the program (it maps v1/Namespace, v1/ServiceAccount, v1/ConfigMap, apps/v1/Deployment, v1/Service and custom resources)",
            PulumiLayout.KubernetesShapeProblem(secret));
    }

    [Fact]
    public void Kubernetes_children_are_named_after_their_component_and_cloud_ones_keep_their_name()
    {
        Assert.Equal("events-sinks-role", PulumiLayout.ChildName(Cloud("events-sinks-role", "connect/sinks")));
        Assert.Equal("topics-kafka/orders", PulumiLayout.ChildName(Object("orders", "topics", ObjectStage.TopicsAndUsers, "kafka")));
        Assert.Equal("namespaces-apps", PulumiLayout.ChildName(Object("apps", "namespaces", ObjectStage.Namespaces, null)));
    }

    [Fact]
    public void Each_object_depends_on_the_previous_non_empty_stage()
    {
        KubernetesObject[] objects =
        [
            Object("kafka", "namespaces", ObjectStage.Namespaces, null),
            Object("apps", "namespaces", ObjectStage.Namespaces, null),
            Object("events", "strimzi", ObjectStage.Cluster, "kafka"),
            Object("orders", "topics", ObjectStage.TopicsAndUsers, "kafka"),
            Object("telemetry", "topics", ObjectStage.TopicsAndUsers, "kafka"),
            Object("order-service", "keda/order-service", ObjectStage.Autoscaling, "apps"),
        ];

        var deps = PulumiLayout.StageDependencies(objects);

        Assert.Empty(deps[0]);
        Assert.Empty(deps[1]);
        Assert.Equal([0, 1], deps[2]);
        Assert.Equal([2], deps[3]);
        Assert.Equal([2], deps[4]);
        Assert.Equal([3, 4], deps[5]); // Connect and ksqlDB stages are empty here
    }

    [Fact]
    public void Components_come_in_order_of_first_appearance_cloud_first()
    {
        var state = new DesiredState(
            [Object("apps", "namespaces", ObjectStage.Namespaces, null), Object("x", "keda/x", ObjectStage.Autoscaling, "apps")],
            [Cloud("events-msk", "msk"), Cloud("events-kafka", "topics"), Cloud("events-msk-policy", "msk")]);

        Assert.Equal(["msk", "topics", "namespaces", "keda/x"], PulumiLayout.Components(state));
    }

    [Fact]
    public void Sound_references_have_no_problems()
    {
        var state = new DesiredState(
            [Object("x", "keda/x", ObjectStage.Autoscaling, "apps", new Tree { ["spec"] = new Tree { ["bootstrap"] = new ResourceRef("events-msk", "bootstrapBrokersSaslIam") } })],
            [
                Cloud("events-msk", "msk"),
                Cloud("events-kafka", "topics", type: "pulumi:providers:kafka", props: new Tree { ["bootstrapServers"] = new ResourceRef("events-msk", "bootstrapBrokersSaslIam") }),
                Cloud("orders", "topics", type: "kafka:index/topic:Topic", options: new CloudResourceOptions(Protect: true, DependsOn: ["events-msk"], Provider: "events-kafka")),
            ]);

        Assert.Empty(PulumiLayout.ReferenceProblems(state));
    }

    [Fact]
    public void Every_broken_reference_is_reported()
    {
        var state = new DesiredState(
            [Object("x", "kedas/x", ObjectStage.Autoscaling, "apps", new Tree { ["spec"] = new Tree { ["b"] = new ResourceRef("nope", "arn") } })],
            [
                Cloud("orders", "topics", type: "kafka:index/topic:Topic", options: new CloudResourceOptions(DependsOn: ["events-msk"], Provider: "events-kafka")),
                Cloud("events-msk", "msk", props: new Tree { ["x"] = new ResourceRef("events-msk", "arn"), ["y"] = new ResourceRef("orders", "name", "bad") }),
                Cloud("events-kafka", "topics", type: "pulumi:providers:kafka"),
                Cloud("topic2", "topics", type: "kafka:index/topic:Topic", options: new CloudResourceOptions(Provider: "events-msk")),
                Cloud("events-msk", "msk"),
            ]);

        var problems = PulumiLayout.ReferenceProblems(state).Select(p => p.ToString()).ToArray();

        Assert.Equal(
            [
                "resource orders (kafka:index/topic:Topic): dependsOn \"events-msk\" is not a resource declared before it",
                "resource orders (kafka:index/topic:Topic): provider \"events-kafka\" is not a resource declared before it",
                "resource events-msk (aws:msk/cluster:Cluster): refers to ${events-msk.arn}, but \"events-msk\" is not a cloud resource declared before it",
                "resource events-msk (aws:msk/cluster:Cluster): unknown reference format \"bad\": a format must contain {0} (or {0:topic}, {0:group}, {0:transactional-id}) where the referenced value goes, or be {0:list}",
                "resource topic2 (kafka:index/topic:Topic): provider \"events-msk\" is a aws:msk/cluster:Cluster, not a pulumi:providers:* resource",
                "resource events-msk (aws:msk/cluster:Cluster): is declared twice (resource names must be unique in the stack)",
                "ScaledObject apps/x: unknown component \"kedas/x\": expected strimzi, msk, topics, namespaces, connect/<group>, ksqldb/<group> or keda/<consumer>",
                "ScaledObject apps/x: refers to ${nope.arn}, but \"nope\" is not a cloud resource declared before it",
            ],
            problems);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_repository_stacks_declare_a_sound_desired_state(string stack)
    {
        var plan = KafkaInfra.Core.Planning.CapacityPlanner.Plan(Planning.RepoStacks.Raw(stack)).GetOrThrow();
        var desired = DesiredStateBuilder.Build(plan);

        Assert.Empty(PulumiLayout.ReferenceProblems(desired));
        Assert.All(PulumiLayout.Components(desired), c => Assert.NotNull(PulumiLayout.ComponentTypeOrNull(c)));
        // Pulumi names must be unique per resource type (the type is part of the URN).
        var names = desired.Kubernetes.Select(o => $"{o.ApiVersion}:{o.Kind}:{PulumiLayout.ChildName(o)}")
            .Concat(desired.Cloud.Select(c => $"{c.Type}:{PulumiLayout.ChildName(c)}")).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    private static CloudResource Cloud(string name, string component, string type = "aws:msk/cluster:Cluster", Tree? props = null, CloudResourceOptions? options = null) =>
        new(type, name, props ?? new Tree(), options ?? CloudResourceOptions.None, component);

    private static KubernetesObject Object(string name, string component, ObjectStage stage, string? ns, Tree? body = null) =>
        new(stage == ObjectStage.Namespaces ? "v1" : "keda.sh/v1alpha1", stage == ObjectStage.Namespaces ? "Namespace" : "ScaledObject", name, ns, [], [], body ?? new Tree(), component, stage);
}
