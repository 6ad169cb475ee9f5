using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KafkaInfra.Core;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;

namespace KafkaInfra.Benchmarks;

/// <summary>
/// Mutation fuzzing of stack files through the path the CLI takes (parse, load and validate, plan, build the desired
/// state, write every manifest, print the report). Seeds are the repository's stacks and every stack under
/// <c>examples/</c>; mutations change types, numbers, names, nesting, anchors and documents. A case passes when it is
/// accepted, or rejected with every error naming a config key or a file position; it fails on any exception.
/// Used by the CI property test (Core tests compile this file in) and by <c>KafkaInfra.Benchmarks fuzz N</c>.
/// </summary>
internal static partial class StackFuzz
{
    public enum Verdict
    {
        Accepted,
        Rejected,
        Unexpected,
        Unnamed,
    }

    public sealed record Outcome(Verdict Verdict, string Detail);

    [GeneratedRegex(@"^(?<indent>\s*)(?<dash>- )?(?<key>[^:#\s][^:#]*):(?<rest>[ \t].*|)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^(Pulumi\.fuzz\.yaml(:[0-9]+:[0-9]+|: config)?|kafka-infra:.+|aws:region.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPath();

    private static readonly string[] Scalars =
    [
        "0", "-1", "1", "3", "2147483648", "9223372036854775808", "99999999999999999999999", "1e6", "12.0", "-0.5", ".5",
        "1_000", "0x10", "0o17", "0b101", "1:20", ".inf", "-.inf", ".nan", "\"3\"", "'12'", "true", "false", "yes", "no",
        "on", "off", "~", "null", "\"\"", "''", "[]", "{}", "[1, x]", "{a: 1}", "[[[]]]", "{secure: AAAB}", "2001-12-14",
        "x", "orders", "vehicle.telemetry", "UPPER", "a/b", "../x", "a b", "télémétrie", "\"\\u0000\"", "\"\\t\"",
        new string('t', 249), new string('t', 250), new string('n', 64), "-", "--", "\"#\"", "|\n  block", ">-\n  folded",
    ];

    private static readonly string[] Keys =
    [
        "name", "brokers", "storageGiB", "environment", "kafka-infra:topics", "kafka-infra:cluster", "topics", "topic",
        "kafka-infra:bogus", "kafka-infa:topics", "secure", "<<", "? [a]", "&a name", "*a", "messagesPerSecond", "config",
    ];

    /// <summary>The seed stacks: Pulumi.*.yaml at the repository root and under examples/, as (name, text).</summary>
    public static IReadOnlyList<(string Name, string Text)> Seeds()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "KafkaInfra.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("KafkaInfra.sln not found above " + AppContext.BaseDirectory);
        }

        return root.GetFiles("Pulumi.*.yaml")
            .Concat(new DirectoryInfo(Path.Combine(root.FullName, "examples")).GetFiles("Pulumi.*.yaml", SearchOption.AllDirectories))
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(root.FullName, f.FullName), File.ReadAllText(f.FullName)))
            .ToList();
    }

    /// <summary>One to four mutations of <paramref name="text"/>, chosen by <paramref name="rng"/> (deterministic per seed).</summary>
    public static string Mutate(string text, Random rng)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var count = rng.Next(1, 5);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = rng.Next(lines.Count);
            var m = KeyLine().Match(lines[at]);
            var prefix = m.Success ? m.Groups["indent"].Value + m.Groups["dash"].Value + m.Groups["key"].Value + ":" : "";
            switch (rng.Next(12))
            {
                case 0 or 1 or 2 when m.Success: // types and numbers
                    lines[at] = prefix + " " + Scalars[rng.Next(Scalars.Length)];
                    break;
                case 3 when m.Success: // names
                    lines[at] = m.Groups["indent"].Value + m.Groups["dash"].Value + Keys[rng.Next(Keys.Length)] + ":" + m.Groups["rest"].Value;
                    break;
                case 4 when m.Success: // nesting
                    var depth = rng.Next(10) == 0 ? rng.Next(30, 2_000) : rng.Next(1, 6);
                    var inner = m.Groups["rest"].Value.Trim();
                    lines[at] = prefix + " " + new string('[', depth) + (inner.Length == 0 ? "" : inner) + new string(']', depth);
                    break;
                case 5 when m.Success: // anchors and aliases
                    var name = "a" + rng.Next(3).ToString(CultureInfo.InvariantCulture);
                    lines[at] = rng.Next(3) switch
                    {
                        0 => prefix + " &" + name + m.Groups["rest"].Value,
                        1 => prefix + " *" + name,
                        _ => prefix + " &" + name + " [*" + name + ", *" + name + "]",
                    };
                    break;
                case 6: // documents and directives
                    lines.Insert(at, new[] { "---", "...", "%YAML 1.1", "--- !!map", "# comment", "\t", "config:" }[rng.Next(7)]);
                    break;
                case 7: // delete a line
                    lines.RemoveAt(at);
                    break;
                case 8: // duplicate a line (duplicate keys, repeated list items)
                    lines.Insert(at, lines[at]);
                    break;
                case 9: // indentation
                    lines[at] = rng.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                    break;
                case 10: // truncate the file mid-line
                    var cut = rng.Next(lines[at].Length + 1);
                    lines[at] = lines[at][..cut];
                    lines.RemoveRange(at + 1, lines.Count - at - 1);
                    break;
                case 11: // an alias bomb under a key kafka-infra reads or ignores
                    var key = rng.Next(2) == 0 ? "kafka-infra:topicDefaults" : "other:bomb";
                    lines.Insert(Math.Min(at, lines.Count), "  " + key + ":");
                    var bomb = new StringBuilder("    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
                    for (var level = 1; level < 9; level++)
                    {
                        bomb.Append("\n    l").Append(level).Append(": &l").Append(level).Append(" [")
                            .AppendJoin(", ", Enumerable.Repeat("*l" + (level - 1), 9)).Append(']');
                    }

                    lines.Insert(Math.Min(at + 1, lines.Count), bomb.ToString());
                    break;
                default: // a mutation that needed a key line found none: change one character instead
                    if (lines[at].Length > 0)
                    {
                        var c = rng.Next(lines[at].Length);
                        const string specials = "{}[]:-&*!|>'\"%@`#,? ";
                        lines[at] = lines[at][..c] + specials[rng.Next(specials.Length)] + lines[at][(c + 1)..];
                    }

                    break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Runs one stack file text through the CLI's path; never throws.</summary>
    public static Outcome Check(string text)
    {
        try
        {
            var parsed = StackFile.Parse(text, "Pulumi.fuzz.yaml");
            if (!parsed.IsValid)
            {
                return Judge(parsed.Errors);
            }

            var result = CapacityPlanner.Plan(parsed.Values);
            _ = PlanReport.Text(result, "fuzz");
            if (!result.IsValid)
            {
                // A key the loader refuses outside the kafka-infra namespace (no namespace, a misspelled one) is named by
                // its own path, one of the file's config keys.
                return Judge(result.Errors, parsed.Values.Keys);
            }

            var state = DesiredStateBuilder.Build(result.Plan!);
            var files = ManifestWriter.Files(state);
            _ = ManifestWriter.Index(state, files.Select(f => f.Name).ToList());
            return new Outcome(Verdict.Accepted, string.Create(CultureInfo.InvariantCulture, $"{files.Count} files"));
        }
        catch (Exception e)
        {
            return new Outcome(Verdict.Unexpected, e.GetType().Name + ": " + e.Message + Environment.NewLine + e.StackTrace);
        }
    }

    private static Outcome Judge(IReadOnlyList<Diagnostic> errors, IEnumerable<string>? configKeys = null)
    {
        var keys = (configKeys ?? []).ToHashSet(StringComparer.Ordinal);
        var unnamed = errors.FirstOrDefault(e => !NamedPath().IsMatch(e.Path) && !keys.Contains(e.Path));
        return unnamed is null
            ? new Outcome(Verdict.Rejected, errors[0].ToString())
            : new Outcome(Verdict.Unnamed, unnamed.ToString());
    }

    /// <summary><c>fuzz [count] [seed]</c>: runs <c>count</c> cases (100,000 by default) and prints the counts per verdict.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 14;
        var seeds = Seeds();
        var rng = new Random(seed);
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);
        var slowest = TimeSpan.Zero;
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (name, text) = seeds[rng.Next(seeds.Count)];
            var mutated = Mutate(text, rng);
            var one = Stopwatch.StartNew();
            var outcome = Check(mutated);
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            counts[outcome.Verdict]++;
            if (outcome.Verdict is Verdict.Unexpected or Verdict.Unnamed && failures.Count < 5)
            {
                failures.Add($"case {i} from {name}: {outcome.Verdict}: {outcome.Detail}\n--- input ---\n{mutated}\n---");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {count:N0} cases from {seeds.Count} seed stacks (random seed {seed}) in {watch.Elapsed.TotalSeconds:N1} s, slowest case {slowest.TotalMilliseconds:N0} ms"));
        foreach (var (verdict, n) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {verdict,-10} {n,9:N0}"));
        }

        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        return counts[Verdict.Unexpected] + counts[Verdict.Unnamed] == 0 ? 0 : 1;
    }
}
