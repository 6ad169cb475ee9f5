using System.CommandLine;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// <c>kafka-infra plan</c>: validate and plan a stack, print the report. With <c>--base</c> (a file or a git ref, as
/// <c>diff</c>) the plan is checked against what that version deploys: partitions never decrease, storage only grows.
/// Exit codes: 0 planned, 1 invalid (or refused against the base), 2 usage, 4 warnings with <c>--fail-on warnings</c>.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new StackInput();
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (default) or json.",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var baseOption = new Option<string?>("--base", "-b")
        {
            Description = "What is deployed: a path to the deployed Pulumi.<stack>.yaml, or a git ref (origin/main, a tag) to read the same stack file at. Without it the plan is not compared with any deployment.",
        };
        var failOn = FailOn.Create();
        var command = new Command("plan", "Validate a stack config and print its capacity plan: partitions with their reasons, KEDA ranges, sizing, warnings and advice.");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(baseOption);
        command.Options.Add(failOn);
        command.SetAction(parse =>
        {
            var (stack, path) = input.ResolvePath(parse);
            var raw = StackInput.ReadFile(path);
            var (result, baseline) = Plan(raw, path, parse.GetValue(baseOption));
            if (parse.GetValue(output) == "json")
            {
                PlanReport.WriteJson(stdout, result, stack, baseline);
                stdout.WriteLine();
            }
            else if (result.IsValid)
            {
                stdout.Write(PlanReport.Text(result, stack, baseline));
            }
            else
            {
                stderr.Write(PlanReport.Text(result, stack, baseline));
            }

            return result.IsValid ? FailOn.Check(parse, failOn, result.Warnings.Count, stderr) : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>Plans <paramref name="raw"/>, against the base's deployed numbers when <paramref name="baseArg"/> names one.</summary>
    private static (PlanResult Result, PlanBaseline? Baseline) Plan(IReadOnlyDictionary<string, string?> raw, string path, string? baseArg)
    {
        if (baseArg is null)
        {
            return (CapacityPlanner.Plan(raw), null);
        }

        var baseRaw = DiffCommand.ReadBase(baseArg, path);
        if (baseRaw is null)
        {
            return (CapacityPlanner.Plan(raw), new PlanBaseline(baseArg, false));
        }

        var old = CapacityPlanner.PlanBase(baseRaw);
        if (!old.IsValid)
        {
            throw new InputException($"the base ({baseArg}) is invalid, so nothing can be compared with it:{Environment.NewLine}"
                + string.Join(Environment.NewLine, old.Errors.Select(e => $"  error: {e}")));
        }

        var baseline = new PlanBaseline(baseArg, true);
        var load = StackConfigLoader.Load(raw);
        if (!load.IsValid)
        {
            return (new PlanResult(null, load.Errors, [], []), baseline);
        }

        // A platform switch is a new cluster: nothing of the old one carries over.
        var deployed = old.Plan!.Cluster.Platform == load.Config!.Cluster.Platform.Kind
            ? ImpactReport.DeployedOf(old.Plan)
            : DeployedState.None;
        return (CapacityPlanner.Plan(load.Config, deployed), baseline);
    }
}
