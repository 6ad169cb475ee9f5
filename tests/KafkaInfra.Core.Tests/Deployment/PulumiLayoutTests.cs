using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;

namespace KafkaInfra.Core.Tests.Deployment;

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
        var bootstrap = new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam);
        var state = new DesiredState(
            [Object("x", "keda/x", ObjectStage.Autoscaling, "apps", new Tree { ["spec"] = new Tree { ["bootstrap"] = bootstrap } })],
            [
                Cloud("events-msk", "msk", Serverless()),
                Cloud("events-kafka", "topics", Provider(Text.Of(bootstrap))),
                Cloud("orders", "topics", Topic(), new CloudResourceOptions(Protect: true, DependsOn: ["events-msk"], Provider: "events-kafka")),
            ]);

        Assert.Empty(PulumiLayout.ReferenceProblems(state));
        Assert.Empty(PulumiLayout.OutputProblems("stack output bootstrapServers", Text.Of(bootstrap), state));
    }

    [Fact]
    public void Every_broken_reference_is_reported()
    {
        var state = new DesiredState(
            [Object("x", "kedas/x", ObjectStage.Autoscaling, "apps", new Tree { ["spec"] = new Tree { ["b"] = new OutputRef("nope", CloudOutput.Arn) } })],
            [
                Cloud("orders", "topics", Topic(), new CloudResourceOptions(DependsOn: ["events-msk"], Provider: "events-kafka")),
                Cloud("events-msk", "msk", new RolePolicyAttachmentSpec(Text.Of(new OutputRef("events-msk", CloudOutput.Name)), Text.Of(new OutputRef("orders", CloudOutput.Arn)))),
                Cloud("events-kafka", "topics", Provider(Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersTls)))),
                Cloud("topic2", "topics", Topic(), new CloudResourceOptions(Provider: "events-msk")),
                Cloud("events-msk", "msk", Serverless()),
            ]);

        var problems = PulumiLayout.ReferenceProblems(state).Select(p => p.ToString()).ToArray();

        Assert.Equal(
            [
                "resource orders (kafka:index/topic:Topic): dependsOn \"events-msk\" is not a resource declared before it",
                "resource orders (kafka:index/topic:Topic): provider \"events-kafka\" is not a resource declared before it",
                "resource events-msk (aws:iam/rolePolicyAttachment:RolePolicyAttachment): refers to ${events-msk.name}, but \"events-msk\" is not a cloud resource declared before it",
                "resource events-msk (aws:iam/rolePolicyAttachment:RolePolicyAttachment): refers to ${orders.arn}, but a kafka:index/topic:Topic provides no output \"arn\"; it provides name",
                "resource events-kafka (pulumi:providers:kafka): refers to ${events-msk.bootstrapBrokersTls}, but a aws:iam/rolePolicyAttachment:RolePolicyAttachment provides no output \"bootstrapBrokersTls\" (it provides none)",
                "resource topic2 (kafka:index/topic:Topic): provider \"events-msk\" is a aws:iam/rolePolicyAttachment:RolePolicyAttachment, not a provider resource",
                "resource events-msk (aws:msk/serverlessCluster:ServerlessCluster): is declared twice (resource names must be unique in the stack)",
                "ScaledObject apps/x: unknown component \"kedas/x\": expected strimzi, msk, external, topics, namespaces, connect/<group>, ksqldb/<group> or keda/<consumer>",
                "ScaledObject apps/x: refers to ${nope.arn}, but \"nope\" is not a cloud resource declared before it",
            ],
            problems);
    }

    [Fact]
    public void A_stack_output_may_only_refer_to_an_output_its_resource_provides()
    {
        var state = new DesiredState([], [Cloud("events-msk", "msk", Serverless())]);

        Assert.Equal(
            ["stack output bootstrapServers: refers to ${events-msk.bootstrapBrokersTls}, but a aws:msk/serverlessCluster:ServerlessCluster provides no output \"bootstrapBrokersTls\"; it provides arn, bootstrapBrokersSaslIam"],
            PulumiLayout.OutputProblems("stack output bootstrapServers", Text.Of(new OutputRef("events-msk", CloudOutput.BootstrapBrokersTls)), state).Select(p => p.ToString()));
        Assert.Empty(PulumiLayout.OutputProblems("stack output bootstrapServers", "events-kafka-bootstrap.kafka.svc:9093", state));
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

    private static CloudResource Cloud(string name, string component, CloudSpec? spec = null, CloudResourceOptions? options = null) =>
        new(name, spec ?? Serverless(), options ?? CloudResourceOptions.None, component);

    private static MskServerlessClusterSpec Serverless() =>
        new("events", new ServerlessClientAuthentication(new ServerlessSasl(new ServerlessIam(Enabled: true))), [new ServerlessVpcConfig(["subnet-a"], ["sg-1"])], StringMap.Empty);

    private static KafkaProviderSpec Provider(Text bootstrap) => new(bootstrap, TlsEnabled: true, "3.9.0", KafkaSaslMechanism.AwsIam, "eu-west-1");

    private static KafkaTopicSpec Topic() => new("orders", 3, 3, StringMap.Empty);

    private static KubernetesObject Object(string name, string component, ObjectStage stage, string? ns, Tree? body = null) =>
        new(stage == ObjectStage.Namespaces ? "v1" : "keda.sh/v1alpha1", stage == ObjectStage.Namespaces ? "Namespace" : "ScaledObject", name, ns, [], [], body ?? new Tree(), component, stage);
}
