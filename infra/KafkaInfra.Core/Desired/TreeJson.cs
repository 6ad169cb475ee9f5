using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KafkaInfra.Core.Desired;

/// <summary>
/// A <see cref="Tree"/> as compact JSON text, for inputs that take a JSON document as a string (IAM policy
/// documents). References are written as the string the <c>resolve</c> function gives for them, so the Pulumi
/// program can resolve every reference first (<see cref="Refs"/>) and then write the text.
/// </summary>
public static class TreeJson
{
    /// <summary>Every distinct reference in the tree, in the order first met.</summary>
    public static IReadOnlyList<ResourceRef> Refs(object value)
    {
        var found = new List<ResourceRef>();
        Collect(value, found);
        return found;
    }

    /// <summary>The tree (or list or scalar) as JSON, with each reference replaced by <paramref name="resolve"/>'s string.</summary>
    public static string Serialize(object value, Func<ResourceRef, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value, resolve);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Collect(object value, List<ResourceRef> found)
    {
        switch (value)
        {
            case ResourceRef r:
                if (!found.Contains(r))
                {
                    found.Add(r);
                }

                break;
            case Tree t:
                foreach (var (_, v) in t)
                {
                    Collect(v, found);
                }

                break;
            case IReadOnlyList<object> list:
                foreach (var item in list)
                {
                    Collect(item, found);
                }

                break;
        }
    }

    private static void Write(Utf8JsonWriter writer, object value, Func<ResourceRef, string> resolve)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case ResourceRef r:
                writer.WriteStringValue(resolve(r));
                break;
            case Tree t:
                writer.WriteStartObject();
                foreach (var (k, v) in t)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v, resolve);
                }

                writer.WriteEndObject();
                break;
            case IReadOnlyList<object> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, resolve);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} as JSON", nameof(value));
        }
    }
}
