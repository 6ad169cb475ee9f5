using System.CommandLine;

namespace KafkaInfra.Cli.Commands;

/// <summary>Every subcommand of `kafka-infra`, in help order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return RebalanceCommand.Create(stdout, stderr);
    }
}
