using System.Text;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// The rendered manifests of the real stack files, compared with golden files under Golden/. Rewrite them with
/// <c>KAFKA_INFRA_UPDATE_GOLDEN=1 dotnet test</c> after an intended change, and review the diff.
/// </summary>
public class GoldenTests
{
    internal static string Render(IEnumerable<KubernetesObject> objects)
    {
        var sb = new StringBuilder();
        foreach (var o in objects)
        {
            sb.Append("---\n# ").Append(o.FileName).Append(" (component ").Append(o.Component)
              .Append(o.ReplicasOwnedByAutoscaler ? ", replicas owned by the autoscaler" : "").Append(")\n");
            sb.Append(ManifestWriter.ToYaml(o));
        }

        return sb.ToString();
    }

    private static void AssertGolden(string fileName, string actual) => GoldenFiles.AssertMatches(fileName, actual);

    [Fact]
    public void Dev_stack_renders_as_the_golden_file() =>
        AssertGolden("strimzi-dev.yaml", Render(StrimziStacks.Dev().Kubernetes));

    [Fact]
    public void Prod_stack_msk_workloads_render_as_the_golden_file() =>
        AssertGolden("msk-prod-workloads.yaml", Render(MskWorkloads.Build(StrimziStacks.Plan(StrimziStacks.StackText("prod")))));

    [Fact]
    public void Rendering_is_deterministic() =>
        Assert.Equal(Render(StrimziStacks.Dev().Kubernetes), Render(StrimziStacks.Dev().Kubernetes));
}
