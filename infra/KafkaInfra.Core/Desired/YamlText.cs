using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// Writes plain trees (string-keyed dictionaries, lists, strings, numbers, booleans, null) as block YAML through
/// YamlDotNet's emitter, without its reflection-based serializer, so the published tool can run as Native AOT.
/// The output is the one that serializer gives with YAML 1.1 quoting of necessary strings, <see cref="Yaml11Quoting"/>
/// and no aliases (a test compares the two): strings that a YAML 1.1 or 1.2 reader would take as anything but a string,
/// and blank ones, are double-quoted; other strings take the emitter's choice of style.
/// </summary>
internal static partial class YamlText
{
    // What the serializer quoted with quoteYaml1_1Strings (YamlDotNet's combined YAML 1.1 and 1.2 special strings: null,
    // booleans including y/n/yes/no/on/off, binary/octal/decimal/hex/sexagesimal integers with underscores, floats,
    // ±.inf, .nan); Yaml11Quoting adds the rest of the YAML 1.1 type repository.
    [GeneratedRegex(
        @"^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReadAsNonString();

    public static string Write(object? value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, value);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(Emitter emitter, object? value)
    {
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Any));
                foreach (var (key, item) in map)
                {
                    Scalar(emitter, key);
                    Emit(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case string s:
                Scalar(emitter, s);
                break;
            case System.Collections.IEnumerable list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Any));
                foreach (var item in list)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                Plain(emitter, "");
                break;
            case bool b:
                Plain(emitter, b ? "true" : "false");
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                Plain(emitter, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case double d:
                Plain(emitter, d.ToString("G", CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"YamlText cannot write a {value.GetType().Name}");
        }
    }

    /// <summary>Whether a string is written double-quoted: blank, or read back as anything but a string.</summary>
    internal static bool Quotes(string s) => s.Trim().Length == 0 || ReadAsNonString().IsMatch(s) || Yaml11Quoting.WouldRetype(s);

    private static void Scalar(Emitter emitter, string s) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s, Quotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));

    private static void Plain(Emitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));
}
