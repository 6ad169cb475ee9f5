using System.Collections.Immutable;
using System.Text.Json.Nodes;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;
using Pulumi;

namespace KafkaInfra.Tests;

/// <summary>
/// Every stack of the repository (the repo's dev and prod stacks and every stack under <c>examples/</c>) run through
/// the real program under <c>Deployment.TestAsync</c>: what it registers must be Core's desired state one-to-one,
/// with Core's inputs and options, and its outputs must be Core's.
/// </summary>
[Collection(PulumiStackCollection.Name)]
public class StackConformanceTests
{
    public static TheoryData<string, string> Stacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, stack) in StackHarness.AllStackFiles().Where(s => !RefusedForCapacity(s.Path)))
        {
            data.Add(path, stack);
        }

        return data;
    }

    /// <summary>
    /// The prod examples that show the review gate refusing a platform that would fall over (docs/review-gate.md): prod
    /// refuses them for capacity shortfalls and nothing else, so there is no deployment to compare.
    /// </summary>
    private static bool RefusedForCapacity(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(StackHarness.RepoRoot(), relativePath));
        var result = CapacityPlanner.Plan(KafkaInfra.Core.Config.StackFile.Parse(text, Path.GetFileName(relativePath)).Values);
        return !result.IsValid && result.Errors.All(e => e.Message.EndsWith("(a capacity shortfall: an error in prod)", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_prod_examples_short_of_capacity_are_left_out_and_the_black_friday_x20_is_one()
    {
        var left = StackHarness.AllStackFiles().Select(s => s.Path).Where(RefusedForCapacity).ToArray();
        Assert.Contains("examples/scaling/black-friday-x20/after/Pulumi.prod.yaml", left);
        Assert.All(left, p => Assert.StartsWith("examples/scaling/", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_stack_of_the_repository_is_covered()
    {
        var paths = StackHarness.AllStackFiles().Select(s => s.Path).ToArray();
        Assert.Contains("Pulumi.dev.yaml", paths);
        Assert.Contains("Pulumi.prod.yaml", paths);
        Assert.Contains(paths, p => p.StartsWith("examples/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Registers_exactly_the_desired_state_with_its_inputs_and_options(string path, string stack)
    {
        var raw = StackHarness.FileRaw(path);
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var desired = DesiredStateBuilder.Build(plan);
        var harness = new StackHarness(stack, raw, secretConfig: StackHarness.ScramSecrets(desired));

        await harness.RunAsync();

        var expected = DesiredRegistrations.Resources(desired, plan.Config);
        var components = DesiredRegistrations.Components(desired);
        var registered = harness.Registrations.Where(r => r.Type != "pulumi:pulumi:Stack").ToArray();

        // One-to-one: the same (type, name) pairs, so the same count per type.
        var expectedKeys = expected.Select(e => (e.Type, e.Name)).Concat(components).Concat(DesiredRegistrations.Infrastructure)
            .Order().ToArray();
        var registeredKeys = registered.Select(r => (r.Type, r.Name)).Order().ToArray();
        Assert.Equal(CountByType(expectedKeys), CountByType(registeredKeys));
        Assert.Equal(expectedKeys, registeredKeys);

        var byName = registered.ToDictionary(r => (r.Type, r.Name));
        var inputs = harness.Created.GroupBy(c => (c.Type!, c.Name!)).ToDictionary(g => g.Key, g => g.Single().Inputs);
        var problems = new List<string>();
        foreach (var e in expected)
        {
            var r = byName[(e.Type, e.Name)];
            var where = $"{e.Type} {e.Name}";
            Check(where, "parent", e.Parent, r.Parent, problems);
            Check(where, "protect", e.Protect, r.Protect ?? false, problems);
            Check(where, "retainOnDelete", e.RetainOnDelete, r.RetainOnDelete ?? false, problems);
            Check(where, "provider", e.Provider, r.Provider, problems);
            Check(where, "ignoreChanges", string.Join(",", e.IgnoreChanges.Order(StringComparer.Ordinal)), string.Join(",", r.IgnoreChanges.Order(StringComparer.Ordinal)), problems);
            Check(where, "dependsOn", string.Join(",", e.DependsOn.Order(StringComparer.Ordinal)), string.Join(",", r.DependsOn.Order(StringComparer.Ordinal)), problems);
            problems.AddRange(DesiredRegistrations.Differences(e.Inputs, inputs[(e.Type, e.Name)], provider: e.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)).Select(d => $"{where}: inputs{d}"));
        }

        foreach (var (type, name) in components)
        {
            // Parented to the stack: no explicit parent, or the stack itself.
            var parent = byName[(type, name)].Parent;
            if (parent is not null && parent != $"{StackHarness.Project}-{stack}")
            {
                problems.Add($"{type} {name}: parent expected the stack, registered {parent}");
            }
        }

        Assert.True(problems.Count == 0, $"{path}: {problems.Count} differences from Core's desired state:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Take(40)));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Exports_the_plans_outputs_and_marks_none_secret_without_secret_config(string path, string stack)
    {
        var raw = StackHarness.FileRaw(path);
        var plan = CapacityPlanner.Plan(raw).GetOrThrow();
        var harness = new StackHarness(stack, raw, secretConfig: StackHarness.ScramSecrets(DesiredStateBuilder.Build(plan)));

        var (_, outputs) = await harness.RunAsync();

        var planValues = StackOutputs.PlanValues(plan);
        Assert.Equal(
            planValues.Keys.Append(StackOutputs.BootstrapServers).Append(StackOutputs.PlanInputs).Order(StringComparer.Ordinal),
            outputs.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in planValues)
        {
            Assert.Equal(Json(value), Json(outputs[name]));
        }

        Assert.Equal(StackOutputs.PlanInputsValue(raw), await Plain(outputs[StackOutputs.PlanInputs]));
        var bootstrap = await Plain(outputs[StackOutputs.BootstrapServers]);
        Assert.False(string.IsNullOrEmpty(bootstrap as string), $"{path}: bootstrapServers is empty");
        foreach (var (name, value) in outputs)
        {
            if (value is Output<string> output)
            {
                Assert.False(await Output.IsSecretAsync(output), $"{path}: output {name} is secret, though no config was");
            }
        }
    }

    private static Dictionary<string, int> CountByType(IEnumerable<(string Type, string Name)> keys) =>
        keys.GroupBy(k => k.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static void Check<T>(string where, string what, T expected, T actual, List<string> problems)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{where}: {what} expected {expected}, registered {actual}");
        }
    }

    private static async Task<object?> Plain(object? value) => value is Output<string> output
        ? await Pulumi.Utilities.OutputUtilities.GetValueAsync(output)
        : value;

    private static string Json(object? value) => ManifestWriter.ToJsonNode(Normalize(value))?.ToJsonString() ?? "null";

    private static object? Normalize(object? value) => value switch
    {
        IReadOnlyDictionary<string, object> map => map.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Aggregate(new Tree(), (t, kv) => { t[kv.Key] = Normalize(kv.Value); return t; }),
        IDictionary<string, object> map => Normalize(map.ToImmutableDictionary()),
        string s => s,
        System.Collections.IEnumerable list => list.Cast<object>().Select(Normalize).ToArray(),
        int i => (double)i,
        _ => value,
    };
}
