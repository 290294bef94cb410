using Microsoft.Data.Sqlite;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Tests.Decisions;

/// <summary>Small segments (group commits on a quiet site) are merged without moving a decision in the log's order.</summary>
public sealed class SqliteSegmentMergeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("riskflag-merge-").FullName, "decisions.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Fact]
    public async Task A_run_of_small_segments_becomes_one_once_it_holds_the_target_keeping_the_order()
    {
        using var store = new SqliteDecisionLogStore(_path, mergeTarget: 10);
        await store.EnsureSchemaAsync();
        var stored = new List<DecisionRecord>();
        for (var i = 0; i < 25; i++)
        {
            // Every third decision shares its time with the one before: ties are ordered by where they were stored.
            var record = Decision(i, Start.AddMinutes(i - (i % 3 == 2 ? 1 : 0)), flag: i % 4 == 0);
            await store.AppendAsync([record]);
            stored.Add(record);
        }

        Assert.Equal([(10L, 10), (20L, 10), (21L, 1), (22L, 1), (23L, 1), (24L, 1), (25L, 1)], Segments());
        var expected = stored.Select((r, order) => (r, order)).OrderByDescending(x => x.r.DecidedAt).ThenByDescending(x => x.order).Select(x => x.r).ToList();
        Assert.Equal(expected, await store.SearchAsync(new DecisionQuery()));
        Assert.Equal(stored.Count(r => r.Flag), await store.CountAsync(new DecisionQuery { Flag = true }));
        Assert.Equal(expected.Where(r => r.Flag), await store.SearchAsync(new DecisionQuery { Flag = true }));
    }

    [Fact]
    public async Task A_large_segment_closes_the_run_before_it()
    {
        using var store = new SqliteDecisionLogStore(_path, mergeTarget: 10);
        await store.EnsureSchemaAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync([Decision(2 * i, Start.AddMinutes(2 * i), false), Decision((2 * i) + 1, Start.AddMinutes((2 * i) + 1), true)]);
        }

        await store.AppendAsync([.. Enumerable.Range(6, 12).Select(i => Decision(i, Start.AddMinutes(i), false))]);
        await store.AppendAsync([Decision(18, Start.AddMinutes(18), true)]);

        Assert.Equal([(3L, 6), (4L, 12), (5L, 1)], Segments());
        Assert.Equal(Enumerable.Range(0, 19).Reverse(), (await store.SearchAsync(new DecisionQuery())).Select(r => (int)r.Applicant.Income));
    }

    [Fact]
    public async Task A_cursor_taken_before_a_merge_still_continues_where_its_page_ended()
    {
        using var store = new SqliteDecisionLogStore(_path, mergeTarget: 8);
        await store.EnsureSchemaAsync();
        for (var i = 0; i < 6; i++)
        {
            await store.AppendAsync([Decision(i, Start.AddMinutes(i), false)]);
        }

        var first = await store.PageAsync(new DecisionQuery { Limit = 4 });
        for (var i = 6; i < 8; i++)
        {
            await store.AppendAsync([Decision(i, Start.AddMinutes(i), false)]);
        }

        Assert.Equal([(8L, 8)], Segments());
        var older = await store.PageAsync(new DecisionQuery { Limit = 4, Before = first.Older });
        Assert.Equal([5, 4, 3, 2], first.Records.Select(r => (int)r.Applicant.Income));
        Assert.Equal([1, 0], older.Records.Select(r => (int)r.Applicant.Income));
    }

    [Fact]
    public async Task A_failed_append_stores_nothing_and_leaves_the_run_of_small_segments_as_it_was()
    {
        using var store = new SqliteDecisionLogStore(_path, mergeTarget: 4);
        await store.EnsureSchemaAsync();
        await store.AppendAsync([Decision(0, Start, false)]);
        await store.AppendAsync([Decision(1, Start.AddMinutes(1), false)]);
        // Refuses the merge the third small segment would start: the failure comes after the append's own insert.
        Run("CREATE TRIGGER refuse_merge BEFORE DELETE ON decision_segments BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

        var failure = await Assert.ThrowsAsync<SqliteException>(() => store.AppendAsync([Decision(2, Start.AddMinutes(2), false), Decision(3, Start.AddMinutes(3), false)]));
        Assert.Contains("refused by the test", failure.Message, StringComparison.Ordinal);
        Assert.Equal([(1L, 1), (2L, 1)], Segments());

        Run("DROP TRIGGER refuse_merge");
        await store.AppendAsync([Decision(4, Start.AddMinutes(4), false)]);

        // The run counts only what was stored: 3 decisions now, below the target, so nothing is merged yet.
        Assert.Equal([(1L, 1), (2L, 1), (3L, 1)], Segments());
        await store.AppendAsync([Decision(5, Start.AddMinutes(5), false)]);
        Assert.Equal([(4L, 4)], Segments());
        Assert.Equal([5, 4, 1, 0], (await store.SearchAsync(new DecisionQuery())).Select(r => (int)r.Applicant.Income));
    }

    [Fact]
    public async Task A_disposed_store_refuses_appends()
    {
        var store = new SqliteDecisionLogStore(_path);
        await store.EnsureSchemaAsync();
        await store.AppendAsync([Decision(0, Start, false)]);
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync([Decision(1, Start.AddMinutes(1), false)]));
        Assert.Equal([(1L, 1)], Segments());
    }

    private void Run(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<(long Id, long Rows)> Segments()
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.id, s.row_count, (SELECT SUM(f.row_count) FROM decision_facets f WHERE f.segment_id = s.id) FROM decision_segments s ORDER BY s.id";
        using var reader = command.ExecuteReader();
        var segments = new List<(long, long)>();
        while (reader.Read())
        {
            // A merged segment's facets describe it, not the segments it replaced.
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(2));
            segments.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return segments;
    }

    /// <summary>The income carries the decision's number, so an order can be read back.</summary>
    private static DecisionRecord Decision(int number, DateTimeOffset at, bool flag) => new(
        at, "api", "v1", $"request-{number}",
        new Applicant(number, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Surgeon", "Rewa", "Madhya_Pradesh", 3, 11),
        flag ? 0.9 : 0.1, 0.5, flag, "Age 30: +0.10");
}
