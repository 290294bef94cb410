using System.Globalization;

using Microsoft.Data.Sqlite;

using RiskFlag.Core.Schema;

namespace RiskFlag.Core.Registry;

/// <summary>
/// The registry in an embedded SQLite database. Every change runs in one transaction (BEGIN IMMEDIATE),
/// so two operators promoting at once are serialised rather than interleaved.
/// </summary>
public sealed class SqliteModelRegistryStore : IModelRegistryStore
{
    private static readonly SchemaStep[] Schema =
    [
        SchemaStep.Sql(1, "versions, aliases, alias history", """
            CREATE TABLE IF NOT EXISTS model_versions (
                model TEXT NOT NULL,
                version INTEGER NOT NULL,
                model_version TEXT NOT NULL,
                run_id TEXT NOT NULL,
                bundle_path TEXT NOT NULL,
                grouped_roc_auc REAL NOT NULL,
                registered_at TEXT NOT NULL,
                registered_by TEXT NOT NULL,
                PRIMARY KEY (model, version));
            CREATE TABLE IF NOT EXISTS aliases (
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (model, alias));
            CREATE TABLE IF NOT EXISTS alias_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                from_version INTEGER,
                to_version INTEGER NOT NULL,
                action TEXT NOT NULL,
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                reason TEXT NOT NULL);
            """),
    ];

    private readonly string _connectionString;

    static SqliteModelRegistryStore() => SQLitePCL.Batteries_V2.Init();

    public SqliteModelRegistryStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        // Outside the schema's transaction: SQLite changes the journal mode only between transactions.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        SchemaMigrator.Migrate(connection, SchemaComponents.Registry, Schema);
    }

    public RegisteredVersion AddVersion(string model, string modelVersion, string runId, Func<int, string> bundlePathOf, double groupedRocAuc, string registeredBy)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var next = Convert.ToInt32(Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = $model", ("$model", model)), CultureInfo.InvariantCulture);
        var registered = new RegisteredVersion(model, next, modelVersion, runId, bundlePathOf(next), groupedRocAuc, DateTimeOffset.UtcNow, registeredBy);
        Execute(connection, transaction,
            "INSERT INTO model_versions VALUES ($model, $version, $model_version, $run_id, $bundle_path, $auc, $at, $by)",
            ("$model", model), ("$version", next), ("$model_version", modelVersion), ("$run_id", runId), ("$bundle_path", registered.BundlePath),
            ("$auc", groupedRocAuc), ("$at", registered.RegisteredAt.ToString("O")), ("$by", registeredBy));
        transaction.Commit();
        return registered;
    }

    public IReadOnlyList<RegisteredVersion> Versions(string model) =>
        Query(Versions, "SELECT * FROM model_versions WHERE model = $model ORDER BY version", ("$model", model));

    public RegisteredVersion? Version(string model, int version) =>
        Query(Versions, "SELECT * FROM model_versions WHERE model = $model AND version = $version", ("$model", model), ("$version", version)).SingleOrDefault();

    public IReadOnlyDictionary<string, int> Aliases(string model) =>
        Query(r => (Alias: r.GetString(0), Version: r.GetInt32(1)), "SELECT alias, version FROM aliases WHERE model = $model", ("$model", model))
            .ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal);

    public AliasChange SetAlias(string model, string aliasName, int version, string action, string changedBy, string reason)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (Scalar(connection, transaction, "SELECT 1 FROM model_versions WHERE model = $model AND version = $version", ("$model", model), ("$version", version)) is null)
        {
            throw new RegistryException($"{model} has no version {version}");
        }

        var previous = Scalar(connection, transaction, "SELECT version FROM aliases WHERE model = $model AND alias = $alias", ("$model", model), ("$alias", aliasName));
        int? from = previous is null ? null : Convert.ToInt32(previous, CultureInfo.InvariantCulture);
        var at = DateTimeOffset.UtcNow;
        Execute(connection, transaction,
            "INSERT INTO aliases VALUES ($model, $alias, $version) ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version",
            ("$model", model), ("$alias", aliasName), ("$version", version));
        Execute(connection, transaction,
            "INSERT INTO alias_history (model, alias, from_version, to_version, action, changed_by, changed_at, reason) VALUES ($model, $alias, $from, $to, $action, $by, $at, $reason)",
            ("$model", model), ("$alias", aliasName), ("$from", from), ("$to", version), ("$action", action), ("$by", changedBy), ("$at", at.ToString("O")), ("$reason", reason));
        var id = Convert.ToInt64(Scalar(connection, transaction, "SELECT last_insert_rowid()"), CultureInfo.InvariantCulture);
        transaction.Commit();
        return new AliasChange(id, model, aliasName, from, version, action, changedBy, at, reason);
    }

    public IReadOnlyList<AliasChange> History(string model) => Query(
        r => new AliasChange(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.GetString(6),
            DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture), r.GetString(8)),
        "SELECT id, model, alias, from_version, to_version, action, changed_by, changed_at, reason FROM alias_history WHERE model = $model ORDER BY id",
        ("$model", model));

    private static RegisteredVersion Versions(SqliteDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5),
        DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), r.GetString(7));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private List<T> Query<T>(Func<SqliteDataReader, T> map, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var results = new List<T>();
        while (reader.Read())
        {
            results.Add(map(reader));
        }

        return results;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
