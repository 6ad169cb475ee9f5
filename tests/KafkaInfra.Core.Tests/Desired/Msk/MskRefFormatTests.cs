using KafkaInfra.Core.Desired.Msk;

namespace KafkaInfra.Core.Tests.Desired.Msk;

public class MskRefFormatTests
{
    private const string Arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/0f1e2d3c-aaaa-3";

    public static TheoryData<string?, string> Formats => new()
    {
        { null, Arn },
        { "{0}", Arn },
        { "{0}/*", Arn + "/*" },
        { "{0:topic}/orders", "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-3/orders" },
        { "{0:group}/order-service", "arn:aws:kafka:eu-west-1:123456789012:group/events/0f1e2d3c-aaaa-3/order-service" },
        { "{0:topic}/_confluent-ksql-analytics*", "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-3/_confluent-ksql-analytics*" },
        { "{0:transactional-id}/analytics", "arn:aws:kafka:eu-west-1:123456789012:transactional-id/events/0f1e2d3c-aaaa-3/analytics" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Formats_resolve_against_the_cluster_arn(string? format, string expected) =>
        Assert.Equal(expected, MskRefFormat.Apply(format, Arn));

    [Fact]
    public void List_splits_the_comma_separated_bootstrap_string()
    {
        var value = MskRefFormat.Apply(MskRefFormat.List, "b-1.events.kafka.eu-west-1.amazonaws.com:9098, b-2.events.kafka.eu-west-1.amazonaws.com:9098,");
        Assert.Equal(new[] { "b-1.events.kafka.eu-west-1.amazonaws.com:9098", "b-2.events.kafka.eu-west-1.amazonaws.com:9098" }, Assert.IsType<string[]>(value));
    }

    [Fact]
    public void ArnOf_writes_the_documented_format() =>
        Assert.Equal("{0:group}/connect-archive", MskRefFormat.ArnOf("group", "connect-archive"));

    [Theory]
    [InlineData("{0:cluster}/x", Arn, "unknown reference transform {0:cluster}; known: {0}, {0:list}, {0:topic}, {0:group}, {0:transactional-id}")]
    [InlineData("{0:topic}/x", "b-1:9098", "{0:topic} needs an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), got 'b-1:9098'")]
    [InlineData("x,{0:list}", Arn, "{0:list} must be the whole format")]
    public void Bad_formats_fail_loudly(string format, string value, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => MskRefFormat.Apply(format, value)).Message);
}
