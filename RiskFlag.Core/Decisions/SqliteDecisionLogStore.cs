using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using Microsoft.Data.Sqlite;

using RiskFlag.Core.Schema;

using SQLitePCL;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// The decision log in a local SQLite file, as segments: each writer batch is one row holding its decisions in
/// <see cref="DecisionSegmentCodec"/> form, with the batch's first and last decision time. A row per decision cost
/// SQLite about 5 µs of CPU each (19 values bound, a record built, two B-trees updated) — on a 2-core site
/// serving a prediction in about 40 µs that alone took over 10 % of its throughput; a segment costs that once
/// per batch. Searches read the segments that overlap the time range, newest first, and filter in memory,
/// stopping as soon as older segments cannot change the page asked for. WAL mode, so the pages' reads do not
/// block the writer. Group commit writes small batches when the site is quiet; consecutive small segments are merged
/// into one as soon as they hold <c>mergeTarget</c> decisions, so searches and counts see about one segment per
/// <c>mergeTarget</c> decisions whatever the traffic was.
/// </summary>
public sealed class SqliteDecisionLogStore : IDecisionLogStore, IDisposable
{
    public const int DefaultMergeTarget = 500;

    /// <summary>The channel of the challenger's shadow decisions, which an applicant's outcome never names directly.</summary>
    private const string ShadowChannel = Outcomes.ShadowComparison.ShadowChannel;

    private const int FacetsSchemaVersion = 2;

    private static readonly SchemaStep[] Schema =
    [
        new(1, "decision segments and their facets", CreateSegments),
    ];

    private readonly string _connectionString;
    private readonly string _appendPragmas;
    private readonly int _mergeTarget;
    /// <summary>Held for a whole append: the appender's connection, its statements and the run of small segments.</summary>
    private readonly Lock _appendLock = new();

    private SqliteAppendConnection? _appender;
    private bool _disposed;

    /// <summary>The small segments this store appended since its last merge or large segment: where the run starts.</summary>
    private long? _runStart;
    private int _runSegments;
    private int _runRows;

    static SqliteDecisionLogStore() => Batteries_V2.Init();

