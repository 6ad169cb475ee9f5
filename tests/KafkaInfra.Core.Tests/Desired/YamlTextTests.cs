using KafkaInfra.Core.Desired;
using YamlDotNet.Serialization;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// The AOT-safe YAML writer gives byte for byte what YamlDotNet's reflection serializer gave before (quoting of
/// necessary strings, no aliases), so rendered manifests do not change; the golden render files check whole stacks.
/// </summary>
public class YamlTextTests
{
    private static readonly ISerializer Reference = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    public static TheoryData<string> Strings() =>
    [
        "", " ", " leading", "trailing ", "plain", "true", "True", "FALSE", "yes", "no", "on", "null", "~", "Null", "0", "-12", "+3",
        "0o17", "0x1F", "1.5", ".5", "1e3", "-2.5E-3", ".inf", "-.Inf", ".nan", "a: b", "#comment", "- item", "x#y", "'single'",
        "\"double\"", "multi\nline", "tab\there", "ünïcödé", "@at", "*star", "&amp", "!bang", "%pct", "{a}", "[b]", "key:", "100m",
        "2Gi", "3.6.0", "strimzi.io/cluster", "${res.out}", "a,b", "|", ">", "?", "-", ":",
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void Strings_as_values_keys_and_list_items_match_the_reflection_serializer(string text)
    {
        var tree = new Dictionary<string, object?>
        {
            ["value"] = text,
            [text] = "as key",
            ["list"] = new List<object?> { text, "other" },
        };
        Assert.Equal(Reference.Serialize(tree), YamlText.Write(tree));
    }

    [Fact]
    public void Numbers_booleans_and_nesting_match_the_reflection_serializer()
    {
        var tree = new Dictionary<string, object?>
        {
            ["int"] = 42,
            ["negative"] = -7,
            ["big"] = int.MaxValue,
            ["double"] = 0.5,
            ["whole double"] = 3.0,
            ["tiny"] = 1e-7,
            ["huge"] = 1.5e20,
            ["yes"] = true,
            ["no"] = false,
            ["empty map"] = new Dictionary<string, object?>(),
            ["empty list"] = new List<object?>(),
            ["nested"] = new Dictionary<string, object?>
            {
                ["items"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["name"] = "a", ["port"] = 9092 },
                    new List<object?> { 1, "2", true },
                },
            },
        };
        Assert.Equal(Reference.Serialize(tree), YamlText.Write(tree));
    }
}
