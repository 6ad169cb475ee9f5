using System.CommandLine;

namespace KafkaInfra.Cli.Commands;

/// <summary>Every subcommand of `kafka-infra`, in help order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return InitCommand.Create(stdout, stderr);
        yield return PlanCommand.Create(stdout, stderr);
        yield return RenderCommand.Create(stdout, stderr);
        yield return DiffCommand.Create(stdout, stderr);
        yield return RebalanceCommand.Create(stdout, stderr);
    }
}
