namespace RiskFlag.Core.IO;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so readers (and file watchers) never see a
/// partial file. The sibling is in the same directory so the rename stays on one file system.
/// </summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                if (stream.CanWrite)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// True for the sibling a write in progress uses. Readers that enumerate a folder skip it: it may
    /// still be locked by its writer or be gone by the time it is opened.
    /// </summary>
    public static bool IsTemporary(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') && name.EndsWith(TemporarySuffix, StringComparison.Ordinal);
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });
}
