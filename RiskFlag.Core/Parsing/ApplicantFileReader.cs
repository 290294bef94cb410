namespace RiskFlag.Core.Parsing;

/// <summary>Opens an applicant file by path and picks the CSV or JSON reader from its content.</summary>
public static class ApplicantFileReader
{
    /// <exception cref="InvalidApplicantFileException">Missing or unreadable as a whole; the message starts with the path.</exception>
    public static ApplicantReadResult Read(string path)
    {
        if (!File.Exists(path))
        {
            throw NotFound(path);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Read(stream);
        }
        catch (InvalidApplicantFileException e)
        {
            throw new InvalidApplicantFileException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The one wording of a missing input file, for every command.</summary>
    public static InvalidApplicantFileException NotFound(string path) => new($"{path}: file not found");

    public static ApplicantReadResult Read(Stream stream)
    {
        if (LooksLikeJson(stream))
        {
            var items = ApplicantJsonReader.Read(stream);
            return ApplicantReadResult.From(items, items.Any(i => i.Label is not null));
        }

        using var csv = new ApplicantCsvReader(stream);
        return ApplicantReadResult.From(csv.ReadAll(), csv.HasLabel);
    }

    /// <summary>Peeks at the first significant byte of a seekable stream: '[' or '{' means JSON.</summary>
    public static bool LooksLikeJson(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        var start = stream.Position;
        Span<byte> head = stackalloc byte[64];
        var read = stream.Read(head);
        stream.Position = start;
        foreach (var b in head[..read])
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b is (byte)'[' or (byte)'{';
        }

        return false;
    }
}
