using KafkaInfra.Core.Desired;
using YamlDotNet.Serialization;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// The AOT-safe YAML writer gives byte for byte what YamlDotNet's reflection serializer gave before (YAML 1.1 quoting
/// of necessary strings plus <see cref="Yaml11Quoting"/>, no aliases), so rendered manifests do not change; the golden
/// render files check whole stacks.
/// </summary>
public class YamlTextTests
{
    private static readonly ISerializer Reference = new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithEventEmitter(next => new Yaml11Quoting.Emitter(next))
        .DisableAliases()
        .Build();

    public static TheoryData<string> Strings() =>
    [
        "", " ", " leading", "trailing ", "plain", "true", "True", "FALSE", "yes", "no", "on", "null", "~", "Null", "0", "-12", "+3",
        "0o17", "0x1F", "1.5", ".5", "1e3", "-2.5E-3", ".inf", "-.Inf", ".nan", "a: b", "#comment", "- item", "x#y", "'single'",
        "\"double\"", "multi\nline", "tab\there", "ünïcödé", "@at", "*star", "&amp", "!bang", "%pct", "{a}", "[b]", "key:", "100m",
        "2Gi", "3.6.0", "strimzi.io/cluster", "${res.out}", "a,b", "|", ">", "?", "-", ":", "y", "N", "Off", "1_000", "0b101",
        "0o1_7", "017", "0x1_F", "1:30", "-1:30:00", "1._5", "1.5e+3", "1.5e3", "1e3", "190:20:30.15", "2024-01-01",
        "2001-12-14t21:59:43.10-05:00", "<<", "=", "1.2.3", "0.", ".", "+.inf", "-.NaN",
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
