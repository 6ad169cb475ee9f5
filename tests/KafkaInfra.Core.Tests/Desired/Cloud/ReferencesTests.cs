using KafkaInfra.Core.Desired.Cloud;

namespace KafkaInfra.Core.Tests.Desired.Cloud;

public class ReferencesTests
{
    private const string ClusterArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3";
    private static readonly OutputRef Cluster = new("events-msk", CloudOutput.Arn);

    [Theory]
    [InlineData(MskArnResource.Topic, "orders", "arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/orders")]
    [InlineData(MskArnResource.Group, "connect-*", "arn:aws:kafka:eu-west-1:123456789012:group/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/connect-*")]
    [InlineData(MskArnResource.TransactionalId, "analytics", "arn:aws:kafka:eu-west-1:123456789012:transactional-id/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/analytics")]
    public void An_msk_resource_arn_is_built_from_the_cluster_arn(MskArnResource resource, string name, string expected)
    {
        // Amazon MSK developer guide, "IAM access control" resources: arn:aws:kafka:region:account:topic/cluster-name/cluster-uuid/topic-name.
        Assert.Equal(expected, new Text.Ref(Cluster, new MskArnOf(resource, name)).Resolve(_ => ClusterArn));
    }

    [Fact]
    public void A_value_that_is_not_a_cluster_arn_is_refused_with_what_was_received()
    {
        var e = Assert.Throws<FormatException>(() => new MskArnOf(MskArnResource.Topic, "orders").Apply("b-1.events:9098"));
        Assert.Equal("the topic ARN of orders needs an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), got 'b-1.events:9098'", e.Message);
    }

    [Fact]
    public void Literals_resolve_to_themselves_and_plain_references_to_the_output()
    {
        Assert.Equal("x", Text.FromString("x").Resolve(_ => throw new InvalidOperationException()));
        Assert.Equal(ClusterArn, Text.Of(Cluster).Resolve(r => r == Cluster ? ClusterArn : "wrong"));
        Assert.Equal("${events-msk.bootstrapBrokersSaslIam}", new OutputRef("events-msk", CloudOutput.BootstrapBrokersSaslIam).ToString());
    }

    [Fact]
    public void References_render_as_ref_objects_and_the_policy_text_resolves_them()
    {
        var document = new PolicyDocument(PolicyDocument.CurrentVersion,
        [
            new PolicyStatement("ReadTopic", "Allow", null, ["kafka-cluster:ReadData"], [Text.Of(Cluster), new Text.Ref(Cluster, new MskArnOf(MskArnResource.Topic, "orders"))]),
        ]);
        var spec = new IamPolicySpec("d", document, StringMap.Of(("cluster", "events")));

        Assert.Equal(
            """{"description":"d","policy":{"Version":"2012-10-17","Statement":[{"Sid":"ReadTopic","Effect":"Allow","Action":["kafka-cluster:ReadData"],"Resource":[{"$ref":"events-msk.arn"},{"$ref":"events-msk.arn","mskArn":{"resource":"topic","name":"orders"}}]}]},"tags":{"cluster":"events"}}""",
            CloudJson.Properties(spec).ToJsonString());
        Assert.Equal([Cluster], CloudJson.Refs(spec));
        Assert.Equal(
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"ReadTopic","Effect":"Allow","Action":["kafka-cluster:ReadData"],"Resource":["{{ClusterArn}}","arn:aws:kafka:eu-west-1:123456789012:topic/events/0f1e2d3c-aaaa-bbbb-cccc-123456789abc-3/orders"]}]}""",
            CloudJson.PolicyText(document, _ => ClusterArn));
    }

    [Fact]
    public void Every_spec_type_has_a_type_token_and_a_list_of_outputs()
    {
        var specs = typeof(CloudSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CloudSpec)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(specs.OrderBy(t => t.Name), CloudSpecs.All.OrderBy(t => t.Name));
    }

    [Fact]
    public void A_string_map_keeps_its_order_and_refuses_a_key_given_twice()
    {
        Assert.Equal(["b", "a"], StringMap.Of(("b", "1"), ("a", "2")).Select(kv => kv.Key));
        Assert.Equal("key a is given twice (Parameter 'items')", Assert.Throws<ArgumentException>(() => StringMap.Of(("a", "1"), ("a", "2"))).Message);
    }
}
