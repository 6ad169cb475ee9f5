using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KafkaInfra.Core.Reports;

/// <summary>
/// Writes the JSON reports (<c>plan</c>, <c>diff</c> with <c>--output json</c>) straight to their output with a
/// <see cref="Utf8JsonWriter"/>, indented, in chunks. A plan of 10,000 topics is several megabytes of JSON: building it
/// as a <c>JsonNode</c> tree and then one string cost a third of the whole process's time, most of it in the garbage
/// collector (issue 15, measured with perf on the published binary).
/// </summary>
internal static class JsonReport
{
    private const int ChunkBytes = 32 * 1024;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the JSON <paramref name="body"/> produces to <paramref name="output"/>, without a trailing new line.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var sink = new TextWriterSink(output);
        using (var writer = new Utf8JsonWriter(sink, Options))
        {
            body(writer);
            writer.Flush();
        }

        sink.Complete();
    }

    /// <summary>The JSON <paramref name="body"/> produces, as one string.</summary>
    public static string ToText(Action<Utf8JsonWriter> body)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(text, body);
        return text.ToString();
    }

    /// <summary>Hands what is pending to the output once it passes a chunk, so the buffer never grows with the report.</summary>
    public static void Chunk(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > ChunkBytes)
        {
            writer.Flush();
        }
    }

    /// <summary>An array named <paramref name="name"/> of one object per item, whose properties <paramref name="body"/> writes.</summary>
    public static void Objects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> body)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            body(writer, item);
            writer.WriteEndObject();
            Chunk(writer);
        }

        writer.WriteEndArray();
    }

    /// <summary>An array of <c>{ "path", "message" }</c> objects named <paramref name="name"/>.</summary>
    public static void Diagnostics(Utf8JsonWriter writer, string name, IEnumerable<Diagnostic> items) =>
        Objects(writer, name, items, static (w, d) =>
        {
            w.WriteString("path", d.Path);
            w.WriteString("message", d.Message);
        });

    /// <summary>A number, or null when there is none.</summary>
    public static void NumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A number, or null when there is none.</summary>
    public static void NumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A string property, or null when there is none.</summary>
    public static void StringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A write-only stream that decodes the UTF-8 it receives onto a <see cref="TextWriter"/>.</summary>
    private sealed class TextWriterSink(TextWriter output) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(false, true).GetDecoder();
        private char[] chars = new char[ChunkBytes];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = decoder.GetCharCount(buffer, flush: false);
            if (needed > chars.Length)
            {
                chars = new char[needed];
            }

            var written = decoder.GetChars(buffer, chars, flush: false);
            output.Write(chars, 0, written);
        }

        /// <summary>Ends the UTF-8 sequence (a report always ends on a whole character).</summary>
        public void Complete()
        {
            var written = decoder.GetChars([], chars, flush: true);
            output.Write(chars, 0, written);
        }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
