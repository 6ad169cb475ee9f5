using System.Collections.Immutable;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Planning;
using Pulumi;

namespace KafkaInfra.Tests;

/// <summary>
/// Issue 14 item 8: a config value the engine marks secret (PULUMI_CONFIG_SECRET_KEYS) stays secret in the outputs
/// that carry config, or the deployment is refused with the key named before anything is registered.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class SecretConfigTests
{
    [Fact]
    public async Task A_secret_input_makes_the_plan_inputs_output_secret()
    {
        var raw = StackHarness.StackFileRaw("dev");
        var harness = new StackHarness("dev", raw);

        var (_, outputs) = await harness.RunAsync(["kafka-infra:environment"]);

        var planInputs = Assert.IsAssignableFrom<Output<string>>(outputs[StackOutputs.PlanInputs]);
        Assert.True(await Output.IsSecretAsync(planInputs));
        var recorded = StackOutputs.ReadPlanInputs(await Pulumi.Utilities.OutputUtilities.GetValueAsync(planInputs));
        Assert.Equal(raw["kafka-infra:topics"], recorded!["kafka-infra:topics"]);
    }

    [Fact]
    public async Task Without_a_secret_input_the_plan_inputs_output_stays_plain()
    {
        var harness = new StackHarness("dev", StackHarness.StackFileRaw("dev"));

        var (_, outputs) = await harness.RunAsync();

        Assert.IsType<string>(outputs[StackOutputs.PlanInputs]);
    }

    [Fact]
    public async Task A_secret_in_the_connector_config_is_refused_with_its_key_before_anything_is_registered()
    {
        // The minimal input of the issue: a decrypted nested secret in a connector's config.
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:connect"] = """[{"name":"sinks","image":"registry.example.com/kafka/connect-s3:1","connectors":[{"name":"archive","class":"io.confluent.connect.s3.S3SinkConnector","topics":["orders"],"config":{"aws.secret.access.key":"hunter2-decrypted"}}]}]""";
        raw["kafka-infra:topics"] = """[{"name":"orders","messagesPerSecond":1000,"messagesPerSecondPerConsumer":500}]""";
        raw.Remove("kafka-infra:consumers");
        raw.Remove("kafka-infra:ksqldb");
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync(["kafka-infra:connect"]));

        Assert.True(error is RunException or AggregateException, error?.ToString());
        var text = StackHarness.ErrorText(error!);
        Assert.Contains("kafka-infra:connect: is a secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task A_secret_plan_inputs_output_of_the_last_deployment_is_read_without_failing()
    {
        // GetValueAsync throws on a secret output; the program reads it with GetOutputDetailsAsync.
        var raw = StackHarness.StackFileRaw("dev");
        var previous = StackHarness.Previous(new Dictionary<string, int>())
            .Add(StackOutputs.PlanInputs, StackOutputs.PlanInputsValue(raw));
        var harness = new StackHarness("dev", raw, previous, previousSecretOutputNames: [StackOutputs.PlanInputs]);

        var (_, outputs) = await harness.RunAsync(["kafka-infra:environment"]);

        Assert.True(await Output.IsSecretAsync(Assert.IsAssignableFrom<Output<string>>(outputs[StackOutputs.PlanInputs])));
    }

    [Fact]
    public async Task A_key_under_a_misspelled_namespace_fails_the_deployment_with_did_you_mean()
    {
        // Issue 14 item 10: Pulumi accepts any namespace; the program hands Core every key name so it can refuse this one.
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infa:ksqldb"] = """[{"name":"analytics"}]""";
        raw["kubernetes:context"] = "kind";
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync());

        var text = StackHarness.ErrorText(error!);
        Assert.Contains("kafka-infa:ksqldb: is not read: the namespace \"kafka-infa\" is not \"kafka-infra\"; did you mean 'kafka-infra:ksqldb'?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kubernetes:context", text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task An_invalid_secret_value_is_not_quoted_in_the_error()
    {
        // The loader quotes what it received ("got ..."); while a key is secret the program shows the paths only.
        var raw = StackHarness.StackFileRaw("dev");
        raw["kafka-infra:environment"] = "Staging-hunter2"; // not a lowercase environment name: refused at the key itself
        var harness = new StackHarness("dev", raw);

        var error = await Record.ExceptionAsync(() => harness.RunAsync(["kafka-infra:environment"]));

        var text = StackHarness.ErrorText(error!);
        Assert.Contains("kafka-infra:environment: is not valid (the message is withheld", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Created, c => c.Type != "pulumi:pulumi:Stack");
    }
}
