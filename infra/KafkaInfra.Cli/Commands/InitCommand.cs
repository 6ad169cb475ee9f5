using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using KafkaInfra.Cli.Starters;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// <c>kafka-infra init</c>: writes a commented starter <c>Pulumi.&lt;stack&gt;.yaml</c> for a platform into the project
/// root (the nearest folder up with Pulumi.yaml, else the current folder), where <c>plan --stack</c> finds it. An
/// existing file is never overwritten without <c>--force</c>.
/// </summary>
internal static partial class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var stack = new Option<string>("--stack", "-s")
        {
            Description = "Name of the new stack: writes Pulumi.<stack>.yaml.",
            Required = true,
        };
        var platform = new Option<string>("--platform", "-p")
        {
            Description = "strimzi (Kafka on Kubernetes), msk (Amazon MSK provisioned) or msk-serverless.",
            Required = true,
        };
        platform.AcceptOnlyFromAmong([.. StarterStacks.Platforms]);
        var environment = new Option<string>("--environment", "-e")
        {
            Description = "dev (default) or prod: the rules the stack is checked with.",
            DefaultValueFactory = _ => "dev",
        };
        environment.AcceptOnlyFromAmong("dev", "prod");
        var force = new Option<bool>("--force")
        {
            Description = "Overwrite an existing Pulumi.<stack>.yaml.",
        };
        var command = new Command("init", "Write a commented starter Pulumi.<stack>.yaml for a platform; it plans cleanly as written.");
        command.Options.Add(stack);
        command.Options.Add(platform);
        command.Options.Add(environment);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(stack)!;
            if (!StackNamePattern().IsMatch(name))
            {
                throw new UsageException($"--stack must be a Pulumi stack name (letters, digits, '-', '_', '.'), got \"{name}\"");
            }

            var root = StackInput.FindProjectRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
            var path = Path.Combine(root, $"Pulumi.{name}.yaml");
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new UsageException($"{path} exists already; pick another --stack name, or pass --force to overwrite it");
            }

            var chosen = parse.GetValue(platform)!;
            var env = parse.GetValue(environment)!;
            try
            {
                File.WriteAllText(path, StarterStacks.For(chosen, name, env), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write {path}: {e.Message}");
            }

            stdout.WriteLine($"Wrote {path} ({chosen}, {env}).");
            stdout.WriteLine($"Next: kafka-infra plan --stack {name}");
            return ExitCodes.Ok;
        });
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex StackNamePattern();
}
