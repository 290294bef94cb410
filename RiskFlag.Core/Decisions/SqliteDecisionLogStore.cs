using System.Buffers;
using System.Runtime.CompilerServices;

using Microsoft.Data.Sqlite;

using SQLitePCL;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// The decision log in a local SQLite file, as segments: each writer batch is one row holding its decisions in
/// <see cref="DecisionSegmentCodec"/> form, with the batch's first and last decision time. A row per decision cost
/// SQLite about 5 µs of CPU each (19 values bound, a record built, two B-trees updated) — on a 2-core site
/// serving a prediction in about 40 µs that alone took over 10 % of its throughput; a segment costs that once
/// per batch. Searches read the segments that overlap the time range, newest first, and filter in memory,
/// stopping as soon as older segments cannot change the page asked for. WAL mode, so the pages' reads do not
/// block the writer.
/// </summary>
public sealed class SqliteDecisionLogStore : IDecisionLogStore
{
    private const string InsertSegmentSql =
        "INSERT INTO decision_segments (first_at, last_at, row_count, format, payload) VALUES (?1, ?2, ?3, ?4, ?5)";

    private readonly string _connectionString;
    private readonly string _appendPragmas;

    static SqliteDecisionLogStore() => Batteries_V2.Init();

    /// <param name="syncEveryCommit">
    /// False (the default): in WAL mode a commit is in the operating system's hands when it returns, so a killed or
    /// crashed process loses nothing; only a power cut or kernel crash can lose the last commits. True: every commit
    /// also waits for the disk (SQLite's synchronous=FULL), which survives those too at a disk sync per batch.
    /// </param>
    public SqliteDecisionLogStore(string databasePath, bool syncEveryCommit = false)
    {
        _appendPragmas = syncEveryCommit ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        // SQLite's own 4 kB pages: a group commit writes every page it touched to the WAL, and a small batch touches few.
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS decision_segments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                first_at BIGINT NOT NULL,
                last_at BIGINT NOT NULL,
                row_count INTEGER NOT NULL,
                format INTEGER NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS decision_segments_last_at ON decision_segments (last_at);
            """);
        return Task.CompletedTask;
    }

    public Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        var (first, last) = TimeRange(records);
        var payload = DecisionSegmentCodec.EncodePooled(records, out var length);
        try
        {
            using var connection = Open();
            Execute(connection, _appendPragmas);
            InsertSegment(connection, first, last, records.Count, payload.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DecisionRecord>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var offset = Math.Max(0, query.Offset);
        var wanted = offset + Math.Clamp(query.Limit, 1, 100_000);

        // The newest `wanted` matches so far; the heap's minimum is the oldest of them (ties: stored earlier).
        // (Capacity grows with the matches found, not with the offset a caller may ask for.)
        var newest = new PriorityQueue<DecisionRecord, Position>(Math.Min(wanted + 1, 4_096));
        using var connection = Open();
        foreach (var segment in Segments(connection, query, cancellationToken))
        {
            // Segments come newest last decision first: once this one ends before the oldest kept match, no later
            // segment can hold a newer one.
            if (newest.Count == wanted && newest.TryPeek(out _, out var oldestKept) && segment.LastAt < oldestKept.Time)
            {
                break;
            }

            foreach (var (record, position) in Matching(segment, query))
            {
                newest.Enqueue(record, position);
                if (newest.Count > wanted)
                {
                    newest.Dequeue();
                }
            }
        }

        var page = new List<DecisionRecord>(newest.Count);
        while (newest.TryDequeue(out var record, out _))
        {
            page.Add(record);
        }

        page.Reverse();
        return Task.FromResult<IReadOnlyList<DecisionRecord>>(page.Count > offset ? page[offset..] : []);
    }

    public async IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Matches wait here, newest first, until no segment still unread can hold a newer one: segments come newest
        // last decision first, so everything newer than the next segment's last decision can go. Batches overlap
        // little in time, so this holds about one segment.
        var pending = new PriorityQueue<DecisionRecord, Position>(Comparer<Position>.Create(static (a, b) => b.CompareTo(a)));
        using var connection = Open();
        foreach (var segment in Segments(connection, query, cancellationToken))
        {
            while (pending.TryPeek(out _, out var newest) && newest.Time > segment.LastAt)
            {
                yield return pending.Dequeue();
            }

            foreach (var (record, position) in Matching(segment, query))
            {
                pending.Enqueue(record, position);
            }

            // SQLite reads are synchronous: between segments, give the thread back so a long export does not hold it.
            await Task.Yield();
        }

        while (pending.TryDequeue(out var record, out _))
        {
            yield return record;
        }
    }

    public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        long count = 0;
        using var connection = Open();
        foreach (var segment in Segments(connection, query, cancellationToken))
        {
            count += !query.FiltersRecords && segment.FirstAt >= from && segment.LastAt < to
                ? segment.Count
                : segment.Records().LongCount(query.Matches);
        }

        return Task.FromResult(count);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var at = cutoff.ToUnixTimeMilliseconds();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();

        // Segments that straddle the cutoff keep their newer decisions, rewritten in place (same id, same order).
        var straddling = Segments(connection, new DecisionQuery { From = cutoff }, cancellationToken)
            .Where(s => s.FirstAt < at)
            .Select(s => (s.Id, s.Count, Kept: s.Records().Where(r => r.DecidedAt.ToUnixTimeMilliseconds() >= at).ToList()))
            .ToList();
        var deleted = 0L;
        foreach (var (id, count, kept) in straddling)
        {
            Execute(
                connection,
                "UPDATE decision_segments SET first_at = @first, row_count = @count, payload = @payload WHERE id = @id",
                ("@first", kept.Min(r => r.DecidedAt.ToUnixTimeMilliseconds())), ("@count", kept.Count), ("@payload", DecisionSegmentCodec.Encode(kept)), ("@id", id));
            deleted += count - kept.Count;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(SUM(row_count), 0) FROM decision_segments WHERE last_at < @cutoff";
            command.Parameters.AddWithValue("@cutoff", at);
            deleted += (long)command.ExecuteScalar()!;
        }

        Execute(connection, "DELETE FROM decision_segments WHERE last_at < @cutoff", ("@cutoff", at));
        transaction.Commit();
        return Task.FromResult((int)Math.Min(deleted, int.MaxValue));
    }

    private static IEnumerable<(DecisionRecord Record, Position Position)> Matching(Segment segment, DecisionQuery query)
    {
        var index = 0;
        foreach (var record in segment.Records())
        {
            if (query.Matches(record))
            {
                yield return (record, new Position(record.DecidedAt.ToUnixTimeMilliseconds(), segment.Id, index));
            }

            index++;
        }
    }

    private static (long First, long Last) TimeRange(IReadOnlyList<DecisionRecord> records)
    {
        var first = long.MaxValue;
        var last = long.MinValue;
        foreach (var record in records)
        {
            var at = record.DecidedAt.ToUnixTimeMilliseconds();
            first = Math.Min(first, at);
            last = Math.Max(last, at);
        }

        return (first, last);
    }

    /// <summary>
    /// Bound on the connection's own handle because ADO.NET takes a blob only as an exact-length array, which for a
    /// batch would be a fresh large-object-heap allocation each time; the payload here is a pooled buffer's span.
    /// </summary>
    private static void InsertSegment(SqliteConnection connection, long first, long last, int count, ReadOnlySpan<byte> payload)
    {
        var database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, InsertSegmentSql, out var statement), database);
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, 1, first), database);
            Check(raw.sqlite3_bind_int64(statement, 2, last), database);
            Check(raw.sqlite3_bind_int(statement, 3, count), database);
            Check(raw.sqlite3_bind_int(statement, 4, DecisionSegmentCodec.Format), database);
            Check(raw.sqlite3_bind_blob(statement, 5, payload), database);
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result, database);
            }
        }
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    /// <summary>The segments that may hold decisions in the query's time range, newest last decision first.</summary>
    private static IEnumerable<Segment> Segments(SqliteConnection connection, DecisionQuery query, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, first_at, last_at, row_count, format, payload FROM decision_segments
            WHERE last_at >= @from AND first_at < @to ORDER BY last_at DESC, id DESC
            """;
        command.Parameters.AddWithValue("@from", query.From?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("@to", query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.GetInt32(4) != DecisionSegmentCodec.Format)
            {
                throw new InvalidDataException($"decision segment {reader.GetInt64(0)} has format {reader.GetInt32(4)}; this version reads {DecisionSegmentCodec.Format}");
            }

            // The payload is read only if the caller asks for the records (a count may not need it).
            var id = reader.GetInt64(0);
            var count = reader.GetInt32(3);
            yield return new Segment(id, reader.GetInt64(1), reader.GetInt64(2), count, () => DecisionSegmentCodec.Decode((byte[])reader.GetValue(5), count));
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <param name="Records">Valid only while the segment is the current one of the enumeration.</param>
    private sealed record Segment(long Id, long FirstAt, long LastAt, int Count, Func<IEnumerable<DecisionRecord>> Records);

    /// <summary>Orders decisions oldest first: by time, then by where they were stored.</summary>
    private readonly record struct Position(long Time, long Segment, int Index) : IComparable<Position>
    {
        public int CompareTo(Position other) =>
            Time != other.Time ? Time.CompareTo(other.Time)
            : Segment != other.Segment ? Segment.CompareTo(other.Segment)
            : Index.CompareTo(other.Index);
    }
}
