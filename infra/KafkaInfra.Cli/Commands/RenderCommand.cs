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
    public const string IndexFileName = "index.txt";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new StackInput();
        var outputDir = new Option<string>("--output-dir", "-d")
        {
            Description = "Folder to write into (created if missing; files this command wrote before are replaced).",
            Required = true,
        };
        var command = new Command("render", "Render every object the stack declares: Kubernetes objects as YAML, AWS and Kafka-provider resources as JSON.");
        input.AddTo(command);
        command.Options.Add(outputDir);
        command.SetAction(parse =>
        {
            var (stack, raw) = input.Read(parse);
            var result = CapacityPlanner.Plan(raw);
            if (!result.IsValid)
            {
                stderr.Write(Core.Reports.PlanReport.Text(result, stack));
                stderr.WriteLine("Nothing was written.");
                return ExitCodes.InvalidInput;
            }

            var state = DesiredStateBuilder.Build(result.Plan!);
            var files = Write(state, parse.GetValue(outputDir)!);
            stdout.WriteLine($"Rendered stack {stack}: {state.Kubernetes.Count} Kubernetes objects and {state.Cloud.Count} other resources into {parse.GetValue(outputDir)} ({files.Count} files, index in {IndexFileName}).");
            foreach (var w in result.Warnings)
            {
                stderr.WriteLine($"warning: {w}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Renders all files in memory first, then writes them, so a failure never leaves a half-written folder of new files mixed with stale ones.</summary>
    public static IReadOnlyList<string> Write(DesiredState state, string directory)
    {
        var files = new List<(string Name, string Content)>();
        foreach (var obj in state.Kubernetes)
        {
            files.Add((obj.FileName, ManifestWriter.ToYaml(obj)));
        }

        for (var i = 0; i < state.Cloud.Count; i++)
        {
            var r = state.Cloud[i];
            files.Add(($"cloud-{i:000}-{r.Name}.json", ManifestWriter.ToJson(r)));
        }

        var duplicate = files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two rendered objects share the file name {duplicate.Key}");
        }

        var names = files.Select(f => f.Name).ToList();
        try
        {
            Directory.CreateDirectory(directory);
            var index = Path.Combine(directory, IndexFileName);
            if (File.Exists(index))
            {
                // Remove what the previous render wrote, so deleted objects do not linger in a GitOps folder.
                foreach (var line in File.ReadAllLines(index).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var stale = Path.Combine(directory, Path.GetFileName(line));
                    if (File.Exists(stale))
                    {
                        File.Delete(stale);
                    }
                }
            }

            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(directory, name), content);
            }

            File.WriteAllText(index, ManifestWriter.Index(state, names));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write to {directory}: {e.Message}");
        }

        return names;
    }
}
