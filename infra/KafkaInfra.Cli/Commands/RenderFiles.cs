using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// The file-level work of <see cref="RenderFolder"/>: which rendered files are already on disk byte for byte, and
/// carrying such a file into the new folder by a hard link instead of writing it again. A render writes UTF-8 without
/// a byte-order mark, as <see cref="File.WriteAllText(string, string?)"/> does.
/// </summary>
internal static partial class RenderFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The names among <paramref name="files"/> whose file in <paramref name="folder"/> is one of the folder's own
    /// plain files (<paramref name="own"/>, see <see cref="RenderFolder"/>) and holds exactly the rendered content.
    /// </summary>
    public static HashSet<string> Unchanged(string folder, IReadOnlyCollection<string> own, IReadOnlyList<(string Name, string Content)> files, TerminalProgress? progress)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (own.Count == 0)
        {
            return result;
        }

        var owned = own as ISet<string> ?? new HashSet<string>(own, StringComparer.Ordinal);
        var encoder = new Encoder();
        var buffer = new byte[64 * 1024];
        for (var i = 0; i < files.Count; i++)
        {
            var (name, content) = files[i];
            if (owned.Contains(name) && Holds(Path.Combine(folder, name), encoder.Encode(content), ref buffer))
            {
                result.Add(name);
            }

            if (i % 2000 == 1999)
            {
                progress?.Step(string.Create(CultureInfo.InvariantCulture, $"comparing {i + 1:N0} of {files.Count:N0} files with the previous render"));
            }
        }

        return result;
    }

    /// <summary>Whether the file at <paramref name="path"/> holds <paramref name="text"/> as a render writes it.</summary>
    /// <remarks>
    /// Compared in chunks of 64 KiB: the index of a large render is megabytes, and encoding it whole would put a large
    /// array on the large-object heap, whose first allocation collects the whole heap.
    /// </remarks>
    public static bool SameText(string path, string text)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
            if (RandomAccess.GetLength(handle) != Utf8.GetByteCount(text))
            {
                return false;
            }

            var encoder = Utf8.GetEncoder();
            var mine = new byte[16 * 1024];
            var theirs = new byte[mine.Length];
            var chars = text.AsSpan();
            long offset = 0;
            while (true)
            {
                encoder.Convert(chars, mine, flush: true, out var charsUsed, out var bytesUsed, out _);
                chars = chars[charsUsed..];
                var read = 0;
                int n;
                while (read < bytesUsed && (n = RandomAccess.Read(handle, theirs.AsSpan(read, bytesUsed - read), offset + read)) > 0)
                {
                    read += n;
                }

                if (read != bytesUsed || !mine.AsSpan(0, bytesUsed).SequenceEqual(theirs.AsSpan(0, read)))
                {
                    return false;
                }

                offset += bytesUsed;
                if (chars.IsEmpty)
                {
                    // Nothing may follow: a file that grew since its length was taken differs.
                    return RandomAccess.Read(handle, theirs.AsSpan(0, 1), offset) == 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes <paramref name="link"/> a second name of the file <paramref name="existing"/> (link(2)); false where the
    /// system or the file system has no hard links (Windows, some network and FAT file systems), and the caller writes
    /// the file instead.
    /// </summary>
    public static bool TryHardLink(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);

    private static bool Holds(string path, ReadOnlySpan<byte> expected, ref byte[] buffer)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
            if (RandomAccess.GetLength(handle) != expected.Length)
            {
                return false;
            }

            if (buffer.Length < expected.Length + 1)
            {
                buffer = new byte[Math.Max(expected.Length + 1, buffer.Length * 2)];
            }

            // Read one byte past the expected length, so a file that grew since its length was taken still differs.
            var read = 0;
            int n;
            while ((n = RandomAccess.Read(handle, buffer.AsSpan(read, expected.Length + 1 - read), read)) > 0)
            {
                read += n;
            }

            return read == expected.Length && buffer.AsSpan(0, read).SequenceEqual(expected);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>UTF-8 bytes of one rendered text at a time, into one reused buffer.</summary>
    internal sealed class Encoder
    {
        private byte[] bytes = new byte[64 * 1024];

        public ReadOnlySpan<byte> Encode(string text)
        {
            var needed = Utf8.GetMaxByteCount(text.Length);
            if (bytes.Length < needed)
            {
                bytes = new byte[Math.Max(needed, bytes.Length * 2)];
            }

            return bytes.AsSpan(0, Utf8.GetBytes(text, bytes));
        }
    }
}
