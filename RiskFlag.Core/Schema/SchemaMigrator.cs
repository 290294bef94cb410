using System.Data.Common;
using System.Globalization;

using Npgsql;

namespace RiskFlag.Core.Schema;

/// <summary>
/// The one way every store's tables change, on SQLite and on PostgreSQL: versioned steps (<see cref="SchemaStep"/>),
/// each applied once and recorded in <c>schema_history</c> (component, version, description, applied_at). All the steps
/// a start needs run in one transaction that first takes the schema lock, so instances starting together on an empty
/// database take turns (PostgreSQL's CREATE ... IF NOT EXISTS alone fails on a concurrent create) and a failed step
/// leaves nothing half done. On PostgreSQL the lock is a transaction advisory lock shared by every component; SQLite's
/// BEGIN IMMEDIATE is its writer lock.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The advisory lock key of every RiskFlag schema change on PostgreSQL ("RiskSchm").</summary>
    public const long PostgresLockKey = 0x5269736B5363686D;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_history (
            component TEXT NOT NULL,
            version INTEGER NOT NULL,
            description TEXT NOT NULL,
            applied_at BIGINT NOT NULL,
            PRIMARY KEY (component, version))
        """;

    /// <summary>Applies the steps of <paramref name="component"/> the database has not recorded yet.</summary>
    /// <returns>The versions applied now (empty when the database was up to date).</returns>
    public static IReadOnlyList<int> Migrate(DbConnection connection, string component, IReadOnlyList<SchemaStep> steps)
    {
        CheckOrder(component, steps);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (connection is NpgsqlConnection)
        {
            Run(command, $"SELECT pg_advisory_xact_lock({PostgresLockKey})");
        }

        Run(command, HistoryTable);
        var applied = History(command, component).Select(entry => entry.Version).ToHashSet();
        var now = new List<int>();
        foreach (var step in steps.Where(step => !applied.Contains(step.Version)))
        {
            command.Parameters.Clear();
            step.Apply(command);
            Record(command, component, step);
            now.Add(step.Version);
        }

        transaction.Commit();
        return now;
    }

    /// <summary>What the database records for a component: version and description, oldest first.</summary>
    public static IReadOnlyList<(int Version, string Description)> History(DbConnection connection, string component)
    {
        using var command = connection.CreateCommand();
        return History(command, component);
    }

    private static void CheckOrder(string component, IReadOnlyList<SchemaStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{component} schema steps must be numbered 1, 2, 3… in order; step {i + 1} is version {steps[i].Version}");
            }
        }
    }

    private static List<(int Version, string Description)> History(DbCommand command, string component)
    {
        command.CommandText = "SELECT version, description FROM schema_history WHERE component = @component ORDER BY version";
        command.Parameters.Clear();
        AddParameter(command, "@component", component);
        using var reader = command.ExecuteReader();
        var history = new List<(int, string)>();
        while (reader.Read())
        {
            history.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
        }

        return history;
    }

    private static void Record(DbCommand command, string component, SchemaStep step)
    {
        command.CommandText = "INSERT INTO schema_history (component, version, description, applied_at) VALUES (@component, @version, @description, @at)";
        command.Parameters.Clear();
        AddParameter(command, "@component", component);
        AddParameter(command, "@version", step.Version);
        AddParameter(command, "@description", step.Description);
        AddParameter(command, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private static void Run(DbCommand command, string sql)
    {
        command.CommandText = sql;
        command.Parameters.Clear();
        command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
