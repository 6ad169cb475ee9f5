using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests;

/// <summary>
/// The one stack-fixture builder: raw stack config the way the CLI reads it (StackFile.Parse), loaded or planned
/// (CapacityPlanner.Plan), from a <c>config:</c> body, a whole stack file's text, or the repository's stack files.
/// The other fixture classes (StrimziStacks, MskStacks, ImpactTestStacks) hold stack texts and call these.
/// </summary>
internal static class TestStacks
{
    /// <summary>A minimal valid Strimzi cluster block.</summary>
    public const string StrimziCluster = """
          kafka-infra:cluster:
            name: events
            brokers: 3
            storageGiB: 500
            strimzi: {}

        """;

    /// <summary>A minimal valid MSK cluster block over three subnets.</summary>
    public const string MskCluster = """
          kafka-infra:cluster:
            name: events
            kafkaVersion: 3.9.x
            brokers: 3
            storageGiB: 1000
            msk:
              instanceType: kafka.m7g.large
              clientSubnets: [subnet-a, subnet-b, subnet-c]
              securityGroups: [sg-1]

        """;

    /// <summary>
    /// Raw values from a YAML <c>config:</c> body (the lines under <c>config:</c>, indented by two). A body that does not
    /// name its environment gets <c>kafka-infra:environment: dev</c> (the key is required; the tests of that rule parse
    /// their text with <see cref="StackFile"/> directly).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Raw(string configBody)
    {
        ArgumentNullException.ThrowIfNull(configBody);
        return RawFile("config:\n" + (configBody.Contains("kafka-infra:environment:", StringComparison.Ordinal) ? "" : "  kafka-infra:environment: dev\n") + configBody);
    }

    /// <summary>Raw values of a whole stack file's text (fails the test when the YAML itself is invalid).</summary>
    public static IReadOnlyDictionary<string, string?> RawFile(string yaml, string fileName = "Pulumi.test.yaml")
    {
        var parsed = StackFile.Parse(yaml, fileName);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        return parsed.Values;
    }

    public static LoadResult Load(string configBody) => StackConfigLoader.Load(Raw(configBody));

    public static PlanResult Plan(string configBody, DeployedState? deployed = null) => CapacityPlanner.Plan(Raw(configBody), deployed);

    /// <summary>The plan result of a whole stack file's text.</summary>
    public static PlanResult PlanFile(string yaml, DeployedState? deployed = null) => CapacityPlanner.Plan(RawFile(yaml), deployed);

    /// <summary>The plan of a valid result (fails the test with every error otherwise).</summary>
    public static CapacityPlan Valid(PlanResult result)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Plan!;
    }

    /// <summary>The messages of a result's errors as "path: message" lines.</summary>
    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToArray();

    /// <summary>The repository root (the folder with KafkaInfra.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KafkaInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KafkaInfra.sln not found above the test output folder");
    }

    /// <summary>Raw values of a stack file in the repository (Pulumi.dev.yaml, Pulumi.prod.yaml).</summary>
    public static IReadOnlyDictionary<string, string?> StackFileRaw(string stack)
    {
        var name = $"Pulumi.{stack}.yaml";
        return RawFile(File.ReadAllText(Path.Combine(RepoRoot(), name)), name);
    }
}
