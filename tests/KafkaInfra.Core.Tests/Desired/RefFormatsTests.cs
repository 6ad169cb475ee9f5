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

    private const string ClusterArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/0a1b2c3d-1";

    public static TheoryData<string, string> ArnTransforms => new()
    {
        { "{0:topic}/orders", "arn:aws:kafka:eu-west-1:123456789012:topic/events/0a1b2c3d-1/orders" },
        { "{0:group}/connect-*", "arn:aws:kafka:eu-west-1:123456789012:group/events/0a1b2c3d-1/connect-*" },
        { "{0:transactional-id}/analytics", "arn:aws:kafka:eu-west-1:123456789012:transactional-id/events/0a1b2c3d-1/analytics" },
        { "{0}", ClusterArn },
    };

    [Theory]
    [MemberData(nameof(ArnTransforms))]
    public void Arn_transforms_turn_the_cluster_arn_into_an_msk_iam_resource_arn(string format, string expected)
    {
        Assert.Null(RefFormats.Problem(format));
        Assert.Equal(expected, RefFormats.Apply(new ResourceRef("events-msk", "arn", format), ClusterArn));
    }

    [Fact]
    public void MskArn_writes_the_documented_format() =>
        Assert.Equal("{0:group}/connect-archive", RefFormats.MskArn("group", "connect-archive"));

    [Fact]
    public void An_arn_transform_on_something_else_is_an_error()
    {
        var e = Assert.Throws<FormatException>(() => RefFormats.Apply(new ResourceRef("events-msk", "bootstrapBrokersTls", "{0:topic}/x"), "b-1:9094"));
        Assert.Contains("needs an MSK cluster ARN", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("split", "must contain {0}")]
    [InlineData("{0:arn}/x", "unknown transform {0:arn}")]
    [InlineData("{0:list}/x", "{0:list} must be the whole format")]
    public void A_format_outside_the_conventions_is_refused(string format, string expected)
    {
        Assert.Contains(expected, RefFormats.Problem(format), StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => RefFormats.Apply(new ResourceRef("events-msk", "arn", format), ClusterArn));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_reference_splits_the_bootstrap_string_and_a_plain_one_is_one_item()
    {
        var list = new ResourceRef("events-msk", "bootstrapBrokersSaslIam", RefFormats.List);

        Assert.Null(RefFormats.Problem(RefFormats.List));
        Assert.True(RefFormats.IsList(list));
        Assert.Equal(["b-1:9098", "b-2:9098"], RefFormats.ApplyList(list, "b-1:9098, b-2:9098,"));
        Assert.Equal(["b-1:9098,b-2:9098"], RefFormats.ApplyList(new ResourceRef("events-msk", "bootstrapBrokersSaslIam"), "b-1:9098,b-2:9098"));
        Assert.Throws<ArgumentException>(() => RefFormats.Apply(list, "b-1:9098"));
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
