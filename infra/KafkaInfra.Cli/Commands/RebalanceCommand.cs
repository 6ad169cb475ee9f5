using System.CommandLine;
using System.Globalization;
using System.Text;
using KafkaInfra.Core;
using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// `rebalance`: plans a minimal-movement partition reassignment for broker scale-out or scale-in and writes a file
/// for `kafka-reassign-partitions --execute --reassignment-json-file`.
/// </summary>
internal static class RebalanceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var current = new Option<string>("--current")
        {
            Description = "Current assignment JSON ({\"version\":1,\"partitions\":[{\"topic\",\"partition\",\"replicas\"}]}; log_dirs is ignored).",
            Required = true,
        };
        var brokers = new Option<string>("--brokers")
        {
            Description = "Comma-separated ids of every broker: those that stay, new ones, and those listed in --remove. Every broker in --current must be listed.",
            Required = true,
        };
        var racks = new Option<string?>("--racks")
        {
            Description = "Rack of each broker that stays, e.g. 1:use1-az1,2:use1-az2. Replicas of a partition are then kept in distinct racks.",
        };
        var remove = new Option<string?>("--remove")
        {
            Description = "Comma-separated ids of brokers to drain (each must be in --brokers).",
        };
        var sizes = new Option<string?>("--sizes")
        {
            Description = "JSON of partition sizes in bytes for the bytes-moved estimate: {\"topic\": bytes-per-partition} or {\"topic\": {\"0\": bytes, ...}}.",
        };
        var output = new Option<string?>("--output")
        {
            Description = "Write the reassignment JSON here and the summary to stdout. Without it the JSON goes to stdout and the summary to stderr.",
        };
        var format = new Option<string>("--output-format")
        {
            Description = "Summary format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var replicationFactor = new Option<int?>("--replication-factor")
        {
            Description = "Raise every partition of --current with fewer replicas to this many (internal topics keep the RF they were created with when brokers are added); no other replica moves.",
        };

        var command = new Command("rebalance", "Plan a minimal-movement partition reassignment for adding or removing brokers.")
        {
            current, brokers, racks, remove, sizes, output, format, replicationFactor,
        };
        command.SetAction(parse => Run(
            new Arguments(
                parse.GetValue(current)!,
                parse.GetValue(brokers)!,
                parse.GetValue(racks),
                parse.GetValue(remove),
                parse.GetValue(sizes),
                parse.GetValue(output),
                parse.GetValue(format) ?? "text",
                parse.GetValue(replicationFactor)),
            stdout,
            stderr));
        return command;
    }

    private sealed record Arguments(string Current, string Brokers, string? Racks, string? Remove, string? Sizes, string? Output, string Format, int? ReplicationFactor = null);

    private static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var errors = new List<Diagnostic>();
        using var progress = TerminalProgress.For(stderr, IsLarge(args.Current));
        progress.Step("reading the current assignment");
        IReadOnlyList<PartitionReplicas>? assignment = null;
        if (Read(args.Current, "--current", errors, p => BoundedFile.ReadBytes(p, MaxInputBytes)) is { } currentJson)
        {
            assignment = Collect(ReassignmentJson.ParseAssignment(currentJson, args.Current), errors);
        }

        var brokerList = Collect(BrokerOptions.ParseBrokerList(args.Brokers, "--brokers"), errors);
        var removeList = args.Remove is null ? [] : Collect(BrokerOptions.ParseBrokerList(args.Remove, "--remove"), errors);
        var rackMap = args.Racks is null ? null : Collect(BrokerOptions.ParseRacks(args.Racks, "--racks"), errors);
        PartitionSizes? partitionSizes = null;
        if (args.Sizes is not null && Read(args.Sizes, "--sizes", errors, p => BoundedFile.ReadText(p, MaxInputBytes)) is { } sizesJson)
        {
            partitionSizes = Collect(PartitionSizes.Parse(sizesJson, args.Sizes), errors);
        }

        if (errors.Count > 0 || assignment is null || brokerList is null || removeList is null)
        {
            progress.Dispose();
            return Fail(errors, stderr);
        }

        var request = new ReassignmentRequest
        {
            Current = assignment,
            Brokers = brokerList,
            Remove = removeList,
            Racks = rackMap,
            Sizes = partitionSizes,
            CurrentSource = args.Current,
        };
        if (args.ReplicationFactor is { } rf)
        {
            progress.Dispose();
            return RaiseReplication(request, rf, args.Output, stdout, stderr);
        }

        InputResult<ReassignmentPlan> result;
        progress.Step(string.Create(CultureInfo.InvariantCulture, $"planning {assignment.Count:N0} partitions"));
        try
        {
            result = ReassignmentPlanner.Plan(request);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // A planner bug, not bad input; still no stack trace, and nothing written.
            progress.Dispose();
            stderr.WriteLine($"error: the planner failed on this input ({e.GetType().Name}: {e.Message}); nothing was written, please report it with the input files");
            return ExitCodes.InvalidInput;
        }

        if (result.Value is not { } plan)
        {
            progress.Dispose();
            return Fail(result.Errors, stderr);
        }

        progress.Step(string.Create(CultureInfo.InvariantCulture, $"writing {plan.Changes.Count:N0} changed partitions"));

        var summary = args.Format == "json" ? ReassignmentReport.ToJson(plan.Summary) : ReassignmentReport.ToText(plan.Summary);
        if (args.Output is null)
        {
            progress.Dispose();
            ReassignmentJson.WriteReassignment(plan.Changes, stdout);
            stderr.Write(summary);
            return ExitCodes.Ok;
        }

        try
        {
            using var file = new StreamWriter(args.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
            ReassignmentJson.WriteReassignment(plan.Changes, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            progress.Dispose();
            return Fail([new Diagnostic("--output", $"cannot write \"{args.Output}\": {e.Message}")], stderr);
        }

        progress.Dispose();
        stdout.Write(summary);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>--replication-factor</c>: adds replicas to the partitions below it (ReplicationIncrease), writes the reassignment
    /// like a rebalance does, and a short text summary.
    /// </summary>
    private static int RaiseReplication(ReassignmentRequest request, int rf, string? output, TextWriter stdout, TextWriter stderr)
    {
        var result = ReplicationIncrease.Plan(request, rf);
        if (result.Value is not { } plan)
        {
            return Fail(result.Errors, stderr);
        }

        if (output is null)
        {
            ReassignmentJson.WriteReassignment(plan.Changes, stdout);
            stderr.Write(plan.ToText());
            return ExitCodes.Ok;
        }

        try
        {
            using var file = new StreamWriter(output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            ReassignmentJson.WriteReassignment(plan.Changes, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail([new Diagnostic("--output", $"cannot write \"{output}\": {e.Message}")], stderr);
        }

        stdout.Write(plan.ToText());
        return ExitCodes.Ok;
    }

    /// <summary>From about 50,000 partitions (4 MB of assignment JSON) a rebalance shows progress on a terminal.</summary>
    private static bool IsLarge(string currentPath)
    {
        try
        {
            return new FileInfo(currentPath).Length >= 4_000_000;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // reported when the file is read
        }
    }

    private static T? Collect<T>(InputResult<T> result, List<Diagnostic> errors)
        where T : class
    {
        errors.AddRange(result.Errors);
        return result.Value;
    }

    /// <summary>
    /// The most an input file of <c>rebalance</c> may hold: 256 MiB, about five million partitions of assignment
    /// JSON (a million take about 50 MB), so a runaway or endless input (<c>/dev/zero</c>) is refused at once instead of
    /// filling memory.
    /// </summary>
    internal const int MaxInputBytes = 256 << 20;

    private static T? Read<T>(string path, string option, List<Diagnostic> errors, Func<string, T?> read)
        where T : class
    {
        try
        {
            var content = read(path);
            if (content is null)
            {
                errors.Add(new Diagnostic(option, string.Create(CultureInfo.InvariantCulture, $"\"{path}\" is larger than {MaxInputBytes / (1 << 20)} MiB, the most a rebalance input may be")));
            }

            return content;
        }
        catch (FileNotFoundException)
        {
            errors.Add(new Diagnostic(option, $"file not found: \"{path}\""));
        }
        catch (DirectoryNotFoundException)
        {
            errors.Add(new Diagnostic(option, $"file not found: \"{path}\""));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new Diagnostic(option, $"cannot read \"{path}\": {e.Message}"));
        }

        return null;
    }

    private static int Fail(IEnumerable<Diagnostic> errors, TextWriter stderr)
    {
        foreach (var error in errors)
        {
            stderr.WriteLine($"error: {error}");
        }

        return ExitCodes.InvalidInput;
    }
}
