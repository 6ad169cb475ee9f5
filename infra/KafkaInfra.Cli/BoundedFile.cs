using System.Text;

namespace KafkaInfra.Cli;

/// <summary>Reads a text file without trusting its size: stops after a limit, so <c>/dev/zero</c> or a huge file costs bounded memory.</summary>
internal static class BoundedFile
{
    /// <summary>The bytes of a file of at most <paramref name="maxBytes"/> bytes; null when it is longer (read no further).</summary>
    public static byte[]? ReadBytes(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(maxBytes + 1, 1 << 16)];
        using var content = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - content.Length))) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > maxBytes)
            {
                return null;
            }
        }

        return content.ToArray();
    }

    /// <summary>
    /// The text of <paramref name="path"/> (UTF-8 unless a byte-order mark says otherwise), or null when it holds more
    /// than <paramref name="maxBytes"/> bytes; at most <paramref name="maxBytes"/> + 1 bytes are ever read.
    /// </summary>
    public static string? ReadText(string path, int maxBytes)
    {
        if (ReadBytes(path, maxBytes) is not { } bytes)
        {
            return null;
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
