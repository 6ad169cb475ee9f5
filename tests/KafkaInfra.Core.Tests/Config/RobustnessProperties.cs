using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Whatever a user writes, Core answers with errors, never with an exception.</summary>
public class RobustnessProperties
{
    [Property(MaxTest = 300)]
    public bool Any_text_parses_to_values_or_errors(string text)
    {
        var result = StackFile.Parse(text ?? "", "Pulumi.x.yaml");
        return result.IsValid || result.Errors.Count > 0;
    }

    private static readonly string[] Keys = ["name", "brokers", "storageGiB", "strimzi", "msk", "partitions", "messagesPerSecond", "messagesPerSecondPerConsumer", "topic", "maxReplicas", "minReplicas", "connectors", "config", "topics", "instanceType", "clientSubnets", "serverless"];

    private static Gen<JsonElement> Values() =>
        Gen.OneOf(
            Gen.Constant(JsonSerializer.SerializeToElement(-1)),
            Gen.Constant(JsonSerializer.SerializeToElement(0)),
            Gen.Constant(JsonSerializer.SerializeToElement(3)),
            Gen.Constant(JsonSerializer.SerializeToElement(1e300)),
            Gen.Constant(JsonSerializer.SerializeToElement(2.5)),
            Gen.Constant(JsonSerializer.SerializeToElement("x")),
            Gen.Constant(JsonSerializer.SerializeToElement("")),
            Gen.Constant(JsonSerializer.SerializeToElement("orders")),
            Gen.Constant(JsonSerializer.SerializeToElement(true)),
            Gen.Constant(JsonSerializer.SerializeToElement<object?>(null)),
            Gen.Constant(JsonSerializer.SerializeToElement(new object[] { "a", 1 })),
            Gen.Constant(JsonSerializer.SerializeToElement(new Dictionary<string, object>())));

    private static Gen<string> Objects() =>
        from n in Gen.Choose(0, 6)
        from keys in Gen.ArrayOf(Gen.Elements(Keys), n)
        from values in Gen.ArrayOf(Values(), n)
        select JsonSerializer.Serialize(keys.Zip(values).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second));

    [Property(MaxTest = 300)]
    public Property Any_shape_of_structured_config_loads_to_a_config_or_errors() =>
        Prop.ForAll(
            (from cluster in Objects()
             from topic in Objects()
             from consumer in Objects()
             from wrapTopics in Gen.Elements(true, false)
             select (cluster, topic, consumer, wrapTopics)).ToArbitrary(),
            input =>
            {
                var raw = new Dictionary<string, string?>
                {
                    ["kafka-infra:cluster"] = input.cluster,
                    ["kafka-infra:topics"] = input.wrapTopics ? $"[{input.topic}]" : input.topic,
                    ["kafka-infra:consumers"] = $"[{input.consumer}]",
                    ["kafka-infra:connect"] = $"[{input.topic}]",
                };
                var result = CapacityPlanner.Plan(raw);
                return result.IsValid || result.Errors.Count > 0;
            });
}
