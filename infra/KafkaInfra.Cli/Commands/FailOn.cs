using System.CommandLine;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// <c>--fail-on errors|warnings</c> of <c>plan</c> and <c>diff</c>: by default only errors (and, for diff, unsafe
/// changes) fail; teams that treat every warning as a blocker pass <c>--fail-on warnings</c> and get exit code 4.
/// </summary>
internal static class FailOn
{
    public const string Errors = "errors";
    public const string Warnings = "warnings";

    public static Option<string> Create()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = "errors (default): exit non-zero on errors (and unsafe changes); warnings: also exit 4 when the plan has any warning.",
            DefaultValueFactory = _ => Errors,
        };
        option.AcceptOnlyFromAmong(Errors, Warnings);
        return option;
    }

    /// <summary>The exit code for a valid plan with <paramref name="warnings"/> warnings, and the line that says why.</summary>
    public static int Check(ParseResult parse, Option<string> option, int warnings, TextWriter stderr)
    {
        if (parse.GetValue(option) != Warnings || warnings == 0)
        {
            return ExitCodes.Ok;
        }

        stderr.WriteLine($"error: {warnings} warning{(warnings == 1 ? "" : "s")}, and --fail-on warnings is set");
        return ExitCodes.Warnings;
    }
}
