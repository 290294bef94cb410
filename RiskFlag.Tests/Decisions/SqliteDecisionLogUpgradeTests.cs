using Microsoft.Data.Sqlite;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

/// <summary>A log written before segments had facets is still searched and counted right once opened by this version.</summary>
public sealed class SqliteDecisionLogUpgradeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-upgrade-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SegmentsWithoutFacetsGetThemOnceAndFiltersCountThem()
    {
        var path = Path.Combine(_directory, "decisions.db");
        var records = Enumerable.Range(0, 40).Select(i => Decision(Start.AddMinutes(i), flag: i % 4 == 0, i < 10 ? "v1" : "v2")).ToList();
        WriteEarlierFormat(path, records);

        using var store = new SqliteDecisionLogStore(path);
        await store.EnsureSchemaAsync();
        await store.EnsureSchemaAsync();

        Assert.Equal(10, await store.CountAsync(new DecisionQuery { Flag = true }));
        Assert.Equal(30, await store.CountAsync(new DecisionQuery { ModelVersion = "v2" }));
        Assert.Equal(records.Where(r => r.ModelVersion == "v1" && r.Flag).Reverse(), await store.SearchAsync(new DecisionQuery { ModelVersion = "v1", Flag = true }));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM decision_facets";
        Assert.Equal(2L, command.ExecuteScalar());
    }

    [Fact]
    public async Task DecisionsWrittenBeforeIdsReadBackWithoutOneBesideNewOnesThroughRetentionAndMerges()
    {
        var path = Path.Combine(_directory, "decisions.db");
        var old = Enumerable.Range(0, 6).Select(i => Decision(Start.AddMinutes(i), flag: i % 2 == 0, "v1")).ToList();
        WriteEarlierFormat(path, old);
        using var store = new SqliteDecisionLogStore(path, mergeTarget: 4);
        await store.EnsureSchemaAsync();

        var id = DecisionIds.New(Start.AddHours(1));
        var fresh = Decision(DecisionIds.TimeOf(id), flag: true, "v2") with { DecisionId = id, ApplicantId = "A-9" };
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync([fresh with { RequestId = $"new-{i}" }]);
        }

        var all = await store.SearchAsync(new DecisionQuery());
        Assert.Equal(old.AsEnumerable().Reverse(), all.Skip(3));
        Assert.All(all.Take(3), r => Assert.Equal((id, "A-9"), (r.DecisionId, r.ApplicantId)));
        Assert.All(all.Skip(3), r => Assert.Equal((Guid.Empty, string.Empty), (r.DecisionId, r.ApplicantId)));

        // Retention rewrites the old segment in the current format; what it keeps still reads the same.
        Assert.Equal(2, await store.DeleteOlderThanAsync(Start.AddMinutes(2)));
        Assert.Equal(old.Skip(2).Reverse(), (await store.SearchAsync(new DecisionQuery())).Skip(3));
    }

    /// <summary>The table as the earlier version created it: segments only, user_version 0.</summary>
    private static void WriteEarlierFormat(string path, List<DecisionRecord> records)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE decision_segments (
                id INTEGER PRIMARY KEY AUTOINCREMENT, first_at BIGINT NOT NULL, last_at BIGINT NOT NULL,
                row_count INTEGER NOT NULL, format INTEGER NOT NULL, payload BLOB NOT NULL);
            INSERT INTO decision_segments (first_at, last_at, row_count, format, payload) VALUES (@first, @last, @count, @format, @payload);
            """;
        command.Parameters.AddWithValue("@first", records[0].DecidedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@last", records[^1].DecidedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@count", records.Count);
        command.Parameters.AddWithValue("@format", 1);
        command.Parameters.AddWithValue("@payload", EarlierSegmentFormats.Write(records, format: 1));
        command.ExecuteNonQuery();
    }

    private static DecisionRecord Decision(DateTimeOffset at, bool flag, string version) => new(
        at, "api", version, Guid.NewGuid().ToString("N"),
        new Applicant(900_000, 41, 9, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Pune", "Maharashtra", 3, 11),
        flag ? 0.7 : 0.1, 0.5, flag, "Age 41: -0.05");
}
