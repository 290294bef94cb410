using System.Buffers.Binary;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// A decision's id: a UUID version 7 (RFC 9562), whose first 48 bits are the decision's time in Unix milliseconds.
/// Ids made later sort later, and the id alone says when the decision was made, so a store finds it by time.
/// </summary>
public static class DecisionIds
{
    public static Guid New(DateTimeOffset decidedAt) => Guid.CreateVersion7(decidedAt);

    /// <summary>The time written into a version 7 id, to the millisecond.</summary>
    public static DateTimeOffset TimeOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
