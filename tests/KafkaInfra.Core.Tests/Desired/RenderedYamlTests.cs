using System.Text;
using System.Text.RegularExpressions;
using KafkaInfra.Core.Desired;
using YamlDotNet.RepresentationModel;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>Issue 14 item 7: rendered YAML reads back with the same types under YAML 1.1 (kubectl, Argo CD, Flux).</summary>
public class RenderedYamlTests
{
    /// <summary>
    /// Every string a YAML 1.1 reader would retype, per the implicit resolvers of the YAML 1.1 type repository
    /// (yaml.org/type/bool.html, null.html, int.html, float.html, timestamp.html, merge.html, value.html), written
    /// here independently of the production quoting.
    /// </summary>
    private static readonly Regex[] Yaml11Resolvers =
    [
        new(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        new(@"^(~|null|Null|NULL|)$"),
        new(@"^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$"),
        new(@"^([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"),
        new(@"^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?(([ \t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?)$"),
        new(@"^(<<|=)$"),
        // YAML 1.2 core additions a 1.2 reader would retype.
        new(@"^([-+]?0o[0-7]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)$"),
    ];

    public static bool Yaml11WouldRetype(string plain) => Yaml11Resolvers.Any(r => r.IsMatch(plain));

    public static readonly string[] Tricky =
    [
        "no", "No", "NO", "yes", "Yes", "on", "ON", "off", "Off", "y", "Y", "n", "N", "true", "False", "TRUE",
        "~", "null", "Null", "", "1_000", "1:20", "190:20:30", "1:20.5", "0b101", "0x1F", "0o17", "017", "0777",
        "-12", "+3", "3.", ".5", "1.5e3", "1e3", "1_000.5", ".inf", "-.Inf", ".nan", ".NaN", "2001-12-14",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-1-1T1:00:00Z", "<<", "=",
        "orders", "vehicle.telemetry", "no-thanks", "1.2.3", "v1", "1:2:3:x", "nope",
    ];

    /// <summary>Each plain scalar of <paramref name="yaml"/> paired with whether its source was a string (by document order).</summary>
    public static IEnumerable<YamlScalarNode> Scalars(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>();
    }

    [Fact]
    public void Every_string_a_yaml_1_1_reader_would_retype_is_quoted_and_reads_back_as_written()
    {
        var tree = new Tree();
        var list = new List<object>();
        foreach (var (s, i) in Tricky.Select((s, i) => (s, i)))
        {
            tree[$"k{i}"] = s;
            list.Add(s);
        }

        tree["list"] = list;
        var labels = new Tree();
        foreach (var s in Tricky.Where(s => s.Length > 0))
        {
            labels[s] = "v";
        }

        tree["keys"] = labels;

        var yaml = ManifestWriter.ToYaml(tree);

        var plain = Scalars(yaml).Where(n => n.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any).Select(n => n.Value!).ToList();
        Assert.All(plain, v => Assert.False(Yaml11WouldRetype(v), $"'{v}' is left plain and a YAML 1.1 reader retypes it"));
        var values = Scalars(yaml).Select(n => n.Value).ToHashSet();
        Assert.All(Tricky, s => Assert.Contains(s, values));
    }

    [Fact]
    public void Numbers_and_booleans_stay_plain_so_they_keep_their_type()
    {
        var yaml = ManifestWriter.ToYaml(new Tree { ["replicas"] = 3, ["ratio"] = 1.5, ["enabled"] = true, ["name"] = "3" });

        Assert.Equal("replicas: 3\nratio: 1.5\nenabled: true\nname: \"3\"\n", yaml);
    }

    [Fact]
    public void File_names_fit_255_bytes_and_stay_stable_and_distinct()
    {
        var topic = new string('t', 249);
        var longName = $"02-kafkatopic-kafka-{topic}.yaml";
        var safe = ManifestWriter.SafeFileName(longName);

        Assert.True(Encoding.UTF8.GetByteCount(safe) <= 255, safe);
        Assert.EndsWith(".yaml", safe, StringComparison.Ordinal);
        Assert.StartsWith("02-kafkatopic-kafka-ttt", safe, StringComparison.Ordinal);
        Assert.Equal(safe, ManifestWriter.SafeFileName(longName));
        Assert.NotEqual(safe, ManifestWriter.SafeFileName(longName[..^6] + "u.yaml"));
        Assert.Equal("01-kafka-kafka-events.yaml", ManifestWriter.SafeFileName("01-kafka-kafka-events.yaml"));
        Assert.DoesNotContain('/', ManifestWriter.SafeFileName("cloud-001-a/../../b.json"));
        Assert.False(ManifestWriter.SafeFileName("..json").StartsWith('.'));
    }
}
