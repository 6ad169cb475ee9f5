using System.CommandLine;
using KafkaInfra.Cli.Commands;

namespace KafkaInfra.Cli;

/// <summary>The `kafka-infra` command: offline planning, rendering and reports over KafkaInfra.Core.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command, and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("kafka-infra: plan, render and review a Kafka platform stack offline (no cloud, no cluster, no Pulumi CLI).");
        foreach (var command in CommandCatalog.Create(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'kafka-infra --help' for usage.");
            return ExitCodes.Usage;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e)
        {
            return Report(e, stderr);
        }
    }

    /// <summary>Prints a failure and returns its exit code: usage (2), input (1), or anything else as a bug (<see cref="ExitCodes.InternalError"/>).</summary>
    internal static int Report(Exception e, TextWriter stderr)
    {
        switch (e)
        {
            case UsageException:
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            case InputException:
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.InvalidInput;
            default:
                // A bug, not bad input (every input problem is an InputException or a planner error): say so plainly,
                // without a stack trace, and with an exit code of its own so a pipeline never reads it as "invalid config".
                stderr.WriteLine($"error: kafka-infra failed unexpectedly ({e.GetType().Name}: {e.Message}). This is a bug; please report it with the command and the stack file.");
                return ExitCodes.InternalError;
        }
    }
}

/// <summary>The command line is wrong in a way the parser cannot see (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An input file is missing or malformed (exit code 1).</summary>
public sealed class InputException(string message) : Exception(message);
