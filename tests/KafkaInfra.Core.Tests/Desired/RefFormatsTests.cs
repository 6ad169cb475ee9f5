using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

public class RefFormatsTests
{
    public static TheoryData<string?, string, string> Formats => new()
    {
        { null, "arn:aws:kafka:eu-west-1:1:cluster/events/abc", "arn:aws:kafka:eu-west-1:1:cluster/events/abc" },
        { "{0}/*", "arn:x", "arn:x/*" },
        { "{\"Resource\":\"{0}\",\"Also\":\"{0}\"}", "arn:x", "{\"Resource\":\"arn:x\",\"Also\":\"arn:x\"}" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Applies_the_format_to_the_value(string? format, string value, string expected)
    {
        Assert.Equal(expected, RefFormats.Apply(new ResourceRef("events-msk", "arn", format), value));
    }

    [Fact]
    public void A_format_without_the_placeholder_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => RefFormats.Apply(new ResourceRef("events-msk", "arn", "split"), "x"));
        Assert.Contains("must contain {0}", e.Message, StringComparison.Ordinal);
        Assert.NotNull(RefFormats.Problem("split"));
        Assert.Null(RefFormats.Problem(null));
    }

    [Fact]
    public void Splits_a_comma_separated_bootstrap_string()
    {
        Assert.Equal(["b-1:9098", "b-2:9098"], RefFormats.SplitList("b-1:9098, b-2:9098,"));
    }

    [Fact]
    public void Finds_rendered_references_of_declared_resources_in_a_string()
    {
        var rendered = new ResourceRef("events-msk", "bootstrapBrokersSaslIam").ToString();

        Assert.Equal([new ResourceRef("events-msk", "bootstrapBrokersSaslIam")], RefFormats.Placeholders(rendered, n => n == "events-msk"));
        Assert.Equal(
            ["brokers=", new ResourceRef("events-msk", "bootstrapBrokersTls"), ";arn=", new ResourceRef("events.key", "arn"), "/*"],
            RefFormats.Placeholders("brokers=${events-msk.bootstrapBrokersTls};arn=${events.key.arn}/*", _ => true));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("${file:/opt/secrets.properties:password}")]
    [InlineData("${other.arn}")]
    [InlineData("${events-msk}")]
    public void Leaves_other_text_literal(string text)
    {
        Assert.Null(RefFormats.Placeholders(text, n => n == "events-msk"));
    }
}
