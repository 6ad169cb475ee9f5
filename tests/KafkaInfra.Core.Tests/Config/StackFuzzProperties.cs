using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KafkaInfra.Benchmarks;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>
/// Issue 14 tests: mutated versions of the repository's stacks and of every stack under examples/ (types, numbers,
/// names, nesting, anchors, documents; see <see cref="StackFuzz"/>) go through the CLI's path without an exception,
/// each rejection names a config key or a file position, and no case takes long. FsCheck picks the seed stack and
/// the mutation seed, so a failure is reported (and shrunk) as a reproducible pair.
/// </summary>
public class StackFuzzProperties
{
    private static readonly IReadOnlyList<(string Name, string Text)> Seeds = StackFuzz.Seeds();

    [Fact]
    public void The_seeds_are_the_repository_stacks_and_every_example_and_all_are_accepted()
    {
        Assert.Contains(Seeds, s => s.Name == "Pulumi.dev.yaml");
        Assert.Contains(Seeds, s => s.Name == "Pulumi.prod.yaml");
        Assert.True(Seeds.Count(s => s.Name.StartsWith("examples", StringComparison.Ordinal)) >= 10);
        // Accepted, except the prod examples that show the gate refusing a platform that would fall over: those are
        // rejected for capacity shortfalls and nothing else.
        Assert.All(Seeds, s =>
        {
            var verdict = StackFuzz.Check(s.Text).Verdict;
            if (verdict == StackFuzz.Verdict.Rejected && OnlyCapacityShortfalls(s.Text))
            {
                return;
            }

            Assert.Equal(StackFuzz.Verdict.Accepted, verdict);
        });
        Assert.Contains(Seeds, s => s.Name.Contains("black-friday-x20/after", StringComparison.Ordinal) && OnlyCapacityShortfalls(s.Text));
    }

    private static bool OnlyCapacityShortfalls(string text)
    {
        var result = KafkaInfra.Core.Planning.CapacityPlanner.Plan(TestStacks.RawFile(text));
        return !result.IsValid && result.Errors.All(e => e.Message.EndsWith("(a capacity shortfall: an error in prod)", StringComparison.Ordinal));
    }

    [Property(MaxTest = 3_000, QuietOnSuccess = true)]
    public Property Mutated_stacks_are_accepted_or_rejected_with_a_key_or_a_position() =>
        Prop.ForAll(
            Gen.Choose(0, Seeds.Count - 1).Zip(ArbMap.Default.GeneratorFor<int>()).ToArbitrary(),
            input =>
            {
                var mutated = StackFuzz.Mutate(Seeds[input.Item1].Text, new Random(input.Item2));
                var watch = Stopwatch.StartNew();
                var outcome = StackFuzz.Check(mutated);
                return (outcome.Verdict is StackFuzz.Verdict.Accepted or StackFuzz.Verdict.Rejected && watch.Elapsed < TimeSpan.FromSeconds(10))
                    .Label($"{outcome.Verdict} in {watch.Elapsed.TotalMilliseconds:N0} ms: {outcome.Detail}\n--- input ---\n{mutated}");
            });
}
