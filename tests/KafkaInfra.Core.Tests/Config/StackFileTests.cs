using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

public class StackFileTests
{
    [Fact]
    public void Structured_values_become_json_text_and_scalars_stay_strings()
    {
        var result = StackFile.Parse("""
            config:
              aws:region: eu-west-1
              kafka-infra:environment: prod
              kafka-infra:cluster:
                name: events
                kafkaVersion: "4.3.1"
                brokers: 3
                ratio: 1.5
                plain: true
                quoted: "3"
                nothing: ~
                list: [a, 'b']
            """, "Pulumi.x.yaml");

        Assert.True(result.IsValid);
        Assert.Equal("prod", result.Values["kafka-infra:environment"]);
        Assert.Equal("eu-west-1", result.Values["aws:region"]);
        Assert.Equal("""{"name":"events","kafkaVersion":"4.3.1","brokers":3,"ratio":1.5,"plain":true,"quoted":"3","nothing":null,"list":["a","b"]}""", result.Values["kafka-infra:cluster"]);
    }

    [Fact]
    public void Numbers_beyond_64_bits_keep_their_digits_so_validation_can_quote_them()
    {
        var result = StackFile.Parse("config:\n  kafka-infra:cluster: { brokers: 123456789012345678901234567890 }\n", "f.yaml");

        Assert.Equal("""{"brokers":123456789012345678901234567890}""", result.Values["kafka-infra:cluster"]);
    }

    [Fact]
    public void Unicode_passes_through_unescaped()
    {
        var result = StackFile.Parse("config:\n  kafka-infra:topics: [{ name: télémétrie }]\n", "f.yaml");

        Assert.Equal("""[{"name":"télémétrie"}]""", result.Values["kafka-infra:topics"]);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "Pulumi.bad.yaml: is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys" },
        { "   \n# only a comment\n", "Pulumi.bad.yaml: is empty; expected a 'config:' mapping with kafka-infra:cluster and the other kafka-infra keys" },
        { "encryptionsalt: abc\n", "Pulumi.bad.yaml: has no 'config:' mapping; expected config: with kafka-infra:cluster and the other kafka-infra keys" },
        { "- a\n- b\n", "Pulumi.bad.yaml: must be a YAML mapping with a 'config:' key" },
        { "config: [a]\n", "Pulumi.bad.yaml: config: must be a mapping of config keys to values" },
        { "config:\n  kafka-infra:cluster:\n    name: [unclosed\n", "Pulumi.bad.yaml:4:1: is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "config:\n  kafka-infra:token:\n    secure: AAABAJ==\n", "kafka-infra:token: is a secret; kafka-infra reads stack files offline and cannot decrypt it. Keep secrets out of the kafka-infra keys" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_files_give_one_clear_error(string text, string expected)
    {
        var result = StackFile.Parse(text, "Pulumi.bad.yaml");

        Assert.False(result.IsValid);
        Assert.Equal([expected], TestStacks.Lines(result.Errors));
    }

    [Fact]
    public void Duplicate_keys_are_an_error_not_a_silent_overwrite()
    {
        var result = StackFile.Parse("config:\n  kafka-infra:cluster:\n    brokers: 3\n    brokers: 5\n", "Pulumi.dup.yaml");

        Assert.False(result.IsValid);
        Assert.StartsWith("Pulumi.dup.yaml:", result.Errors[0].Path, StringComparison.Ordinal);
        Assert.Contains("Duplicate key", result.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Secrets_of_other_namespaces_are_skipped()
    {
        var result = StackFile.Parse("config:\n  aws:secretKey:\n    secure: AAABAJ==\n  kafka-infra:environment: dev\n", "f.yaml");

        Assert.True(result.IsValid);
        Assert.False(result.Values.ContainsKey("aws:secretKey"));
    }
}
