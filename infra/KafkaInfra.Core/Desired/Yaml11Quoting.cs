using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// Double-quotes every string a YAML 1.1 or 1.2 reader would read as something else. kubectl (sigs.k8s.io/yaml over
/// go-yaml), Argo CD and Flux resolve plain scalars with YAML 1.1 rules, so an unquoted consumer named <c>no</c>
/// becomes <c>false</c> and a topic named <c>1_000</c> the number 1000. The patterns are the implicit-resolution
/// regular expressions of the YAML 1.1 type repository (yaml.org/type: bool, null, int, float, timestamp, merge,
/// value), plus the YAML 1.2 core schema's <c>0o</c> octal.
/// </summary>
public static partial class Yaml11Quoting
{
    [GeneratedRegex("""
        ^(?:
          y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
        | ~|null|Null|NULL|
        | [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?0o[0-7]+
        | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        | [-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+]?[0-9]+)? | [-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)
        | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
        | [0-9]{4}-[0-9]{2}-[0-9]{2}
        | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*Z|[-+][0-9]{1,2}(?::[0-9]{2})?)?
        | <<|=
        )$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Retyped();

    /// <summary>Whether a plain (unquoted) <paramref name="value"/> would be read back as anything but this string.</summary>
    public static bool WouldRetype(string value) => Retyped().IsMatch(value);

    /// <summary>Adds the quoting to a serializer: use as <c>.WithEventEmitter(next =&gt; new Yaml11Quoting.Emitter(next))</c>.</summary>
    public sealed class Emitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string s && WouldRetype(s))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
