using System.Buffers.Binary;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// A decision's id: a UUID version 7 (RFC 9562), whose first 48 bits are the decision's time in Unix milliseconds.
/// Ids made later sort later, and the id alone says when the decision was made, so a store finds it by time.
/// </summary>
public static class DecisionIds
{
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static Guid New(DateTimeOffset decidedAt) => Guid.CreateVersion7(decidedAt);

    /// <summary>Whether the id can be a decision's: version 7, with a time a calendar can hold.</summary>
    public static bool IsDecisionId(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return id.Version == 7 && (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16) <= MaxMilliseconds;
    }

    /// <summary>
    /// The id of the shadow decision a challenger made on the same applicant as the decision <paramref name="id"/>: the
    /// same time and version, its random part flipped by a fixed mask. The mapping is its own inverse, so an outcome
    /// posted for either decision finds the other without any link stored.
    /// </summary>
    public static Guid ShadowOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        // Bytes 9–15 are random bits only: the version (byte 6) and the variant (top of byte 8) stay as they are.
        for (var i = 9; i < 16; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The time written into a version 7 id, to the millisecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id's time is past the year 9999 (see <see cref="IsDecisionId"/>).</exception>
    public static DateTimeOffset TimeOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
