using System.Buffers;
using System.Buffers.Binary;
using System.Text;

using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// A batch of decisions as one compact binary value (a segment): the writer stores a whole batch with one insert
/// instead of one row per decision, which is what makes logging every decision cheap next to serving it.
/// Little-endian fixed-size numbers, strings as a 7-bit encoded UTF-8 length and bytes (as BinaryWriter writes
/// them). Times are kept to the millisecond, as the row store keeps them. Format 2 adds the decision id and the
/// applicant's Id after the reasons, format 3 the deciding instance after them; segments of formats 1 and 2 are still
/// read, with what they lack empty.
/// </summary>
public static class DecisionSegmentCodec
{
    /// <summary>The format this version writes.</summary>
    public const int Format = 3;

    private const int FormatWithoutIds = 1;

    private const int FormatWithoutInstance = 2;

    // UTF-8 never decodes to more characters than it has bytes.
    private const int MaxStackIdBytes = 256;

    // decided_at, income, probability, threshold (8 bytes each); 4 small ints (at most 5 bytes each); 4 flag bytes; the id.
    private const int FixedBytesPerRecord = (4 * 8) + (4 * 5) + 4 + 16;

    public static bool CanRead(int format) => format is FormatWithoutIds or FormatWithoutInstance or Format;

    /// <summary>
    /// Encodes into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (return it when done): a batch is often
    /// larger than the 85 kB at which a fresh array would land on the large-object heap and bring on full collections.
    /// </summary>
    public static byte[] EncodePooled(IReadOnlyList<DecisionRecord> records, out int length)
    {
        var size = 0;
        foreach (var record in records)
        {
            size += FixedBytesPerRecord + TextBytes(record.Channel) + TextBytes(record.ModelVersion) + TextBytes(record.RequestId)
                + TextBytes(record.Applicant.Profession) + TextBytes(record.Applicant.City) + TextBytes(record.Applicant.State)
                + TextBytes(record.TopFactors) + TextBytes(record.ApplicantId) + TextBytes(record.Instance);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var writer = new SpanWriter(buffer);
        foreach (var record in records)
        {
            Write(ref writer, record);
        }

        length = writer.Position;
        return buffer;
    }

    public static byte[] Encode(IReadOnlyList<DecisionRecord> records)
    {
        var buffer = EncodePooled(records, out var length);
        try
        {
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static IEnumerable<DecisionRecord> Decode(byte[] payload, int count, int format = Format)
    {
        if (!CanRead(format))
        {
            throw new InvalidDataException($"decision segment format {format} is not one this version reads ({FormatWithoutIds} to {Format})");
        }

        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        for (var i = 0; i < count; i++)
        {
            yield return Read(reader, format);
        }
    }

    /// <summary>
    /// The records whose decision id is wanted, decoding only those: the others are stepped over by their lengths,
    /// building nothing, so finding a few decisions in a segment costs a scan of its bytes. Format 1 has no ids.
    /// </summary>
    public static IEnumerable<DecisionRecord> DecodeMatching(byte[] payload, int count, int format, IReadOnlySet<Guid> wanted) =>
        DecodeWhere(payload, count, format, (id, _, _) => wanted.Contains(id));

    /// <summary>
    /// The records with a decision id about the wanted applicant Ids (ordinal), decoding only those, as
    /// <see cref="DecodeMatching"/>; the Ids are compared as decoded characters on the stack, not as new strings.
    /// </summary>
    /// <param name="excludedChannel">A channel whose decisions are left out (the shadow twins of decisions that are in).</param>
    public static IEnumerable<DecisionRecord> DecodeAbout(byte[] payload, int count, int format, HashSet<string> applicantIds, string excludedChannel)
    {
        var lookup = applicantIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var excluded = Encoding.UTF8.GetBytes(excludedChannel);
        return DecodeWhere(payload, count, format, (id, channel, applicantId) =>
        {
            // A decision without an id cannot take an outcome, so it is not one this applicant's outcome can name.
            if (applicantId.IsEmpty || id == Guid.Empty || channel.SequenceEqual(excluded))
            {
                return false;
            }

            // An Id can be as long as a client sent it: only short ones (nearly all) are decoded on the stack.
            if (applicantId.Length > MaxStackIdBytes)
            {
                return applicantIds.Contains(Encoding.UTF8.GetString(applicantId));
            }

            Span<char> chars = stackalloc char[MaxStackIdBytes];
            return lookup.Contains(chars[..Encoding.UTF8.GetChars(applicantId, chars)]);
        });
    }

    /// <param name="wanted">Given each record's decision id and the UTF-8 bytes of its channel and its applicant Id.</param>
    private static IEnumerable<DecisionRecord> DecodeWhere(byte[] payload, int count, int format, IdFilter wanted)
    {
        if (format == FormatWithoutIds)
        {
            return [];
        }

        if (!CanRead(format))
        {
            throw new InvalidDataException($"decision segment format {format} is not one this version reads ({FormatWithoutIds} to {Format})");
        }

        var starts = new List<int>();
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var start = position;
            var id = SkipToId(payload, ref position, out var channelAt, out var channelLength);
            var length = ReadInt(payload, ref position);
            if (wanted(id, payload.AsSpan(channelAt, channelLength), payload.AsSpan(position, length)))
            {
                starts.Add(start);
            }

            position += length;
            if (format >= Format)
            {
                SkipTexts(payload, ref position, 1);
            }
        }

        return Read(payload, starts, format);
    }

    private static IEnumerable<DecisionRecord> Read(byte[] payload, List<int> starts, int format)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        foreach (var start in starts)
        {
            reader.BaseStream.Position = start;
            yield return Read(reader, format);
        }
    }

    private delegate bool IdFilter(Guid decisionId, ReadOnlySpan<byte> channel, ReadOnlySpan<byte> applicantId);

    /// <summary>Steps over one record (as <see cref="Write"/> lays it out) up to its applicant Id, returning its decision id.</summary>
    private static Guid SkipToId(ReadOnlySpan<byte> payload, ref int position, out int channelAt, out int channelLength)
    {
        position += 8;
        channelLength = ReadInt(payload, ref position);
        channelAt = position;
        position += channelLength;
        SkipTexts(payload, ref position, 2);
        position += 8;
        SkipInts(payload, ref position, 2);
        position += 3;
        SkipTexts(payload, ref position, 3);
        SkipInts(payload, ref position, 2);
        position += 8 + 8 + 1;
        SkipTexts(payload, ref position, 1);
        var id = new Guid(payload.Slice(position, 16), bigEndian: true);
        position += 16;
        return id;
    }

    private static void SkipTexts(ReadOnlySpan<byte> payload, ref int position, int texts)
    {
        for (var i = 0; i < texts; i++)
        {
            var length = ReadInt(payload, ref position);
            position += length;
        }
    }

    private static void SkipInts(ReadOnlySpan<byte> payload, ref int position, int ints)
    {
        for (var i = 0; i < ints; i++)
        {
            ReadInt(payload, ref position);
        }
    }

    private static int ReadInt(ReadOnlySpan<byte> payload, ref int position)
    {
        var value = 0;
        var shift = 0;
        byte next;
        do
        {
            next = payload[position++];
            value |= (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0 && shift < 35);

        return value;
    }

    private static int TextBytes(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return 5 + Encoding.UTF8.GetByteCount(value);
    }

    private static void Write(ref SpanWriter writer, DecisionRecord record)
    {
        var a = record.Applicant;
        writer.Int64(record.DecidedAt.ToUnixTimeMilliseconds());
        writer.Text(record.Channel);
        writer.Text(record.ModelVersion);
        writer.Text(record.RequestId);
        writer.Double(a.Income);
        writer.Int(a.Age);
        writer.Int(a.Experience);
        writer.Byte((byte)a.MaritalStatus);
        writer.Byte((byte)a.HouseOwnership);
        writer.Byte(a.OwnsCar ? (byte)1 : (byte)0);
        writer.Text(a.Profession);
        writer.Text(a.City);
        writer.Text(a.State);
        writer.Int(a.CurrentJobYears);
        writer.Int(a.CurrentHouseYears);
        writer.Double(record.Probability);
        writer.Double(record.Threshold);
        writer.Byte(record.Flag ? (byte)1 : (byte)0);
        writer.Text(record.TopFactors);
        writer.Guid(record.DecisionId);
        writer.Text(record.ApplicantId);
        writer.Text(record.Instance);
    }

    private static DecisionRecord Read(BinaryReader reader, int format)
    {
        var decidedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
        var channel = reader.ReadString();
        var modelVersion = reader.ReadString();
        var requestId = reader.ReadString();
        var applicant = new Applicant(
            reader.ReadDouble(),
            reader.Read7BitEncodedInt(),
            reader.Read7BitEncodedInt(),
            Defined((MaritalStatus)reader.ReadByte()),
            Defined((HouseOwnership)reader.ReadByte()),
            reader.ReadBoolean(),
            reader.ReadString(),
            reader.ReadString(),
            reader.ReadString(),
            reader.Read7BitEncodedInt(),
            reader.Read7BitEncodedInt());
        var record = new DecisionRecord(
            decidedAt, channel, modelVersion, requestId, applicant, reader.ReadDouble(), reader.ReadDouble(), reader.ReadBoolean(), reader.ReadString());
        if (format == FormatWithoutIds)
        {
            return record;
        }

        record = record with { DecisionId = new Guid(reader.ReadBytes(16), bigEndian: true), ApplicantId = reader.ReadString() };
        return format == FormatWithoutInstance ? record : record with { Instance = reader.ReadString() };
    }

    // Only this codec writes segments, so an undefined code means a damaged file, not a new value to pass along.
    private static T Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InvalidDataException($"decision segment holds an unknown {typeof(T).Name} code {value}");

    /// <summary>Writes what <see cref="BinaryReader"/> reads back, into a buffer sized beforehand.</summary>
    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Position { get; private set; }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer[Position..], value);
            Position += 8;
        }

        public void Double(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer[Position..], value);
            Position += 8;
        }

        public void Byte(byte value) => _buffer[Position++] = value;

        /// <summary>Big-endian (RFC 9562 byte order), so the stored bytes of version 7 ids sort by time.</summary>
        public void Guid(Guid value)
        {
            value.TryWriteBytes(_buffer[Position..], bigEndian: true, out _);
            Position += 16;
        }

        /// <summary>7-bit encoded, as <see cref="BinaryWriter.Write7BitEncodedInt"/>.</summary>
        public void Int(int value)
        {
            var rest = (uint)value;
            while (rest >= 0x80)
            {
                _buffer[Position++] = (byte)(rest | 0x80);
                rest >>= 7;
            }

            _buffer[Position++] = (byte)rest;
        }

        public void Text(string value)
        {
            Int(Encoding.UTF8.GetByteCount(value));
            Position += Encoding.UTF8.GetBytes(value, _buffer[Position..]);
        }
    }
}
