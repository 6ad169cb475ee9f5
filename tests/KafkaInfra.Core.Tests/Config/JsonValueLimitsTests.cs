using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>
/// The Pulumi program hands Core structured values as JSON text (Pulumi.Config), not through the YAML reader: the
/// same depth and size limits hold there, with an error naming the key instead of a parser's stack overflow or a
/// misleading "must be a list ... got "[[[["".
/// </summary>
public class JsonValueLimitsTests
{
    private static Diagnostic ErrorFor(string key, string value)
    {
        var result = StackConfigLoader.Load(new Dictionary<string, string?> { ["kafka-infra:environment"] = "dev", [key] = value });
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors, e => e.Path == key);
    }

    [Theory]
    [InlineData(InputLimits.MaxValueDepth + 1)]
    [InlineData(65)]
    [InlineData(1_001)]
    [InlineData(50_000)]
    public void Json_nested_beyond_the_limit_names_the_key_and_the_limit(int depth)
    {
        var error = ErrorFor("kafka-infra:topics", new string('[', depth) + new string(']', depth));

        Assert.Equal("nests lists and mappings more than 32 levels deep (the limit for one config value)", error.Message);
    }

    [Fact]
    public void Json_at_the_depth_limit_is_read_and_judged_on_its_content()
    {
        var result = StackConfigLoader.Load(new Dictionary<string, string?>
        {
            ["kafka-infra:topics"] = "[" + new string('[', InputLimits.MaxValueDepth - 1) + new string(']', InputLimits.MaxValueDepth - 1) + "]",
        });

        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("levels deep", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path.StartsWith("kafka-infra:topics[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Brackets_inside_json_strings_do_not_count_as_depth()
    {
        Assert.Equal(1, InputLimits.JsonDepth("""["[[[[\"[[", "]]]"]"""));
        Assert.Equal(3, InputLimits.JsonDepth("""{"a":[{"b":"}}}"}]}"""));
    }

    [Theory]
    [InlineData("kafka-infra:topics")]
    [InlineData("kafka-infra:environment")]
    public void A_value_longer_than_the_limit_is_refused_naming_the_key(string key)
    {
        var value = "[\"" + new string('x', InputLimits.MaxValueChars) + "\"]";

        Assert.Equal("is 8,388,612 characters long; the limit for one config value is 8,388,608", ErrorFor(key, value).Message);
    }
}
