using System.CommandLine;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Cli.Commands;

/// <summary><c>kafka-infra plan</c>: validate and plan a stack, print the report.</summary>
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
        var command = new Command("plan", "Validate a stack config and print its capacity plan: partitions with their reasons, KEDA ranges, sizing, warnings and advice.");
        input.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var (stack, raw) = input.Read(parse);
            var result = CapacityPlanner.Plan(raw);
            var json = parse.GetValue(output) == "json";
            if (json)
            {
                stdout.WriteLine(PlanReport.Json(result, stack));
            }
            else if (result.IsValid)
            {
                stdout.Write(PlanReport.Text(result, stack));
            }
            else
            {
                stderr.Write(PlanReport.Text(result, stack));
            }

            return result.IsValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
        });
        return command;
    }
}
