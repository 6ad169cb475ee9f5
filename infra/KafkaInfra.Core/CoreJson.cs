using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KafkaInfra.Core;

/// <summary>
/// Source-generated JSON for the few values Core serializes with <see cref="JsonSerializer"/> (quoted strings and
/// string maps), so the published tool runs as Native AOT without reflection-based serialization.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class CoreJson : JsonSerializerContext
{
    /// <summary>Shows unicode as written (no \u escapes): for quoting received values in messages.</summary>
    public static CoreJson Display { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
