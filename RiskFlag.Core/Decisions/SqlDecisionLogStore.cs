using System.Data.Common;
using System.Globalization;
using System.Text;

using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// The decision log over ADO.NET; the two databases differ in how a connection is made, in the DDL for the
/// identity column and in how a batch is inserted fastest, which the subclasses provide. Times are stored as Unix milliseconds (UTC),
/// which both databases index and compare the same way.
/// </summary>
public abstract class SqlDecisionLogStore : IDecisionLogStore
{
    private static readonly string Columns = DecisionColumns.List;

    protected abstract string IdentityColumn { get; }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS decisions (
                id {IdentityColumn},
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
            CREATE INDEX IF NOT EXISTS decisions_decided_at ON decisions (decided_at);
            DROP INDEX IF EXISTS decisions_model_version;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Each database's fastest safe bulk insert; one batch is one transaction.</summary>
    public abstract Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default);

    public async Task<IReadOnlyList<DecisionRecord>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM decisions{Where(command, query)} ORDER BY decided_at DESC, id DESC LIMIT {Math.Clamp(query.Limit, 1, 100_000)} OFFSET {Math.Max(0, query.Offset)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<DecisionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(Read(reader));
        }

        return results;
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

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

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
