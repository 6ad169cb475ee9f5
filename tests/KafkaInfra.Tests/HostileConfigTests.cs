using KafkaInfra.Core.Config;
using Pulumi;

namespace KafkaInfra.Tests;

/// <summary>
/// Issue 14: the Pulumi program reads structured config as JSON from the engine, not through the YAML reader; a
/// value nested or sized beyond <see cref="InputLimits"/> fails the deployment with the key named, before any
/// resource is registered, just as the CLI refuses it.
/// </summary>
public class HostileConfigTests
{
    [Theory]
    [InlineData(65)]
    [InlineData(50_000)]
    public async Task Deeply_nested_json_config_fails_naming_the_key_and_the_limit(int depth)
    {
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:ksqldb"] = new string('[', depth) + new string(']', depth);
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.True(error is RunException or AggregateException, error?.ToString());
        var text = StackHarness.ErrorText(error!);
        Assert.Contains("kafka-infra:ksqldb: nests lists and mappings more than 32 levels deep", text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task An_oversized_config_value_fails_naming_the_key()
    {
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:environment"] = new string('d', InputLimits.MaxValueChars + 1);
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        Assert.Contains("kafka-infra:environment: is 8,388,609 characters long", StackHarness.ErrorText(error!), StringComparison.Ordinal);
    }
}
