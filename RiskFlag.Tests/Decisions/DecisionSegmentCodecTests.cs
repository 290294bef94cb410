using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

public sealed class DecisionSegmentCodecTests
{
    [Fact]
    public void Decoding_the_matching_records_gives_exactly_the_full_decode_of_those_records()
    {
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        // Texts past 127 bytes (two-byte lengths) and outside ASCII, so every field's length is stepped over as written.
        var records = Enumerable.Range(0, 300).Select(i =>
        {
            var id = DecisionIds.New(start.AddSeconds(i));
            return new DecisionRecord(
                DecisionIds.TimeOf(id), i % 3 == 0 ? "batch" : "api", $"v{i % 4}", $"req-{i}-{new string('x', i)}",
                new Applicant(100_000 + i, 20 + (i % 60), i % 20, MaritalStatus.Single, HouseOwnership.Rented, i % 2 == 0, "Chef", i % 5 == 0 ? "Bhubaneswar" : "Rewa", "Odisha", i % 14, 10 + (i % 5)),
                i / 300.0, 0.5, i % 7 == 0, $"City Rewa: +0.{i:D2}; Âge {i}: −0.1{new string('é', i % 90)}", id, i % 2 == 0 ? $"applicant-{i}" : string.Empty);
        }).ToList();
        var payload = DecisionSegmentCodec.Encode(records);
        var wanted = records.Where((_, i) => i % 37 == 0 || i == 299).Select(r => r.DecisionId).ToHashSet();

        var found = DecisionSegmentCodec.DecodeMatching(payload, records.Count, DecisionSegmentCodec.Format, wanted).ToList();

        var expected = DecisionSegmentCodec.Decode(payload, records.Count).Where(r => wanted.Contains(r.DecisionId)).ToList();
        Assert.Equal(wanted.Count, found.Count);
        Assert.Equal(expected, found);
        Assert.Empty(DecisionSegmentCodec.DecodeMatching(payload, records.Count, DecisionSegmentCodec.Format, new HashSet<Guid> { Guid.CreateVersion7() }));
    }

    [Fact]
    public void Decoding_the_records_about_some_applicants_matches_their_ids_exactly_short_or_long()
    {
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var longId = new string('Ω', 400);
        string[] applicantIds = ["a-1", "a-2", "", "Zoë-7", longId, "a-1"];
        var records = applicantIds.Select((applicant, i) =>
        {
            var id = DecisionIds.New(start.AddSeconds(i));
            return new DecisionRecord(
                DecisionIds.TimeOf(id), "api", "v1", $"req-{i}",
                new Applicant(100_000, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Rewa", "Madhya_Pradesh", 3, 11),
                0.2, 0.5, false, "City Rewa: +0.1", id, applicant);
        }).ToList();
        var payload = DecisionSegmentCodec.Encode(records);

        var found = DecisionSegmentCodec.DecodeAbout(payload, records.Count, DecisionSegmentCodec.Format, new HashSet<string>(["a-1", "Zoë-7", longId, "A-2", ""], StringComparer.Ordinal), "shadow").ToList();

        Assert.Equal([0, 3, 4, 5], found.Select(r => records.IndexOf(r)));
    }

    [Fact]
    public void Segments_written_before_instances_are_read_with_the_instance_empty_and_new_ones_keep_it()
    {
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 5).Select(i =>
        {
            var id = DecisionIds.New(start.AddSeconds(i));
            return new DecisionRecord(
                DecisionIds.TimeOf(id), "api", "v1", $"req-{i}",
                new Applicant(100_000 + i, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Rewa", "Madhya_Pradesh", 3, 11),
                0.2, 0.5, false, "City Rewa: +0.1", id, $"a-{i}", "site-b:8080");
        }).ToList();

        var formatTwo = EarlierSegmentFormats.Write(records, format: 2);
        var current = DecisionSegmentCodec.Encode(records);

        Assert.Equal(records.Select(r => r with { Instance = string.Empty }), DecisionSegmentCodec.Decode(formatTwo, records.Count, 2));
        Assert.Equal(records[3] with { Instance = string.Empty }, Assert.Single(DecisionSegmentCodec.DecodeMatching(formatTwo, records.Count, 2, new HashSet<Guid> { records[3].DecisionId })));
        Assert.Equal(records[4] with { Instance = string.Empty }, Assert.Single(DecisionSegmentCodec.DecodeAbout(formatTwo, records.Count, 2, new HashSet<string>(["a-4"], StringComparer.Ordinal), "shadow")));
        Assert.Equal(records, DecisionSegmentCodec.Decode(current, records.Count));
        Assert.Equal(records[4], Assert.Single(DecisionSegmentCodec.DecodeAbout(current, records.Count, DecisionSegmentCodec.Format, new HashSet<string>(["a-4"], StringComparer.Ordinal), "shadow")));
    }
}
