using System.Runtime.CompilerServices;

using Npgsql;

using RiskFlag.Core.Schema;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Outcomes in the decision log's PostgreSQL database, one row per decision id. Concurrent posts of the same outcome
/// are safe: the insert skips ids already present (waiting for a concurrent insert of the same id to commit), and what
/// was skipped is then read back.
/// </summary>
public sealed class PostgresOutcomeStore(string connectionString) : IOutcomeStore, IDisposable, IAsyncDisposable
{
    private static readonly SchemaStep[] Schema =
    [
        SchemaStep.Sql(1, "outcomes with what live performance reads of their decisions", """
            CREATE TABLE IF NOT EXISTS outcomes (
                decision_id UUID PRIMARY KEY,
                defaulted BOOLEAN NOT NULL,
                observed_at BIGINT,
                recorded_at BIGINT NOT NULL,
                decided_at BIGINT NOT NULL,
                model_version TEXT NOT NULL,
                channel TEXT NOT NULL,
                probability DOUBLE PRECISION NOT NULL,
                threshold DOUBLE PRECISION NOT NULL);
            CREATE INDEX IF NOT EXISTS outcomes_model_channel_decided ON outcomes (model_version, channel, decided_at);
            CREATE INDEX IF NOT EXISTS outcomes_decided ON outcomes (decided_at);
            """),
    ];

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        SchemaMigrator.Migrate(connection, SchemaComponents.Outcomes, Schema);
    }

    public async Task<IReadOnlyList<bool?>> RecordAsync(IReadOnlyList<OutcomeRecord> outcomes, CancellationToken cancellationToken = default)
    {
        var results = new bool?[outcomes.Count];
        if (outcomes.Count == 0)
        {
            return results;
        }

        // Sorted by id, so two posts that share ids take their row locks in the same order and cannot deadlock.
        var sorted = outcomes.OrderBy(o => o.DecisionId).ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new HashSet<Guid>();
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO outcomes ({OutcomeSql.Columns})
            SELECT * FROM unnest(@ids, @defaulted, @observed, @recorded, @decided, @models, @channels, @probabilities, @thresholds)
            ON CONFLICT (decision_id) DO NOTHING
            RETURNING decision_id
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. sorted.Select(o => o.DecisionId)]));
            insert.Parameters.Add(new NpgsqlParameter<bool[]>("defaulted", [.. sorted.Select(o => o.Defaulted)]));
            insert.Parameters.Add(new NpgsqlParameter<long?[]>("observed", [.. sorted.Select(o => o.ObservedAt?.ToUnixTimeMilliseconds())]));
            insert.Parameters.Add(new NpgsqlParameter<long[]>("recorded", [.. sorted.Select(o => o.RecordedAt.ToUnixTimeMilliseconds())]));
            insert.Parameters.Add(new NpgsqlParameter<long[]>("decided", [.. sorted.Select(o => o.DecidedAt.ToUnixTimeMilliseconds())]));
            insert.Parameters.Add(new NpgsqlParameter<string[]>("models", [.. sorted.Select(o => o.ModelVersion)]));
            insert.Parameters.Add(new NpgsqlParameter<string[]>("channels", [.. sorted.Select(o => o.Channel)]));
            insert.Parameters.Add(new NpgsqlParameter<double[]>("probabilities", [.. sorted.Select(o => o.Probability)]));
            insert.Parameters.Add(new NpgsqlParameter<double[]>("thresholds", [.. sorted.Select(o => o.Threshold)]));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetGuid(0));
            }
        }

        // An id inserted now answers null for its first occurrence only; every other outcome gets the recorded value.
        var recorded = new Dictionary<Guid, bool>();
        var stored = new HashSet<Guid>();
        var others = outcomes.Select(o => o.DecisionId).Where(id => !inserted.Contains(id) || !stored.Add(id)).Distinct().ToArray();
        if (others.Length > 0)
        {
            await using var existing = new NpgsqlCommand("SELECT decision_id, defaulted FROM outcomes WHERE decision_id = ANY(@ids)", connection, transaction);
            existing.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", others));
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded[reader.GetGuid(0)] = reader.GetBoolean(1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var answered = new HashSet<Guid>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            var id = outcomes[i].DecisionId;
            results[i] = inserted.Contains(id) && answered.Add(id) ? null : recorded[id];
        }

        return results;
    }

    public async IAsyncEnumerable<OutcomeRecord> ReadAsync(OutcomeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = OutcomeSql.Select(command, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return OutcomeSql.Read(reader, reader.GetGuid(0), reader.GetBoolean(1));
        }
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM outcomes WHERE decided_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
