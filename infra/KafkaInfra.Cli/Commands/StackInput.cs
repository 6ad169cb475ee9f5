using System.CommandLine;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Cli.Commands;

/// <summary>The <c>--stack</c> / <c>--config-file</c> options every stack command shares, and reading the file they name.</summary>
internal sealed class StackInput
{
    public Option<string?> Stack { get; } = new("--stack", "-s")
    {
        Description = "Stack name: reads Pulumi.<stack>.yaml from the project root (the nearest folder up with Pulumi.yaml).",
    };

    public Option<string?> ConfigFile { get; } = new("--config-file")
    {
        Description = "Path of a Pulumi.<stack>.yaml file to read instead of --stack.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Stack);
        command.Options.Add(ConfigFile);
    }

    /// <summary>Resolves the stack file and returns (display name, raw values). Throws Usage/Input exceptions with clear messages.</summary>
    public (string StackName, IReadOnlyDictionary<string, string?> Raw) Read(ParseResult parse)
    {
        var (stack, path) = ResolvePath(parse);
        return (stack, ReadFile(path));
    }

    /// <summary>Resolves the stack file without reading it: (display name, path). Throws a UsageException on a bad command line.</summary>
    public (string StackName, string Path) ResolvePath(ParseResult parse)
    {
        var stack = parse.GetValue(Stack);
        var file = parse.GetValue(ConfigFile);
        if (stack is null && file is null)
        {
            throw new UsageException("name a stack with --stack <name> (reads Pulumi.<name>.yaml) or a file with --config-file <path>");
        }

        if (stack is not null && file is not null)
        {
            throw new UsageException("use either --stack or --config-file, not both");
        }

        string path;
        if (file is not null)
        {
            path = file;
        }
        else
        {
            if (stack!.Length == 0 || stack.IndexOfAny(['/', '\\']) >= 0)
            {
                throw new UsageException($"--stack must be a stack name such as dev, got \"{stack}\"");
            }

            var root = FindProjectRoot(Directory.GetCurrentDirectory());
            path = Path.Combine(root ?? Directory.GetCurrentDirectory(), $"Pulumi.{stack}.yaml");
        }

        return (stack ?? Path.GetFileName(path), path);
    }

    /// <summary>Reads and parses one stack file; an <see cref="InputException"/> carries every problem.</summary>
    public static IReadOnlyDictionary<string, string?> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"stack file not found: {path}");
        }

        string text;
        try
        {
            text = BoundedFile.ReadText(path, InputLimits.MaxFileBytes)
                ?? throw new InputException($"{path}: {StackFile.TooLarge}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {path}: {e.Message}");
        }

        return ParseText(text, Path.GetFileName(path));
    }

    /// <summary>Parses stack file text; an <see cref="InputException"/> carries every problem.</summary>
    public static IReadOnlyDictionary<string, string?> ParseText(string text, string name)
    {
        var parsed = StackFile.Parse(text, name);
        if (!parsed.IsValid)
        {
            throw new InputException(string.Join(Environment.NewLine + "error: ", parsed.Errors.Select(e => e.ToString())));
        }

        return parsed.Values;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding Pulumi.yaml.</summary>
    public static string? FindProjectRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
