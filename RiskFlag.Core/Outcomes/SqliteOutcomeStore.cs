using System.Runtime.CompilerServices;

using Microsoft.Data.Sqlite;

using RiskFlag.Core.Schema;

using SQLitePCL;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Outcomes in the decision log's SQLite file, one row each, keyed by the decision id's 16 bytes in big-endian order
/// (so keys sort by decision time, as a version 7 UUID does). The index on (model version, channel, decision time)
/// serves live performance for one model over a window without reading any other row.
/// </summary>
public sealed class SqliteOutcomeStore : IOutcomeStore
{
    private readonly string _connectionString;

    static SqliteOutcomeStore() => Batteries_V2.Init();

    private static readonly SchemaStep[] Schema =
    [
        SchemaStep.Sql(1, "outcomes with what live performance reads of their decisions", """
            CREATE TABLE IF NOT EXISTS outcomes (
                decision_id BLOB PRIMARY KEY,
                defaulted INTEGER NOT NULL,
                observed_at BIGINT,
                recorded_at BIGINT NOT NULL,
                decided_at BIGINT NOT NULL,
                model_version TEXT NOT NULL,
                channel TEXT NOT NULL,
                probability REAL NOT NULL,
                threshold REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS outcomes_model_channel_decided ON outcomes (model_version, channel, decided_at);
            CREATE INDEX IF NOT EXISTS outcomes_decided ON outcomes (decided_at);
            """),
    ];

    public SqliteOutcomeStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        SchemaMigrator.Migrate(connection, SchemaComponents.Outcomes, Schema);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<bool?>> RecordAsync(IReadOnlyList<OutcomeRecord> outcomes, CancellationToken cancellationToken = default)
    {
        var results = new bool?[outcomes.Count];
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO outcomes ({OutcomeSql.Columns})
            VALUES (@id, @defaulted, @observed, @recorded, @decided, @model, @channel, @probability, @threshold)
            ON CONFLICT (decision_id) DO NOTHING
            """;
        var id = insert.Parameters.Add("@id", SqliteType.Blob);
        var defaulted = insert.Parameters.Add("@defaulted", SqliteType.Integer);
        var observed = insert.Parameters.Add("@observed", SqliteType.Integer);
        var recorded = insert.Parameters.Add("@recorded", SqliteType.Integer);
        var decided = insert.Parameters.Add("@decided", SqliteType.Integer);
        var model = insert.Parameters.Add("@model", SqliteType.Text);
        var channel = insert.Parameters.Add("@channel", SqliteType.Text);
        var probability = insert.Parameters.Add("@probability", SqliteType.Real);
        var threshold = insert.Parameters.Add("@threshold", SqliteType.Real);
        using var existing = connection.CreateCommand();
        existing.CommandText = "SELECT defaulted FROM outcomes WHERE decision_id = @id";
        var existingId = existing.Parameters.Add("@id", SqliteType.Blob);
        for (var i = 0; i < outcomes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = outcomes[i];
            var key = Key(outcome.DecisionId);
            id.Value = key;
            defaulted.Value = outcome.Defaulted ? 1 : 0;
            observed.Value = outcome.ObservedAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value;
            recorded.Value = outcome.RecordedAt.ToUnixTimeMilliseconds();
            decided.Value = outcome.DecidedAt.ToUnixTimeMilliseconds();
            model.Value = outcome.ModelVersion;
            channel.Value = outcome.Channel;
            probability.Value = outcome.Probability;
            threshold.Value = outcome.Threshold;
            if (insert.ExecuteNonQuery() == 0)
            {
                existingId.Value = key;
                results[i] = Convert.ToInt64(existing.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }
        }

        transaction.Commit();
        return Task.FromResult<IReadOnlyList<bool?>>(results);
    }

    public async IAsyncEnumerable<OutcomeRecord> ReadAsync(OutcomeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = OutcomeSql.Select(command, query);
        using var reader = command.ExecuteReader();
        var read = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return OutcomeSql.Read(reader, new Guid((byte[])reader.GetValue(0), bigEndian: true), reader.GetInt64(1) == 1);

            // SQLite reads are synchronous: now and then, give the thread back so a long read does not hold it.
            if (++read % 10_000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outcomes WHERE decided_at < @cutoff";
        command.Parameters.AddWithValue("@cutoff", cutoff.ToUnixTimeMilliseconds());
        return Task.FromResult(command.ExecuteNonQuery());
    }

    private static byte[] Key(Guid decisionId) => decisionId.ToByteArray(bigEndian: true);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
