using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// Writes plain trees (string-keyed dictionaries, lists, strings, numbers, booleans, null) as block YAML through
/// YamlDotNet's emitter, without its reflection-based serializer, so the published tool can run as Native AOT.
/// The output is the one that serializer gives with quoting of necessary strings and no aliases (a test compares the
/// two): strings that a YAML 1.2 reader would take as null, a boolean or a number, or that are blank or start with
/// white space, are double-quoted; other strings take the emitter's choice of style.
/// </summary>
internal static partial class YamlText
{
    // YAML 1.2 core schema (yaml.org/spec/1.2.2 §10.3.2): null, booleans, decimal/octal/hex integers, floats, ±.inf, .nan.
    [GeneratedRegex(
        @"^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|\s.*)$",
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

    private static void Scalar(Emitter emitter, string s)
    {
        var quote = s.Trim().Length == 0 || ReadAsNonString().IsMatch(s);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s, quote ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static void Plain(Emitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: true));
}
