using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

public class TreeJsonTests
{
    [Fact]
    public void Writes_a_policy_document_with_references_resolved()
    {
        var arn = new ResourceRef("events-msk", "arn");
        var topics = new ResourceRef("events-msk", "arn", "{0}/*");
        var policy = new Tree
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = Tree.List(new Tree { ["Effect"] = "Allow", ["Action"] = Tree.List("kafka-cluster:Connect"), ["Resource"] = Tree.List(arn, topics), ["Max"] = 2, ["Ratio"] = 0.5, ["On"] = true }),
        };

        Assert.Equal([arn, topics], TreeJson.Refs(policy));
        Assert.Equal(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kafka-cluster:Connect\"],\"Resource\":[\"A\",\"A/*\"],\"Max\":2,\"Ratio\":0.5,\"On\":true}]}",
            TreeJson.Serialize(policy, r => RefFormats.Apply(r, "A")));
    }

    [Fact]
    public void Lists_each_reference_once()
    {
        var arn = new ResourceRef("k", "arn");
        Assert.Equal([arn], TreeJson.Refs(new Tree { ["a"] = arn, ["b"] = new Tree { ["c"] = arn } }));
    }
}
