using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using Npgsql;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Schema;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// The decision log in PostgreSQL, for a site that runs on more than one machine: a row per decision, so
/// analysts can query it with SQL. Times are stored as UTC Unix milliseconds. Beside it, decision_counts holds how
/// many decisions (and flagged ones) each hour has per model version and channel, kept in the append's transaction:
/// a count adds those up and counts rows only in the partial hours at the ends of its range, where COUNT(*) over
/// 10 M rows took over a second.
/// </summary>
public sealed class PostgresDecisionLogStore(string connectionString) : IDecisionLogStore, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "decided_at, channel, model_version, request_id, income, age, experience, married, house_ownership, car_ownership, " +
        "profession, city, state, current_job_yrs, current_house_yrs, probability, threshold, flag, top_factors, decision_id, applicant_id, instance";

    private const string InsertSql = $"INSERT INTO decisions ({Columns}) SELECT * FROM unnest(" +
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

    private const long HourMilliseconds = 3_600_000;

    /// <summary>The hour a decided_at falls in, rounded down for times before 1970 too.</summary>
    private const string HourOfDecision = "((decided_at - ((decided_at % 3600000) + 3600000) % 3600000) / 3600000)";

    private const string CountHoursSql = $"""
        INSERT INTO decision_counts (hour, model_version, channel, row_count, flagged_count)
        SELECT {HourOfDecision}, model_version, channel, COUNT(*), COUNT(*) FILTER (WHERE flag = 1) FROM decisions
        WHERE decided_at >= @from AND decided_at < @to GROUP BY 1, 2, 3
        """;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(Tuned(connectionString));

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Nothing here sets session state, so a pooled connection needs no reset (DISCARD ALL) before its next use, and the
    /// append and count statements, repeated all day, are prepared once per connection. Only where the connection string
    /// says nothing of its own: behind PgBouncer in transaction mode, for one, "Max Auto Prepare=0" must stay.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Says(string key) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase));
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!Says("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 32;
            tuned.AutoPrepareMinUsages = 2;
        }

        return tuned.ConnectionString;
    }

    /// <summary>The log's tables, through the versioned steps every store uses (see <see cref="SchemaMigrator"/>).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        SchemaMigrator.Migrate(connection, SchemaComponents.Decisions, Schema);
    }

    private static readonly SchemaStep[] Schema =
    [
        new(1, "decisions with decision ids, applicant ids and instances, their indexes, hourly counts", CreateDecisions),
    ];

    /// <summary>Also brings a log made by earlier releases to the same tables; one without hourly counts gets them once.</summary>
    private static void CreateDecisions(DbCommand command)
    {
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS decisions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                decided_at BIGINT NOT NULL,
                channel TEXT NOT NULL,
                model_version TEXT NOT NULL,
                request_id TEXT NOT NULL,
                income DOUBLE PRECISION NOT NULL,
                age INTEGER NOT NULL,
                experience INTEGER NOT NULL,
                married TEXT NOT NULL,
                house_ownership TEXT NOT NULL,
                car_ownership TEXT NOT NULL,
                profession TEXT NOT NULL,
                city TEXT NOT NULL,
                state TEXT NOT NULL,
                current_job_yrs INTEGER NOT NULL,
                current_house_yrs INTEGER NOT NULL,
                probability DOUBLE PRECISION NOT NULL,
                threshold DOUBLE PRECISION NOT NULL,
                flag INTEGER NOT NULL,
                top_factors TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS decisions_decided_at_id ON decisions (decided_at, id);
            CREATE INDEX IF NOT EXISTS decisions_model_version_at_id ON decisions (model_version, decided_at, id);
            CREATE INDEX IF NOT EXISTS decisions_channel_at_id ON decisions (channel, decided_at, id);
            CREATE INDEX IF NOT EXISTS decisions_flag_at_id ON decisions (flag, decided_at, id);
            DROP INDEX IF EXISTS decisions_decided_at;
            DROP INDEX IF EXISTS decisions_model_version;
            ALTER TABLE decisions ADD COLUMN IF NOT EXISTS decision_id UUID;
            ALTER TABLE decisions ADD COLUMN IF NOT EXISTS applicant_id TEXT NOT NULL DEFAULT '';
            ALTER TABLE decisions ADD COLUMN IF NOT EXISTS instance TEXT NOT NULL DEFAULT '';
            CREATE UNIQUE INDEX IF NOT EXISTS decisions_decision_id ON decisions (decision_id);
            CREATE INDEX IF NOT EXISTS decisions_applicant_id ON decisions (applicant_id) WHERE applicant_id <> '';
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT to_regclass('decision_counts') IS NULL";
        var countsMissing = (bool)command.ExecuteScalar()!;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS decision_counts (
                hour BIGINT NOT NULL,
                model_version TEXT NOT NULL,
                channel TEXT NOT NULL,
                row_count BIGINT NOT NULL,
                flagged_count BIGINT NOT NULL,
                PRIMARY KEY (hour, model_version, channel));
            """;
        command.ExecuteNonQuery();
        if (countsMissing)
        {
            command.CommandText = CountHoursSql;
            Add(command, "@from", long.MinValue);
            Add(command, "@to", long.MaxValue);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// One round trip per batch: the decisions (an array per column, unnested) and the batch's hourly counts go as one
    /// NpgsqlBatch, which PostgreSQL runs as one implicit transaction, so all of it is stored or none. Group commits
    /// are small when every answer waits for its own (a few decisions each at 16 clients); a COPY with BEGIN and
    /// COMMIT took four round trips each, and the round trips were most of the cost.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(InsertDecisions(records));
        batch.BatchCommands.Add(AddHourlyCounts(records));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand InsertDecisions(IReadOnlyList<DecisionRecord> records)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        void Add<T>(Func<DecisionRecord, T> column) => command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = [.. records.Select(column)] });
        Add(r => r.DecidedAt.ToUnixTimeMilliseconds());
        Add(r => r.Channel);
        Add(r => r.ModelVersion);
        Add(r => r.RequestId);
        Add(r => r.Applicant.Income);
        Add(r => r.Applicant.Age);
        Add(r => r.Applicant.Experience);
        Add(r => r.Applicant.MaritalStatus.ToCode());
        Add(r => r.Applicant.HouseOwnership.ToCode());
        Add(r => r.Applicant.OwnsCar.ToCarCode());
        Add(r => r.Applicant.Profession);
        Add(r => r.Applicant.City);
        Add(r => r.Applicant.State);
        Add(r => r.Applicant.CurrentJobYears);
        Add(r => r.Applicant.CurrentHouseYears);
        Add(r => r.Probability);
        Add(r => r.Threshold);
        Add(r => r.Flag ? 1 : 0);
        Add(r => r.TopFactors);
        Add(r => r.DecisionId == Guid.Empty ? (Guid?)null : r.DecisionId);
        Add(r => r.ApplicantId);
        Add(r => r.Instance);
        return command;
    }

    /// <summary>
    /// One upsert for all the batch's hours. Keys go in sorted, so instances appending at once lock the same rows in
    /// the same order and cannot deadlock.
    /// </summary>
    private static NpgsqlBatchCommand AddHourlyCounts(IReadOnlyList<DecisionRecord> records)
    {
        var counts = new SortedDictionary<(long Hour, string Model, string Channel), (long Rows, long Flagged)>();
        foreach (var record in records)
        {
            var key = (HourOf(record.DecidedAt.ToUnixTimeMilliseconds()), record.ModelVersion, record.Channel);
            var (rows, flagged) = counts.GetValueOrDefault(key);
            counts[key] = (rows + 1, flagged + (record.Flag ? 1 : 0));
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO decision_counts (hour, model_version, channel, row_count, flagged_count)
            SELECT * FROM unnest($1, $2, $3, $4, $5)
            ON CONFLICT (hour, model_version, channel) DO UPDATE SET
                row_count = decision_counts.row_count + EXCLUDED.row_count,
                flagged_count = decision_counts.flagged_count + EXCLUDED.flagged_count
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. counts.Keys.Select(k => k.Hour)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. counts.Keys.Select(k => k.Model)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. counts.Keys.Select(k => k.Channel)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. counts.Values.Select(v => v.Rows)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. counts.Values.Select(v => v.Flagged)] });
        return command;
    }

    /// <summary>As <see cref="HourOfDecision"/> computes it in SQL: integer division rounded down.</summary>
    private static long HourOf(long milliseconds) => (milliseconds - (((milliseconds % HourMilliseconds) + HourMilliseconds) % HourMilliseconds)) / HourMilliseconds;

    public async Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var limit = query.BoundedLimit;
        if (query.After is { } after)
        {
            var newer = await ListAsync(query with { Before = null }, newestFirst: false, limit + 1, cancellationToken);
            if (newer.Count > limit)
            {
                var shown = newer.Take(limit).Reverse().ToList();
                return new DecisionPage([.. shown.Select(m => m.Record)], shown[^1].At, shown[0].At);
            }
        }

        var page = await ListAsync(query with { After = null }, newestFirst: true, limit + 1, cancellationToken);
        var older = page.Count > limit ? page[limit - 1].At : (DecisionCursor?)null;
        var newest = query.Before is not null && query.After is null && page.Count > 0 ? page[0].At : (DecisionCursor?)null;
        return new DecisionPage([.. page.Take(limit).Select(m => m.Record)], older, newest);
    }

    public async IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (record, _) in SelectAsync(query with { Before = null, After = null }, newestFirst: true, limit: null, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>The whole hours of the range from decision_counts; the partial hours at its ends from the rows.</summary>
    public async Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From?.ToUnixTimeMilliseconds();
        var to = query.To?.ToUnixTimeMilliseconds();
        var firstHour = from is { } f ? -HourOf(-f) : long.MinValue; // the first hour starting at or after from
        var endHour = to is { } t ? HourOf(t) : long.MaxValue; // the first hour not wholly before to
        await using var connection = await OpenAsync(cancellationToken);
        if (firstHour >= endHour)
        {
            return await CountRowsAsync(connection, query, cancellationToken);
        }

        var count = 0L;
        if (from is { } start && start < firstHour * HourMilliseconds)
        {
            count += await CountRowsAsync(connection, query with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstHour * HourMilliseconds) }, cancellationToken);
        }

        if (to is { } end && endHour * HourMilliseconds < end)
        {
            count += await CountRowsAsync(connection, query with { From = DateTimeOffset.FromUnixTimeMilliseconds(endHour * HourMilliseconds) }, cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(SUM({Counted(query)}), 0) FROM decision_counts WHERE hour >= @first_hour AND hour < @end_hour{CountsConditions(command, query)}";
        Add(command, "@first_hour", firstHour);
        Add(command, "@end_hour", endHour);
        return count + Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>What decision_counts adds up for the query's flag filter.</summary>
    private static string Counted(DecisionQuery query) =>
        query.Flag switch { true => "flagged_count", false => "row_count - flagged_count", null => "row_count" };

    private static string CountsConditions(DbCommand command, DecisionQuery query)
    {
        var sql = new StringBuilder();
        if (!string.IsNullOrEmpty(query.ModelVersion))
        {
            sql.Append(" AND model_version = @model_version");
            Add(command, "@model_version", query.ModelVersion);
        }

        if (!string.IsNullOrEmpty(query.Channel))
        {
            sql.Append(" AND channel = @channel");
            Add(command, "@channel", query.Channel);
        }

        return sql.ToString();
    }

    private static async Task<long> CountRowsAsync(DbConnection connection, DecisionQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM decisions{Where(command, query)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The hours before the cutoff's go from the counts; the cutoff's own hour is counted again from its rows.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var at = cutoff.ToUnixTimeMilliseconds();
        var hour = HourOf(at);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM decisions WHERE decided_at < @cutoff";
        Add(command, "@cutoff", at);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        command.Parameters.Clear();
        command.CommandText = $"DELETE FROM decision_counts WHERE hour <= @hour; {CountHoursSql}";
        Add(command, "@hour", hour);
        Add(command, "@from", hour * HourMilliseconds);
        Add(command, "@to", (hour + 1) * HourMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task<List<(DecisionRecord Record, DecisionCursor At)>> ListAsync(DecisionQuery query, bool newestFirst, int limit, CancellationToken cancellationToken)
    {
        var found = new List<(DecisionRecord, DecisionCursor)>(limit);
        if (await HoursHoldingAsync(query, newestFirst, limit, cancellationToken) is not { } hours)
        {
            return found;
        }

        await foreach (var match in SelectAsync(hours, newestFirst, limit, cancellationToken))
        {
            found.Add(match);
        }

        return found;
    }

    /// <summary>
    /// The query narrowed to the hours that hold its next <paramref name="wanted"/> matches, found in decision_counts
    /// from its cursor on; null when no hour does. The rows read are then those hours' whatever index the planner
    /// picks: with statistics from before a model swap it walked the time index past 4 M newer decisions (0.8 s) to
    /// reach the older model's.
    /// </summary>
    private async Task<DecisionQuery?> HoursHoldingAsync(DecisionQuery query, bool newestFirst, int wanted, CancellationToken cancellationToken)
    {
        var from = query.From?.ToUnixTimeMilliseconds();
        var to = query.To?.ToUnixTimeMilliseconds();
        var low = from is { } f ? HourOf(f) : long.MinValue;
        var high = to is { } t ? HourOf(t - 1) : long.MaxValue;
        var cursor = newestFirst ? query.Before : query.After;
        if (cursor is { } at)
        {
            (low, high) = newestFirst ? (low, Math.Min(high, HourOf(at.Time))) : (Math.Max(low, HourOf(at.Time)), high);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var direction = newestFirst ? "DESC" : "ASC";
        command.CommandText = $"SELECT hour, SUM({Counted(query)}) FROM decision_counts WHERE hour >= @low AND hour <= @high{CountsConditions(command, query)} " +
            $"GROUP BY hour HAVING SUM({Counted(query)}) > 0 ORDER BY hour {direction} LIMIT {wanted + 1}";
        Add(command, "@low", low);
        Add(command, "@high", high);
        long? first = null, last = null;
        var rows = 0L;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (rows < wanted && await reader.ReadAsync(cancellationToken))
            {
                // The first hour's count includes decisions on the far side of the cursor or the range's bound, so it
                // does not count towards the page; a partial hour at the other end can only be the range's last.
                rows += first is null ? 0 : reader.GetInt64(1);
                first ??= reader.GetInt64(0);
                last = reader.GetInt64(0);
            }
        }

        if (first is null)
        {
            return null;
        }

        var (older, newer) = newestFirst ? (last!.Value, first.Value) : (first.Value, last!.Value);
        return query with
        {
            From = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(older * HourMilliseconds, from ?? long.MinValue)),
            To = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min((newer + 1) * HourMilliseconds, to ?? long.MaxValue)),
        };
    }

    /// <summary>
    /// The query's matches from its cursor on, newest first (ties: stored later first) or the other way round: a seek on
    /// the (decided_at, id) order that the indexes hold, so a page deep in the log reads only its own rows.
    /// </summary>
    private async IAsyncEnumerable<(DecisionRecord Record, DecisionCursor At)> SelectAsync(
        DecisionQuery query, bool newestFirst, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder(Where(command, query));
        if (query.Before is { } before)
        {
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append("(decided_at, id) < (@before_at, @before_id)");
            Add(command, "@before_at", before.Time);
            Add(command, "@before_id", before.Key);
        }

        if (query.After is { } after)
        {
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append("(decided_at, id) > (@after_at, @after_id)");
            Add(command, "@after_at", after.Time);
            Add(command, "@after_id", after.Key);
        }

        var direction = newestFirst ? "DESC" : "ASC";
        command.CommandText = $"SELECT {Columns}, id FROM decisions{where} ORDER BY decided_at {direction}, id {direction}{(limit is { } n ? $" LIMIT {n}" : string.Empty)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (Read(reader), new DecisionCursor(reader.GetInt64(0), reader.GetInt64(22), 0));
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private static string Where(DbCommand command, DecisionQuery query)
    {
        var conditions = new StringBuilder();
        void Condition(string sql, string name, object value)
        {
            conditions.Append(conditions.Length == 0 ? " WHERE " : " AND ").Append(sql);
            Add(command, name, value);
        }

        if (query.From is { } from)
        {
            Condition("decided_at >= @from", "@from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            Condition("decided_at < @to", "@to", to.ToUnixTimeMilliseconds());
        }

        if (query.Flag is { } flag)
        {
            Condition("flag = @flag", "@flag", flag ? 1 : 0);
        }

        if (!string.IsNullOrEmpty(query.ModelVersion))
        {
            Condition("model_version = @model_version", "@model_version", query.ModelVersion);
        }

        if (!string.IsNullOrEmpty(query.Channel))
        {
            Condition("channel = @channel", "@channel", query.Channel);
        }

        return conditions.ToString();
    }

    public async Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<Guid, DecisionRecord>();
        var wanted = ids.Where(id => id != Guid.Empty).Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return found;
        }

        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM decisions WHERE decision_id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", wanted));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = Read(reader);
            found[record.DecisionId] = record;
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(
        IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, List<DecisionRecord>>(StringComparer.Ordinal);
        var wanted = applicantIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length > 0)
        {
            await using var command = _dataSource.CreateCommand($"""
                SELECT {Columns} FROM (
                    SELECT {Columns}, row_number() OVER (PARTITION BY applicant_id ORDER BY id) AS nth
                    FROM decisions
                    WHERE applicant_id = ANY(@ids) AND applicant_id <> '' AND decision_id IS NOT NULL AND channel <> '{Outcomes.ShadowComparison.ShadowChannel}') AS numbered
                WHERE nth <= 2
                """);
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", wanted));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = Read(reader);
                (found.TryGetValue(record.ApplicantId, out var list) ? list : found[record.ApplicantId] = []).Add(record);
            }
        }

        return found.ToDictionary(pair => pair.Key, IReadOnlyList<DecisionRecord> (pair) => pair.Value, StringComparer.Ordinal);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static DecisionRecord Read(DbDataReader r)
    {
        // Only this class writes these columns, with the same codes, so a failed parse means a corrupt row.
        if (!DomainCodes.TryParseMaritalStatus(r.GetString(7), out var married)
            || !DomainCodes.TryParseHouseOwnership(r.GetString(8), out var house)
            || !DomainCodes.TryParseCarOwnership(r.GetString(9), out var car))
        {
            throw new InvalidDataException($"decision row with unreadable codes: {r.GetString(7)}, {r.GetString(8)}, {r.GetString(9)}");
        }

        var applicant = new Applicant(
            r.GetDouble(4), r.GetInt32(5), r.GetInt32(6), married, house, car, r.GetString(10), r.GetString(11), r.GetString(12), r.GetInt32(13), r.GetInt32(14));
        return new DecisionRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetString(2), r.GetString(3), applicant,
            r.GetDouble(15), r.GetDouble(16), r.GetInt32(17) == 1, r.GetString(18), r.IsDBNull(19) ? Guid.Empty : r.GetGuid(19), r.GetString(20), r.GetString(21));
    }
}
