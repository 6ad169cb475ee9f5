using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>
/// A stack file's structured values reach the loader as UTF-8 JSON (<see cref="StackValueDictionary"/>), parsed as
/// they are: the plan, its warnings and its errors are exactly those of the same values handed over as strings, as the
/// Pulumi engine hands them.
/// </summary>
public class StackValueDictionaryTests
{
    public static TheoryData<string> Stacks() => BlockYamlStacks();

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_repository_stack_plans_the_same_from_utf8_json_and_from_strings(string file)
    {
        var parsed = StackFile.Parse(File.ReadAllText(Path.Combine(TestStacks.RepoRoot(), file)), file);
        Assert.IsType<StackValueDictionary>(parsed.Values);
        var asStrings = parsed.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        Assert.Equal(PlanReport.Json(CapacityPlanner.PlanBase(asStrings), "s"), PlanReport.Json(CapacityPlanner.PlanBase(parsed.Values), "s"));
    }

    [Fact]
    public void A_structured_value_reads_as_the_json_text_pulumi_hands_a_program()
    {
        var parsed = StackFile.Parse("config:\n  kafka-infra:topics:\n    - name: a\n      partitions: 3\n      note: \"x\\\"y\"\n  kafka-infra:environment: dev\n", "Pulumi.t.yaml");
        var values = Assert.IsType<StackValueDictionary>(parsed.Values);

        Assert.True(values.TryGetUtf8Json("kafka-infra:topics", out _));
        Assert.False(values.TryGetUtf8Json("kafka-infra:environment", out _));
        Assert.Equal("[{\"name\":\"a\",\"partitions\":3,\"note\":\"x\\\"y\"}]", values["kafka-infra:topics"]);
        Assert.Equal("dev", values["kafka-infra:environment"]);
        Assert.Equal(["kafka-infra:environment", "kafka-infra:topics"], values.Keys);
    }

    [Fact]
    public void The_depth_limit_reads_utf8_as_it_reads_text()
    {
        var json = new string('[', 5) + "\"]]]]] \\\" {{\"" + new string(']', 5);
        Assert.Equal(InputLimits.JsonDepth(json), InputLimits.JsonDepth<byte>(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(5, InputLimits.JsonDepth(json));
    }

    private static TheoryData<string> BlockYamlStacks() => Desired.BlockYamlTests.Stacks();
}
