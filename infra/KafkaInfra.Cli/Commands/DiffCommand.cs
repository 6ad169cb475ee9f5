using System.CommandLine;
using System.Diagnostics;
using System.Text;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// <c>kafka-infra diff</c>: the scaling-impact report between a base version of a stack file (a file, or the same
/// file at a git ref) and the working copy. Exit codes: 0 no unsafe change, 3 unsafe changes, 1 either side's config
/// is invalid (the message says which; in prod a capacity shortfall makes the new side invalid), 2 usage — including a
/// <c>--base</c> that is neither a file nor a git ref — and 4 warnings with <c>--fail-on warnings</c>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new StackInput();
        var baseOption = new Option<string>("--base", "-b")
        {
            Description = "The version to compare against: a path to the old Pulumi.<stack>.yaml, or a git ref (origin/main, HEAD~1, a commit) to read the same stack file at.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (default), markdown (a pull-request comment) or json.",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "markdown", "json");
        var allowDeletion = new Option<string[]>("--allow-topic-deletion")
        {
            Description = "Acknowledge that removing this topic deletes its data (repeat the option for several topics).",
            DefaultValueFactory = _ => [],
        };
        var failOn = FailOn.Create();
        var command = new Command("diff", "Report the scaling impact of a stack change: what moves, what remaps, what is refused. Exit 3 when a change is unsafe.");
        input.AddTo(command);
        command.Options.Add(failOn);
        command.Options.Add(baseOption);
        command.Options.Add(output);
        command.Options.Add(allowDeletion);
        command.SetAction(parse =>
        {
            var (stack, path) = input.ResolvePath(parse);
            var newRaw = StackInput.ReadFile(path);
            var baseArg = parse.GetValue(baseOption)!;
            var oldRaw = ReadBase(baseArg, path);
            var format = parse.GetValue(output);
            var plans = ImpactReport.Plan(oldRaw, newRaw);
            if (!plans.IsValid)
            {
                stderr.Write(ImpactReport.InvalidText(plans, stack, baseArg));
                if (format == "markdown")
                {
                    stdout.Write(ImpactReport.InvalidMarkdown(plans, stack, baseArg));
                }
                else if (format == "json")
                {
                    stdout.WriteLine(ImpactReport.InvalidJson(plans, stack, baseArg));
                }

                return ExitCodes.InvalidInput;
            }

            var report = ImpactReport.From(plans, new ImpactOptions(parse.GetValue(allowDeletion) ?? []));
            switch (format)
            {
                case "markdown":
                    stdout.Write(report.Markdown(stack, baseArg));
                    break;
                case "json":
                    stdout.WriteLine(report.Json(stack, baseArg));
                    break;
                default:
                    stdout.Write(report.Text(stack, baseArg));
                    break;
            }

            if (report.HasUnsafe)
            {
                var names = report.Changes.Where(c => c.Unsafe).Select(c => $"{ImpactReport.KindLabel(c.Kind)} {c.Subject}")
                    .Concat(report.Refusals.Select(r => r.Path)).Distinct(StringComparer.Ordinal);
                stderr.WriteLine($"error: unsafe changes: {string.Join("; ", names)}");
                return ExitCodes.Unsafe;
            }

            return FailOn.Check(parse, failOn, report.NewPlan.Warnings.Count, stderr);
        });
        return command;
    }

    /// <summary>
    /// The base side's raw values: the file <paramref name="baseArg"/> names, or the stack file at git ref
    /// <paramref name="baseArg"/>. Null when the stack file does not exist at that ref (a new stack).
    /// </summary>
    internal static IReadOnlyDictionary<string, string?>? ReadBase(string baseArg, string stackFilePath)
    {
        if (baseArg.Length == 0)
        {
            throw new UsageException("--base must name a file or a git ref, got an empty value");
        }

        if (File.Exists(baseArg))
        {
            return StackInput.ReadFile(baseArg);
        }

        var full = Path.GetFullPath(stackFilePath);
        var dir = Path.GetDirectoryName(full)!;
        var top = Git(dir, "rev-parse", "--show-toplevel");
        if (top.ExitCode != 0)
        {
            throw new UsageException($"--base {baseArg} is not an existing file, and {dir} is not inside a git repository to read it as a ref ({top.Error.Trim()})");
        }

        var root = top.Output.Trim();
        if (Git(dir, "rev-parse", "--verify", "--quiet", baseArg + "^{commit}").ExitCode != 0)
        {
            throw new UsageException($"--base {baseArg} is neither an existing file nor a git ref in {root} (for a pull request, fetch the base branch: git fetch origin <branch>)");
        }

        // The stack file's folder relative to the repository root, as git sees it (immune to symbolic links).
        var prefix = Git(dir, "rev-parse", "--show-prefix").Output.Trim();
        var relative = prefix + Path.GetFileName(full);
        var spec = $"{baseArg}:{relative}";
        if (Git(root, "cat-file", "-e", spec).ExitCode != 0)
        {
            return null;
        }

        var show = Git(root, "show", spec);
        if (show.ExitCode != 0)
        {
            throw new InputException($"cannot read {relative} at {baseArg}: {show.Error.Trim()}");
        }

        return StackInput.ParseText(show.Output, $"{relative} at {baseArg}");
    }

    private static (int ExitCode, string Output, string Error) Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new UsageException("could not start git");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UsageException($"--base names no existing file, and git (needed to read a ref) could not run: {e.Message}");
        }
    }
}
