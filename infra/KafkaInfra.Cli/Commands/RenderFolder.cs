using System.Globalization;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Cli.Commands;

/// <summary>
/// Replaces the contents of a render folder as one step. The new files are written into a temporary sibling folder,
/// which is then renamed into place (the previous folder renamed aside first, and deleted last), so a failure at any
/// point leaves the previous render as it was. Creating a file is the expensive part on many disks (an inode each, far
/// more than the bytes), so files whose content did not change are not written again: the temporary folder gets a
/// hard link to the previous file (same inode, no copy), and when nothing changed at all the folder is left as it is
/// (see <see cref="RenderFiles"/>). Only files kafka-infra wrote are ever deleted: those listed in an
/// index whose first line is <see cref="ManifestWriter.IndexHeader"/>, and only when they are plain files (a symbolic
/// link, even one listed, is not followed or removed). A folder holding anything else is refused unless
/// <c>force</c> is set; then those entries are kept, moved into the new folder as they are.
/// </summary>
internal static class RenderFolder
{
    public const string IndexFileName = "index.txt";

    public static void Replace(string directory, IReadOnlyList<(string Name, string Content)> files, string index, bool force, TerminalProgress? progress = null)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException($"--output-dir must name a folder, got \"{directory}\"");
        }

        try
        {
            ReplaceCore(directory, files, index, force, progress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Reading the folder, creating its parent, or removing the previous render after the swap failed.
            throw new InputException($"cannot render into {directory}: {e.Message}");
        }
    }

    private static void ReplaceCore(string directory, IReadOnlyList<(string Name, string Content)> files, string index, bool force, TerminalProgress? progress)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(target);
        if (parent is null)
        {
            throw new UsageException($"--output-dir {directory} is the root of the file system; name a folder inside it");
        }

        var (own, foreign) = Inspect(target, directory);
        var clash = foreign.Count == 0 ? null : foreign.Intersect(files.Select(f => f.Name).Append(IndexFileName), StringComparer.Ordinal).FirstOrDefault();
        if (foreign.Count > 0 && (!force || clash is not null))
        {
            var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {foreign.Count - 5} more") : "");
            throw new UsageException(clash is not null
                ? $"--output-dir {directory} holds {clash}, which kafka-infra did not write and a render would replace; move it away or name another folder"
                : $"--output-dir {directory} holds files kafka-infra did not write ({shown}); name a new or empty folder, or pass --force to render beside them (they are kept)");
        }

        var unchanged = RenderFiles.Unchanged(target, own, files, progress);
        if (unchanged.Count == files.Count && own.Count == files.Count + 1 && RenderFiles.SameText(Path.Combine(target, IndexFileName), index))
        {
            // Every file, the index and the set of names are as this render would write them: the folder already is it.
            return;
        }

        Directory.CreateDirectory(parent);
        var stamp = Guid.NewGuid().ToString("N")[..12];
        var fresh = Path.Combine(parent, $".{Path.GetFileName(target)}.kafka-infra-new-{stamp}");
        var previous = Path.Combine(parent, $".{Path.GetFileName(target)}.kafka-infra-old-{stamp}");
        var moved = new List<string>();
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(fresh);
            var encoder = new RenderFiles.Encoder();
            for (var i = 0; i < files.Count; i++)
            {
                var (name, content) = files[i];
                var path = Path.Combine(fresh, name);
                if (!unchanged.Contains(name) || !RenderFiles.TryHardLink(Path.Combine(target, name), path))
                {
                    File.WriteAllBytes(path, encoder.Encode(content));
                }

                written.Add(name);
                if (i % 1000 == 999)
                {
                    progress?.Step(string.Create(CultureInfo.InvariantCulture, $"writing {i + 1:N0} of {files.Count:N0} files"));
                }
            }

            File.WriteAllText(Path.Combine(fresh, IndexFileName), index);
            written.Add(IndexFileName);
            foreach (var name in foreign)
            {
                Move(Path.Combine(target, name), Path.Combine(fresh, name));
                moved.Add(name);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, previous);
                try
                {
                    Directory.Move(fresh, target);
                }
                catch
                {
                    Directory.Move(previous, target);
                    throw;
                }
            }
            else
            {
                Directory.Move(fresh, target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Undo(fresh, target, moved, written);
            throw new InputException($"cannot write to {directory}: {e.Message} (the previous contents of the folder are unchanged)");
        }

        // The new render is in place; what remains of the previous one is only its own plain files.
        if (Directory.Exists(previous))
        {
            foreach (var name in own)
            {
                File.Delete(Path.Combine(previous, name));
            }

            Directory.Delete(previous);
        }
    }

    /// <summary>The entries of an existing render folder: plain files its kafka-infra index lists (and the index), and everything else.</summary>
    private static (List<string> Own, List<string> Foreign) Inspect(string target, string shownAs)
    {
        var own = new List<string>();
        var foreign = new List<string>();
        var info = new DirectoryInfo(target);
        if (info.LinkTarget is not null)
        {
            throw new UsageException($"--output-dir {shownAs} is a symbolic link; name the folder it points to ({info.LinkTarget})");
        }

        if (File.Exists(target))
        {
            throw new UsageException($"--output-dir {shownAs} is a file, not a folder");
        }

        if (!info.Exists)
        {
            return (own, foreign);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        var index = new FileInfo(Path.Combine(target, IndexFileName));
        if (index.Exists && index.LinkTarget is null && index.Length <= Core.Config.InputLimits.MaxFileBytes)
        {
            var lines = File.ReadAllLines(index.FullName);
            if (lines.Length > 0 && lines[0].StartsWith(ManifestWriter.IndexHeader, StringComparison.Ordinal))
            {
                listed.Add(IndexFileName);
                listed.UnionWith(lines.Where(l => l.Length > 0 && !l.StartsWith('#') && Path.GetFileName(l) == l));
            }
        }

        foreach (var entry in info.EnumerateFileSystemInfos())
        {
            var isOwn = listed.Contains(entry.Name) && entry is FileInfo && entry.LinkTarget is null;
            (isOwn ? own : foreign).Add(entry.Name);
        }

        own.Sort(StringComparer.Ordinal);
        foreign.Sort(StringComparer.Ordinal);
        return (own, foreign);
    }

    private static void Move(string from, string to)
    {
        // rename(2) either way: a symbolic link is moved as the link, never followed.
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    /// <summary>Puts kept entries back and removes the half-built new folder (only what this run wrote there).</summary>
    private static void Undo(string fresh, string target, List<string> moved, IEnumerable<string> written)
    {
        try
        {
            foreach (var name in moved)
            {
                Move(Path.Combine(fresh, name), Path.Combine(target, name));
            }

            if (Directory.Exists(fresh))
            {
                foreach (var name in written)
                {
                    File.Delete(Path.Combine(fresh, name));
                }

                Directory.Delete(fresh);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the previous folder itself was never touched; a leftover hidden folder is harmless.
        }
    }
}
