namespace KafkaInfra.Core.Tests.Desired.Strimzi;

/// <summary>Stack texts for the Strimzi cluster shape (listeners, node pools, pass-through config), issue 16.</summary>
internal static class StrimziShapeStacks
{
    /// <summary>A dev stack with node pools instead of brokers/controllers; <paramref name="strimziExtra"/> goes under <c>strimzi:</c>.</summary>
    public static string Pools(string pools, string strimziExtra = "", string tail = "", string environment = "dev") => $"""
        config:
          kafka-infra:environment: {environment}
          kafka-infra:cluster:
            name: events
            strimzi:
              namespace: kafka
              nodePools:
        {Indent(pools, 8)}
        {Indent(strimziExtra, 6)}
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000
              messagesPerSecondPerConsumer: 250
        {tail}
        """;

    public const string TwoBrokerPools = """
        - { name: ctrl, roles: [controller], replicas: 3, storage: { type: persistent-claim, sizeGiB: 10 } }
        - name: fast
          roles: [broker]
          replicas: 2
          storage: { type: persistent-claim, sizeGiB: 200, class: io2 }
          jvmOptions: { -Xmx: 4g }
        - name: big
          roles: [broker]
          replicas: 3
          storage:
            type: jbod
            volumes:
              - { id: 0, type: persistent-claim, sizeGiB: 300 }
              - { id: 1, type: persistent-claim, sizeGiB: 400 }
        """;

    /// <summary>The repository's <c>examples/strimzi-platform/Pulumi.prod.yaml</c>.</summary>
    public static string Example() => File.ReadAllText(Path.Combine(StrimziStacks.RepoRoot, "examples", "strimzi-platform", "Pulumi.prod.yaml"));

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