    /// <param name="syncEveryCommit">
    /// False (the default): in WAL mode a commit is in the operating system's hands when it returns, so a killed or
    /// crashed process loses nothing; only a power cut or kernel crash can lose the last commits. True: every commit
    /// also waits for the disk (SQLite's synchronous=FULL), which survives those too at a disk sync per batch.
    /// </param>
    /// <param name="mergeTarget">
    /// Segments of fewer decisions are small: a run of them is merged into one once it holds this many decisions, or
    /// when a large segment follows it.
    /// </param>
    public SqliteDecisionLogStore(string databasePath, bool syncEveryCommit = false, int mergeTarget = DefaultMergeTarget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mergeTarget, 1);
        _mergeTarget = mergeTarget;
        _appendPragmas = syncEveryCommit ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        // SQLite's own 4 kB pages: a group commit writes every page it touched to the WAL, and a small batch touches few.
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    /// <summary>The log's tables, through the versioned steps every store uses (see <see cref="SchemaMigrator"/>).</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        SchemaMigrator.Migrate(connection, SchemaComponents.Decisions, Schema);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Also brings a log made by earlier releases to the same tables: one written before segments had facets gets them
    /// once, from its segments' decisions (facets were marked by SQLite's user_version 2 before schema_history).
    /// </summary>
    private static void CreateSegments(DbCommand command)
    {
        var connection = (SqliteConnection)command.Connection!;
        // No AUTOINCREMENT: it rewrites sqlite_sequence in every commit, a page more for each small group commit to write
        // (12 against 18 µs per decision in batches of 8). Ids still grow while the log holds anything: a merge reuses
        // the newest merged id, and retention removes the newest segment only together with all the others. Logs
        // created with AUTOINCREMENT keep it, which is as correct.
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS decision_segments (
                id INTEGER PRIMARY KEY,
                first_at BIGINT NOT NULL,
                last_at BIGINT NOT NULL,
                row_count INTEGER NOT NULL,
                format INTEGER NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS decision_segments_last_first ON decision_segments (last_at, first_at);
            CREATE INDEX IF NOT EXISTS decision_segments_first_last_rows ON decision_segments (first_at, last_at, row_count);
            DROP INDEX IF EXISTS decision_segments_last_at;
            DROP INDEX IF EXISTS decision_segments_first_at;
            CREATE TABLE IF NOT EXISTS decision_facets (
                segment_id INTEGER NOT NULL,
                model_version TEXT NOT NULL,
                channel TEXT NOT NULL,
                row_count INTEGER NOT NULL,
                flagged_count INTEGER NOT NULL,
                PRIMARY KEY (segment_id, model_version, channel)) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
        if (SchemaVersion(connection) < FacetsSchemaVersion)
        {
            var segments = Segments(connection, new DecisionQuery(), Order.NewestFirst, CancellationToken.None)
                .Select(segment => (segment.Id, Facets: DecisionFacet.Of(segment.Records().ToList())))
                .ToList();
            using var facetWriter = new SqliteFacetWriter(connection);
            foreach (var (id, facets) in segments)
            {
                facetWriter.Insert((SqliteTransaction?)command.Transaction, id, facets);
            }

            Execute(connection, $"PRAGMA user_version = {FacetsSchemaVersion}");
        }
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
            lock (_appendLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var appender = _appender ??= SqliteAppendConnection.Open(_connectionString, _appendPragmas);
                try
                {
                    using var transaction = appender.Connection.BeginTransaction();
                    var id = appender.InsertSegment(null, first, last, records.Count, payload.AsSpan(0, length));
                    appender.Facets.Insert(transaction, id, DecisionFacet.Of(records));
                    var run = MergeSmallSegments(appender, transaction, id, records.Count);
                    transaction.Commit();
                    (_runStart, _runSegments, _runRows) = run;
                }
                catch
                {
                    // The next append starts from a fresh connection rather than one left in a state nobody checked.
                    _appender = null;
                    appender.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_appendLock)
        {
            _disposed = true;
            _appender?.Dispose();
            _appender = null;
        }
    }

    /// <summary>
    /// Keeps the run of small segments: a merge happens in the append's own transaction, so it is stored with the
    /// append or not at all, and what the run holds is read from the file, not trusted from memory.
    /// </summary>
    /// <returns>The run as it stands once the transaction commits.</returns>
    private (long? Start, int Segments, int Rows) MergeSmallSegments(SqliteAppendConnection appender, SqliteTransaction transaction, long appended, int rows)
    {
        if (rows >= _mergeTarget)
        {
            if (_runSegments > 1)
            {
                Merge(appender, transaction, _runStart!.Value, appended);
            }

            return (null, 0, 0);
        }

        var run = (Start: _runStart ?? appended, Segments: _runSegments + 1, Rows: _runRows + rows);
        if (run.Rows < _mergeTarget)
        {
            return run;
        }

        Merge(appender, transaction, run.Start, appended + 1);
        return (null, 0, 0);
    }

    /// <summary>
    /// Replaces the consecutive small segments from <paramref name="from"/> (up to, not including, <paramref name="to"/>
    /// or the first large one) by one segment holding their decisions in the same order, under the newest one's id, so
    /// every decision keeps its place in the log's order (time, then storage order).
    /// </summary>
    private void Merge(SqliteAppendConnection appender, SqliteTransaction transaction, long from, long to)
    {
        var connection = appender.Connection;
        var ids = new List<long>();
        var records = new List<DecisionRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, row_count, format, payload FROM decision_segments WHERE id >= @from AND id < @to ORDER BY id";
            command.Parameters.AddWithValue("@from", from);
            command.Parameters.AddWithValue("@to", to);
            using var reader = command.ExecuteReader();
            while (reader.Read() && reader.GetInt32(1) < _mergeTarget && DecisionSegmentCodec.CanRead(reader.GetInt32(2)))
            {
                ids.Add(reader.GetInt64(0));
                records.AddRange(DecisionSegmentCodec.Decode((byte[])reader.GetValue(3), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        if (ids.Count < 2)
        {
            return;
        }

        var (first, last) = TimeRange(records);
        Execute(connection, "DELETE FROM decision_facets WHERE segment_id >= @from AND segment_id <= @to", ("@from", ids[0]), ("@to", ids[^1]));
        Execute(connection, "DELETE FROM decision_segments WHERE id >= @from AND id <= @to", ("@from", ids[0]), ("@to", ids[^1]));
        var payload = DecisionSegmentCodec.EncodePooled(records, out var length);
        try
        {
            appender.InsertSegment(ids[^1], first, last, records.Count, payload.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }

        appender.Facets.Insert(transaction, ids[^1], DecisionFacet.Of(records));
    }

    public Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var limit = query.BoundedLimit;
        using var connection = Open();
        if (query.After is { } after)
        {
            var newer = Collect(connection, query with { Before = null }, Order.OldestFirst, limit + 1, cancellationToken);
            if (newer.Count > limit)
            {
                var shown = newer.Take(limit).Reverse().ToList();
                return Task.FromResult(new DecisionPage([.. shown.Select(m => m.Record)], shown[^1].At, shown[0].At));
            }
        }

        var page = Collect(connection, query with { After = null }, Order.NewestFirst, limit + 1, cancellationToken);
        var records = page.Take(limit).Select(m => m.Record).ToList();
        var older = page.Count > limit ? page[limit - 1].At : (DecisionCursor?)null;
        var newest = query.Before is not null && query.After is null && page.Count > 0 ? page[0].At : (DecisionCursor?)null;
        return Task.FromResult(new DecisionPage(records, older, newest));
    }

    public async IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Matches wait here, newest first, until no segment still unread can hold a newer one: segments come newest
        // last decision first, so everything newer than the next segment's last decision can go. Batches overlap
        // little in time, so this holds about one segment.
        var pending = new PriorityQueue<DecisionRecord, DecisionCursor>(NewestFirst);
        query = query with { Before = null, After = null };
        using var connection = Open();
        foreach (var segment in Segments(connection, query, Order.NewestFirst, cancellationToken))
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

    /// <summary>
    /// A version 7 id holds its decision's time, so only the segments whose time span covers one of the ids' times are
    /// decoded. They are found by first decision time, no earlier than the longest span any segment has before the
    /// earliest id, so the index bounds the search on both sides.
    /// </summary>
    public Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<Guid, DecisionRecord>();
        var wanted = ids.Where(DecisionIds.IsDecisionId).ToHashSet();
        if (wanted.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<Guid, DecisionRecord>>(found);
        }

        var times = wanted.Select(id => DecisionIds.TimeOf(id).ToUnixTimeMilliseconds()).Distinct().Order().ToArray();
        using var connection = Open();
        using var span = connection.CreateCommand();
        span.CommandText = "SELECT COALESCE(MAX(last_at - first_at), 0) FROM decision_segments";
        var longest = (long)span.ExecuteScalar()!;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_at, last_at, row_count, format, payload FROM decision_segments WHERE first_at >= @low AND first_at <= @high AND last_at >= @earliest ORDER BY first_at";
        command.Parameters.AddWithValue("@low", times[0] - longest);
        command.Parameters.AddWithValue("@high", times[^1]);
        command.Parameters.AddWithValue("@earliest", times[0]);
        using var reader = command.ExecuteReader();
        while (reader.Read() && found.Count < wanted.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = Array.BinarySearch(times, reader.GetInt64(0));
            next = next < 0 ? ~next : next;
            if (next == times.Length || times[next] > reader.GetInt64(1) || !DecisionSegmentCodec.CanRead(reader.GetInt32(3)))
            {
                continue;
            }

            foreach (var record in DecisionSegmentCodec.DecodeMatching((byte[])reader.GetValue(4), reader.GetInt32(2), reader.GetInt32(3), wanted))
            {
                found[record.DecisionId] = record;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<Guid, DecisionRecord>>(found);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(
        IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default)
    {
        var wanted = applicantIds.Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, List<DecisionRecord>>(StringComparer.Ordinal);
        if (wanted.Count > 0)
        {
            using var connection = Open();
            foreach (var segment in Segments(connection, new DecisionQuery(), Order.NewestFirst, cancellationToken))
            {
                foreach (var record in segment.About(wanted))
                {
                    var list = found.TryGetValue(record.ApplicantId, out var known) ? known : found[record.ApplicantId] = [];
                    if (list.Count < 2)
                    {
                        list.Add(record);
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>>(
            found.ToDictionary(pair => pair.Key, IReadOnlyList<DecisionRecord> (pair) => pair.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// Segments wholly inside the time range are counted from their facets in SQL; only the few that straddle a bound
    /// of the range are decoded.
    /// </summary>
    public Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        using var connection = Open();
        using var command = connection.CreateCommand();
        var counted = query.Flag switch { true => "f.flagged_count", false => "f.row_count - f.flagged_count", null => "f.row_count" };
        command.CommandText = query.FiltersRecords
            ? $"SELECT COALESCE(SUM({counted}), 0) FROM decision_segments s JOIN decision_facets f ON f.segment_id = s.id WHERE s.first_at >= @from AND s.last_at < @to{FacetConditions(command, query)}"
            : "SELECT COALESCE(SUM(row_count), 0) FROM decision_segments WHERE first_at >= @from AND last_at < @to";
        command.Parameters.AddWithValue("@from", from);
        command.Parameters.AddWithValue("@to", to);
        var count = (long)command.ExecuteScalar()!;
        if (query.From is not null || query.To is not null)
        {
            foreach (var segment in Segments(connection, query, Order.NewestFirst, cancellationToken, straddlingOnly: true))
            {
                count += segment.Records().LongCount(query.Matches);
            }
        }

        return Task.FromResult(count);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var at = cutoff.ToUnixTimeMilliseconds();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();

        // Segments that straddle the cutoff keep their newer decisions, rewritten in place (same id, same order).
        var straddling = Segments(connection, new DecisionQuery { From = cutoff }, Order.NewestFirst, cancellationToken)
            .Where(s => s.FirstAt < at)
            .Select(s => (s.Id, s.Count, Kept: s.Records().Where(r => r.DecidedAt.ToUnixTimeMilliseconds() >= at).ToList()))
            .ToList();
        var deleted = 0L;
        using var facetWriter = new SqliteFacetWriter(connection);
        foreach (var (id, count, kept) in straddling)
        {
            Execute(
                connection,
                "UPDATE decision_segments SET first_at = @first, row_count = @count, format = @format, payload = @payload WHERE id = @id",
                ("@first", kept.Min(r => r.DecidedAt.ToUnixTimeMilliseconds())), ("@count", kept.Count), ("@format", DecisionSegmentCodec.Format),
                ("@payload", DecisionSegmentCodec.Encode(kept)), ("@id", id));
            Execute(connection, "DELETE FROM decision_facets WHERE segment_id = @id", ("@id", id));
            facetWriter.Insert(transaction, id, DecisionFacet.Of(kept));
            deleted += count - kept.Count;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(SUM(row_count), 0) FROM decision_segments WHERE last_at < @cutoff";
            command.Parameters.AddWithValue("@cutoff", at);
            deleted += (long)command.ExecuteScalar()!;
        }

        Execute(connection, "DELETE FROM decision_facets WHERE segment_id IN (SELECT id FROM decision_segments WHERE last_at < @cutoff)", ("@cutoff", at));
        Execute(connection, "DELETE FROM decision_segments WHERE last_at < @cutoff", ("@cutoff", at));
        transaction.Commit();
        return Task.FromResult((int)Math.Min(deleted, int.MaxValue));
    }

    /// <summary>
    /// The <paramref name="wanted"/> matches nearest the query's cursor (or the newest, without one), in the order
    /// asked for. Segments come in that order by their nearer end, so the search stops as soon as the next segment
    /// cannot hold a nearer match than the farthest one kept: a page costs about what its own segments cost.
    /// </summary>
    private static List<(DecisionRecord Record, DecisionCursor At)> Collect(
        SqliteConnection connection, DecisionQuery query, Order order, int wanted, CancellationToken cancellationToken)
    {
        // The heap's top is the farthest match kept: the oldest when reading newest first, and the other way round.
        var kept = new PriorityQueue<(DecisionRecord Record, DecisionCursor At), DecisionCursor>(order == Order.NewestFirst ? OldestFirst : NewestFirst);
        foreach (var segment in Segments(connection, query, order, cancellationToken))
        {
            if (kept.Count == wanted && kept.TryPeek(out _, out var farthest)
                && (order == Order.NewestFirst ? segment.LastAt < farthest.Time : segment.FirstAt > farthest.Time))
            {
                break;
            }

            foreach (var match in Matching(segment, query))
            {
                if ((query.Before is { } before && match.At >= before) || (query.After is { } after && match.At <= after))
                {
                    continue;
                }

                kept.Enqueue(match, match.At);
                if (kept.Count > wanted)
                {
                    kept.Dequeue();
                }
            }
        }

        var found = new List<(DecisionRecord Record, DecisionCursor At)>(kept.Count);
        while (kept.TryDequeue(out var match, out _))
        {
            found.Add(match);
        }

        found.Reverse();
        return found;
    }

    private static IEnumerable<(DecisionRecord Record, DecisionCursor At)> Matching(Segment segment, DecisionQuery query)
    {
        var index = 0;
        foreach (var record in segment.Records())
        {
            if (query.Matches(record))
            {
                yield return (record, new DecisionCursor(record.DecidedAt.ToUnixTimeMilliseconds(), segment.Id, index));
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
    /// The query's model, channel and flag criteria on a segment's facets (alias f), so segments without a match are
    /// skipped in SQL, never decoded.
    /// </summary>
    private static string FacetConditions(SqliteCommand command, DecisionQuery query)
    {
        var conditions = new StringBuilder();
        if (!string.IsNullOrEmpty(query.ModelVersion))
        {
            conditions.Append(" AND f.model_version = @model");
            command.Parameters.AddWithValue("@model", query.ModelVersion);
        }

        if (!string.IsNullOrEmpty(query.Channel))
        {
            conditions.Append(" AND f.channel = @channel");
            command.Parameters.AddWithValue("@channel", query.Channel);
        }

        conditions.Append(query.Flag switch { true => " AND f.flagged_count > 0", false => " AND f.row_count > f.flagged_count", null => string.Empty });
        return conditions.ToString();
    }

    /// <summary>
    /// The segments that may hold matches of the query (its time range, cursor and facets), newest last decision first
    /// or oldest first decision first.
    /// </summary>
    /// <param name="straddlingOnly">Only those that reach outside the time range (a count decodes just these).</param>
    private static IEnumerable<Segment> Segments(
        SqliteConnection connection, DecisionQuery query, Order order, CancellationToken cancellationToken, bool straddlingOnly = false)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT id, first_at, last_at, row_count, format, payload FROM decision_segments s WHERE last_at >= @from AND first_at < @to");
        command.Parameters.AddWithValue("@from", query.From?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("@to", query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        if (straddlingOnly)
        {
            sql.Append(" AND (first_at < @from OR last_at >= @to)");
        }

        if (query.Before is { } before)
        {
            sql.Append(" AND first_at <= @before");
            command.Parameters.AddWithValue("@before", before.Time);
        }

        if (query.After is { } after)
        {
            sql.Append(" AND last_at >= @after");
            command.Parameters.AddWithValue("@after", after.Time);
        }

        if (query.FiltersRecords)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM decision_facets f WHERE f.segment_id = s.id").Append(FacetConditions(command, query)).Append(')');
        }

        sql.Append(order == Order.NewestFirst ? " ORDER BY last_at DESC, id DESC" : " ORDER BY first_at ASC, id ASC");
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var format = reader.GetInt32(4);
            if (!DecisionSegmentCodec.CanRead(format))
            {
                throw new InvalidDataException($"decision segment {reader.GetInt64(0)} has format {format}; this version reads up to {DecisionSegmentCodec.Format}");
            }

            // The payload is read only if the caller asks for the records (a count may not need it).
            var id = reader.GetInt64(0);
            var count = reader.GetInt32(3);
            yield return new Segment(
                id, reader.GetInt64(1), reader.GetInt64(2), count, () => DecisionSegmentCodec.Decode((byte[])reader.GetValue(5), count, format),
                applicants => DecisionSegmentCodec.DecodeAbout((byte[])reader.GetValue(5), count, format, applicants, ShadowChannel));
        }
    }

    private static int SchemaVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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
    /// <param name="About">The records about some of these applicant Ids, decoding only those; valid as <paramref name="Records"/>.</param>
    private sealed record Segment(long Id, long FirstAt, long LastAt, int Count, Func<IEnumerable<DecisionRecord>> Records, Func<HashSet<string>, IEnumerable<DecisionRecord>> About);

    private static readonly Comparer<DecisionCursor> OldestFirst = Comparer<DecisionCursor>.Default;

    private static readonly Comparer<DecisionCursor> NewestFirst = Comparer<DecisionCursor>.Create(static (a, b) => b.CompareTo(a));

    private enum Order
    {
        NewestFirst,
        OldestFirst,
    }
}
