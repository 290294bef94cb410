using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using Npgsql;

using NpgsqlTypes;

using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// The decision log in PostgreSQL, for a site that runs on more than one machine: a row per decision, so
/// analysts can query it with SQL. Times are stored as UTC Unix milliseconds.
/// </summary>
public sealed class PostgresDecisionLogStore(string connectionString) : IDecisionLogStore, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "decided_at, channel, model_version, request_id, income, age, experience, married, house_ownership, car_ownership, " +
        "profession, city, state, current_job_yrs, current_house_yrs, probability, threshold, flag, top_factors";

    private const long SchemaLockKey = 0x5269736B44656369; // "RiskDeci"

    private const string CopySql = $"COPY decisions ({Columns}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Instances starting together on an empty database take turns: PostgreSQL's CREATE ... IF NOT EXISTS is not
    /// safe against a concurrent create of the same table (it fails on the catalogue's unique index), so the DDL
    /// runs in a transaction that first takes an advisory lock.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT pg_advisory_xact_lock({SchemaLockKey});
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
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A binary COPY: one round trip for the whole batch instead of one per row, and all-or-nothing like a
    /// transaction (an importer disposed before it completes cancels the copy).
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var record in records)
        {
            var a = record.Applicant;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(record.DecidedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(record.Channel, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.ModelVersion, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.RequestId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.Income, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(a.Age, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(a.Experience, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(a.MaritalStatus.ToCode(), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.HouseOwnership.ToCode(), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.OwnsCar.ToCarCode(), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.Profession, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.City, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.State, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(a.CurrentJobYears, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(a.CurrentHouseYears, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(record.Probability, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(record.Threshold, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(record.Flag ? 1 : 0, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(record.TopFactors, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

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

    public async Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM decisions{Where(command, query)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM decisions WHERE decided_at < @cutoff";
        Add(command, "@cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<(DecisionRecord Record, DecisionCursor At)>> ListAsync(DecisionQuery query, bool newestFirst, int limit, CancellationToken cancellationToken)
    {
        var found = new List<(DecisionRecord, DecisionCursor)>(limit);
        await foreach (var match in SelectAsync(query, newestFirst, limit, cancellationToken))
        {
            found.Add(match);
        }

        return found;
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
            yield return (Read(reader), new DecisionCursor(reader.GetInt64(0), reader.GetInt64(19), 0));
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
            r.GetDouble(15), r.GetDouble(16), r.GetInt32(17) == 1, r.GetString(18));
    }
}
