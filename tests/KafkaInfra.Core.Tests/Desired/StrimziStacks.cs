using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Strimzi;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>Strimzi stack texts and shortcuts to their desired state; parsing and planning go through <see cref="TestStacks"/>.</summary>
internal static class StrimziStacks
{
    public static string RepoRoot => TestStacks.RepoRoot();

    /// <summary>Plan result of a YAML stack file text.</summary>
    public static PlanResult PlanText(string yaml, string fileName = "Pulumi.test.yaml") => CapacityPlanner.Plan(TestStacks.RawFile(yaml, fileName));

    /// <summary>The valid plan of a YAML stack text (fails the test with every error otherwise).</summary>
    public static CapacityPlan Plan(string yaml) => TestStacks.Valid(PlanText(yaml));

    /// <summary>The real <c>Pulumi.&lt;stack&gt;.yaml</c> of the repository.</summary>
    public static string StackText(string stack) => File.ReadAllText(Path.Combine(RepoRoot, $"Pulumi.{stack}.yaml"));

    public static CapacityPlan DevPlan() => Plan(StackText("dev"));

    public static DesiredState Dev() => StrimziDesiredState.Build(DevPlan());

    public static DesiredState Strimzi(string yaml) => StrimziDesiredState.Build(Plan(yaml));

    /// <summary>A small Strimzi stack; <paramref name="strimziExtra"/> lines go under <c>strimzi:</c>, <paramref name="tail"/> is appended to <c>config:</c>.</summary>
    public static string StrimziYaml(string environment = "dev", int brokers = 3, string strimziExtra = "", string tail = "", string topics = DefaultTopics) => $"""
        config:
          kafka-infra:environment: {environment}
          kafka-infra:cluster:
            name: events
            brokers: {brokers}
            storageGiB: 100
            strimzi:
              namespace: kafka
              controllers: 3
        {Indent(strimziExtra, 6)}
          kafka-infra:topics:
        {Indent(topics, 4)}
        {tail}
        """;

    public const string DefaultTopics = """
        - name: orders
          messagesPerSecond: 1000
          messagesPerSecondPerConsumer: 250
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    public static KubernetesObject Single(this DesiredState state, string kind, string name) =>
        Assert.Single(state.Kubernetes, o => o.Kind == kind && o.Name == name);

    public static IEnumerable<KubernetesObject> OfKind(this DesiredState state, string kind) => state.Kubernetes.Where(o => o.Kind == kind);

    public static Tree Spec(this KubernetesObject obj) => obj.Body.Child("spec");

    public static IReadOnlyList<object> ListAt(this Tree tree, string path) => (IReadOnlyList<object>)(tree.At(path) ?? throw new KeyNotFoundException(path));

    public static string Label(this KubernetesObject obj, string key) => obj.Labels.Single(l => l.Key == key).Value;
}
