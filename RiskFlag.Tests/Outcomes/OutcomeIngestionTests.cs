using System.Globalization;
using System.Text;

using Microsoft.Data.Sqlite;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Tests.Outcomes;

/// <summary>
/// Outcomes files joined to a real decision log and recorded beside it, in the one SQLite file a site keeps: every
/// row is counted once, every rejected row listed, and posting a file again changes nothing.
/// </summary>
public sealed class OutcomeIngestionTests : IDisposable
{
    private const string Header = "decision_id,risk_flag,observed_at";

    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-ingestion-").FullName;
    private readonly ManualClock _clock = new();
    private readonly SqliteDecisionLogStore _decisions;
    private readonly SqliteOutcomeStore _outcomes;
    private readonly OutcomeIngestion _ingestion;

    public OutcomeIngestionTests()
    {
        var path = Path.Combine(_directory, "riskflag.db");
        _decisions = new SqliteDecisionLogStore(path);
        _outcomes = new SqliteOutcomeStore(path);
        _ingestion = new OutcomeIngestion(_decisions, _outcomes, _clock);
        _clock.Advance(TimeSpan.FromDays(400)); // 2027-02-05
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    public void Dispose()
    {
        _decisions.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_row_is_counted_once_and_every_rejected_one_is_listed_with_its_line_kind_and_field()
    {
        var logged = await LogAsync(Enumerable.Range(0, 6).Select(i => Now.AddDays(-60).AddMinutes(i)));
        var notLogged = DecisionIds.New(Now.AddDays(-60));
        var lines = new[]
        {
            $"{logged[0].DecisionId},1,{Iso(Now.AddDays(-1))}", // 2 matched
            $"{logged[1].DecisionId},0,", // 3 matched
            $"{logged[2].DecisionId},1,", // 4 matched
            $"{logged[1].DecisionId},0,", // 5 duplicate (earlier in the same file)
            $"{logged[2].DecisionId},0,", // 6 conflict
            $"{notLogged},1,", // 7 unknown
            "not-an-id,1,", // 8 bad
            $"{logged[3].DecisionId},2,", // 9 bad
            $"{logged[4].DecisionId},1,{Iso(logged[4].DecidedAt.AddDays(-1))}", // 10 bad: observed before the decision's day
            $"{logged[5].DecisionId},1,soon", // 11 bad
            "nope,maybe,never", // 12 bad, three errors
        };

        var report = await IngestAsync(Csv(lines));

        Assert.Equal((11, 3, 1, 1, 1, 5), (report.Read, report.Matched, report.Duplicate, report.Unknown, report.Conflict, report.Bad));
        Assert.Equal(report.Read, report.Matched + report.Duplicate + report.Unknown + report.Conflict + report.Bad);
        Assert.Equal(
            [
                (6, "conflict", "risk_flag"), (7, "unknown", "decision_id"), (8, "bad", "decision_id"), (9, "bad", "risk_flag"),
                (10, "bad", "observed_at"), (11, "bad", "observed_at"), (12, "bad", "decision_id"), (12, "bad", "risk_flag"), (12, "bad", "observed_at"),
            ],
            report.Rejected.Select(r => (r.Line, r.Kind, r.Field)));
        Assert.Contains("the recorded outcome stays", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains(notLogged.ToString(), report.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("before the day the decision", report.Rejected[4].Reason, StringComparison.Ordinal);

        var stored = await StoredAsync();
        Assert.Equal([logged[0].DecisionId, logged[1].DecisionId, logged[2].DecisionId], stored.Select(o => o.DecisionId));
        Assert.Equal([true, false, true], stored.Select(o => o.Defaulted));
    }

    [Fact]
    public async Task A_recorded_outcome_carries_its_decision_and_when_it_was_received()
    {
        var decision = (await LogAsync([Now.AddDays(-45)], probability: 0.73, version: "v7", channel: "batch"))[0];
        var observed = new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero);

        var report = await IngestAsync(Csv($"{decision.DecisionId},1,2027-01-31T12:00:00Z"));

        Assert.Equal(1, report.Matched);
        Assert.Empty(report.Rejected);
        Assert.Equal(
            new OutcomeRecord(decision.DecisionId, true, observed, Now, decision.DecidedAt, "v7", "batch", 0.73, decision.Threshold),
            Assert.Single(await StoredAsync()));
    }

    [Fact]
    public async Task Posting_the_same_file_again_finds_every_row_a_duplicate_and_changes_nothing()
    {
        var logged = await LogAsync(Enumerable.Range(0, 50).Select(i => Now.AddDays(-30).AddHours(i)));
        var file = Csv([.. logged.Select((d, i) => $"{d.DecisionId},{i % 3 % 2},{(i % 2 == 0 ? Iso(d.DecidedAt.AddDays(20)) : string.Empty)}")]);

        var first = await IngestAsync(file);
        var stored = await StoredAsync();
        _clock.Advance(TimeSpan.FromHours(5));
        var second = await IngestAsync(file);

        Assert.Equal((50, 50, 0), (first.Read, first.Matched, first.Duplicate));
        Assert.Equal((50, 0, 50, 0, 0, 0), (second.Read, second.Matched, second.Duplicate, second.Unknown, second.Conflict, second.Bad));
        Assert.Empty(second.Rejected);
        Assert.Equal(stored, await StoredAsync());
        Assert.All(stored, o => Assert.Equal(Now.AddHours(-5), o.RecordedAt));
    }

    [Fact]
    public async Task A_conflicting_outcome_is_reported_and_the_first_one_stays()
    {
        var decision = (await LogAsync([Now.AddDays(-10)]))[0];
        await IngestAsync(Csv($"{decision.DecisionId},1,{Iso(Now.AddDays(-2))}"));

        var report = await IngestAsync(Csv($"{decision.DecisionId},0,{Iso(Now.AddDays(-1))}"));

        Assert.Equal((1, 0, 0, 1), (report.Read, report.Matched, report.Duplicate, report.Conflict));
        var conflict = Assert.Single(report.Rejected);
        Assert.Equal((2, OutcomeRejection.ConflictKind, OutcomeColumns.RiskFlag), (conflict.Line, conflict.Kind, conflict.Field));
        Assert.Contains("is 0 but 1 is recorded", conflict.Reason, StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync());
        Assert.True(stored.Defaulted);
        Assert.Equal(Now.AddDays(-2), stored.ObservedAt);
    }

    [Fact]
    public async Task An_outcome_observed_before_its_decision_or_more_than_a_day_ahead_of_the_clock_is_bad()
    {
        var decisions = await LogAsync(Enumerable.Range(0, 6).Select(i => Now.AddDays(-5).AddMinutes(i)));
        var file = Csv(
            $"{decisions[0].DecisionId},1,{Iso(decisions[0].DecidedAt.UtcDateTime.Date.AddMilliseconds(-1))}",
            $"{decisions[1].DecisionId},1,{Iso(decisions[1].DecidedAt)}",
            $"{decisions[2].DecisionId},1,{Iso(Now.AddHours(23))}",
            $"{decisions[3].DecisionId},1,{Iso(Now + OutcomeIngestion.ClockTolerance)}",
            $"{decisions[4].DecisionId},1,{Iso(Now + OutcomeIngestion.ClockTolerance + TimeSpan.FromSeconds(1))}",
            $"{decisions[5].DecisionId},0,{Iso(Now.AddYears(3))}");

        var report = await IngestAsync(file);

        Assert.Equal((6, 3, 3), (report.Read, report.Matched, report.Bad));
        Assert.Equal([(2, "bad", "observed_at"), (6, "bad", "observed_at"), (7, "bad", "observed_at")], report.Rejected.Select(r => (r.Line, r.Kind, r.Field)));
        Assert.Contains("is before the day the decision was made", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("is in the future", report.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(decisions.Skip(1).Take(3).Select(d => d.DecisionId), (await StoredAsync()).Select(o => o.DecisionId));
    }

    [Fact]
    public async Task An_applicant_id_finds_its_decision_when_only_one_is_about_it()
    {
        var once = (await LogAsync([Now.AddDays(-9)], applicantId: "A-1"))[0];
        var twice = await LogAsync([Now.AddDays(-8), Now.AddDays(-7)], applicantId: "A-2");
        var other = (await LogAsync([Now.AddDays(-6)], applicantId: "A-3"))[0];
        var text = $"Id,risk_flag,observed_at\n A-1 ,1,{Iso(Now.AddDays(-1))}\nA-2,0,\nA-9,1,\n,1,\nA-3,0,\n";

        var report = await IngestAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal((5, 2, 2, 1), (report.Read, report.Matched, report.Unknown, report.Bad));
        Assert.Equal([(3, "unknown", "Id"), (4, "unknown", "Id"), (5, "bad", "decision_id")], report.Rejected.Select(r => (r.Line, r.Kind, r.Field)));
        Assert.Contains("is in more than one decision: give the decision_id", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'A-2'", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no decision in the log is about applicant Id 'A-9'", report.Rejected[1].Reason, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal([once.DecisionId, other.DecisionId], stored.Select(o => o.DecisionId));
        Assert.Equal([true, false], stored.Select(o => o.Defaulted));
        Assert.DoesNotContain(stored, o => twice.Any(d => d.DecisionId == o.DecisionId));
    }

    [Fact]
    public async Task An_applicant_id_and_a_decision_id_naming_the_same_decision_record_one_outcome()
    {
        var decision = (await LogAsync([Now.AddDays(-9)], applicantId: "A-1"))[0];
        var json = $$"""[{"decision_id": "{{decision.DecisionId}}", "risk_flag": true}, {"Id": "A-1", "risk_flag": 1}, {"Id": "A-1", "risk_flag": 0}]""";

        var report = await IngestAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal((3, 1, 1, 1), (report.Read, report.Matched, report.Duplicate, report.Conflict));
        Assert.Equal(3, Assert.Single(report.Rejected).Line);
        Assert.True(Assert.Single(await StoredAsync()).Defaulted);
    }

    [Fact]
    public async Task A_decision_id_dated_past_any_calendar_is_a_bad_row_not_a_failure()
    {
        var decision = (await LogAsync([Now.AddDays(-9)]))[0];

        var report = await IngestAsync(Csv($"{decision.DecisionId},1,", "ffffffff-ffff-7fff-bfff-ffffffffffff,1,"));

        Assert.Equal((2, 1, 1), (report.Read, report.Matched, report.Bad));
        Assert.Equal((3, "bad", "decision_id"), (Assert.Single(report.Rejected).Line, report.Rejected[0].Kind, report.Rejected[0].Field));
    }

    [Fact]
    public async Task A_file_longer_than_a_chunk_is_matched_whole()
    {
        var times = Enumerable.Range(0, 12_000).Select(i => Now.AddDays(-100).AddSeconds(i * 7)).ToList();
        var logged = new List<DecisionRecord>();
        foreach (var part in times.Chunk(1_000))
        {
            logged.AddRange(await LogAsync(part));
        }

        Assert.True(logged.Count > 2 * OutcomeIngestion.ChunkRows);
        var report = await IngestAsync(Csv([.. logged.Select((d, i) => $"{d.DecisionId},{i % 5 / 4},")]));

        Assert.Equal((12_000, 12_000, 0, 0, 0, 0), (report.Read, report.Matched, report.Duplicate, report.Unknown, report.Conflict, report.Bad));
        Assert.Empty(report.Rejected);
        var stored = await StoredAsync();
        Assert.Equal(logged.Select(d => d.DecisionId), stored.Select(o => o.DecisionId));
        Assert.Equal(12_000 / 5, stored.Count(o => o.Defaulted));

        var again = await IngestAsync(Csv([.. logged.Select((d, i) => $"{d.DecisionId},{i % 5 / 4},")]));
        Assert.Equal((12_000, 0, 12_000), (again.Read, again.Matched, again.Duplicate));
    }

    [Fact]
    public async Task An_unreadable_file_is_refused_before_anything_is_recorded()
    {
        var decision = (await LogAsync([Now.AddDays(-9)]))[0];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"decision_id,flag\n{decision.DecisionId},1\n"));

        Assert.Throws<InvalidOutcomeFileException>(() => OutcomeFileReader.Read(stream));

        Assert.Empty(await StoredAsync());
    }

    private async Task<OutcomeReport> IngestAsync(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return await _ingestion.IngestAsync(OutcomeFileReader.Read(stream));
    }

    private async Task<List<DecisionRecord>> LogAsync(IEnumerable<DateTimeOffset> times, string applicantId = "", double probability = 0.4, string version = "v1", string channel = "api")
    {
        await _decisions.EnsureSchemaAsync();
        await _outcomes.EnsureSchemaAsync();
        var records = times.Select(at =>
        {
            var id = DecisionIds.New(at);
            return new DecisionRecord(
                DecisionIds.TimeOf(id),
                channel,
                version,
                Guid.NewGuid().ToString("N"),
                new Applicant(1_250_000.5, 35, 8, MaritalStatus.Married, HouseOwnership.NoRentNoOwn, true, "Chef", "Pune", "Maharashtra", 3, 11),
                probability,
                0.25,
                probability >= 0.25,
                "City Pune: +0.12",
                id,
                applicantId);
        }).ToList();
        await _decisions.AppendAsync(records);
        return records;
    }

    private async Task<List<OutcomeRecord>> StoredAsync()
    {
        await _outcomes.EnsureSchemaAsync();
        var stored = new List<OutcomeRecord>();
        await foreach (var outcome in _outcomes.ReadAsync(new OutcomeQuery()))
        {
            stored.Add(outcome);
        }

        return stored;
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes($"{Header}\n{string.Join('\n', rows)}\n");

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
