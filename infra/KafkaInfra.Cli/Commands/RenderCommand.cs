using System.CommandLine;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// <c>kafka-infra render</c>: writes the desired state for review and GitOps — each Kubernetes object as one YAML
/// document, each other resource as one JSON record — plus an index. Nothing is written when the config is invalid.
/// </summary>
internal static class RenderCommand
{
    public const string IndexFileName = RenderFolder.IndexFileName;

    /// <summary>From this many objects a render shows progress on a terminal (about a second of work).</summary>
    private const int LargeRender = 2_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new StackInput();
        var outputDir = new Option<string>("--output-dir", "-d")
        {
            Description = "Folder to write into (created if missing). A previous render there is replaced as a whole; a folder holding other files is refused unless --force.",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Render into a folder that also holds files kafka-infra did not write; they are kept as they are.",
        };
        var command = new Command("render", "Render every object the stack declares: Kubernetes objects as YAML, AWS and Kafka-provider resources as JSON.");
        input.AddTo(command);
        command.Options.Add(outputDir);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(outputDir)))
            {
                throw new UsageException($"--output-dir must name a folder, got \"{parse.GetValue(outputDir)}\"");
            }

            var (stack, raw) = input.Read(parse);
            var result = CapacityPlanner.Plan(raw);
            if (!result.IsValid)
            {
                stderr.Write(Core.Reports.PlanReport.Text(result, stack));
                stderr.WriteLine("Nothing was written.");
                return ExitCodes.InvalidInput;
            }

            var state = DesiredStateBuilder.Build(result.Plan!);
            IReadOnlyList<string> files;
            using (var progress = TerminalProgress.Start(stderr, state.Kubernetes.Count + state.Cloud.Count >= LargeRender, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rendering {state.Kubernetes.Count + state.Cloud.Count:N0} objects")))
            {
                files = Write(state, parse.GetValue(outputDir)!, parse.GetValue(force), progress);
            }

            stdout.WriteLine($"Rendered stack {stack}: {state.Kubernetes.Count} Kubernetes objects and {state.Cloud.Count} other resources into {parse.GetValue(outputDir)} ({files.Count} files, index in {IndexFileName}).");
            foreach (var w in result.Warnings)
            {
                stderr.WriteLine($"warning: {w}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Renders all files in memory, then replaces the folder's previous render in one step (see <see cref="RenderFolder"/>).</summary>
    public static IReadOnlyList<string> Write(DesiredState state, string directory, bool force = false, TerminalProgress? progress = null)
    {
        var files = ManifestWriter.Files(state);
        var names = files.Select(f => f.Name).ToList();
        RenderFolder.Replace(directory, files, ManifestWriter.Index(state, names), force, progress);
        return names;
    }
}
