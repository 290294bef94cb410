using Npgsql;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Core.Schema;

namespace RiskFlag.Core.Registry;

/// <summary>
/// The registry in PostgreSQL, shared by every site instance and the training CLI: versions, aliases, history and each
/// version's model zip itself (bytea, a few hundred KB). Each instance keeps a copy of the zips it reads in its own
/// registry folder (<c>versions/N/risk-model.zip</c>, written atomically from the database on first use), so publishing
/// and the pages work on local files as with SQLite. Changes take a per-model advisory lock, so two operators (or two
/// instances) are serialised; an alias change is announced with NOTIFY on <see cref="Channel"/> in its transaction,
/// so listeners hear of it only once it is committed.
/// </summary>
public sealed class PostgresModelRegistryStore : IModelRegistryStore, IDisposable
{
    /// <summary>The NOTIFY channel of alias changes; the payload is "model:alias:version".</summary>
    public const string Channel = "riskflag_registry";

    private static readonly SchemaStep[] Schema =
    [
        SchemaStep.Sql(1, "versions with their zips, aliases, alias history", """
            CREATE TABLE IF NOT EXISTS registry_versions (
                model TEXT NOT NULL,
                version INTEGER NOT NULL,
                model_version TEXT NOT NULL,
                run_id TEXT NOT NULL,
                grouped_roc_auc DOUBLE PRECISION NOT NULL,
                registered_at TIMESTAMPTZ NOT NULL,
                registered_by TEXT NOT NULL,
                bundle BYTEA NOT NULL,
                PRIMARY KEY (model, version));
            CREATE TABLE IF NOT EXISTS registry_aliases (
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (model, alias));
            CREATE TABLE IF NOT EXISTS registry_history (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                from_version INTEGER,
                to_version INTEGER NOT NULL,
                action TEXT NOT NULL,
                changed_by TEXT NOT NULL,
                changed_at TIMESTAMPTZ NOT NULL,
                reason TEXT NOT NULL);
            """),
    ];

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _directory;

    /// <param name="directory">This instance's registry folder: the zips read from the database are kept there.</param>
    public PostgresModelRegistryStore(string connectionString, string directory)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _directory = directory;
        using var connection = _dataSource.OpenConnection();
        SchemaMigrator.Migrate(connection, SchemaComponents.Registry, Schema);
    }

    public void Dispose() => _dataSource.Dispose();

    public RegisteredVersion AddVersion(string model, string modelVersion, string runId, Func<int, string> bundlePathOf, double groupedRocAuc, string registeredBy)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Lock(connection, transaction, model);
        using var next = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) + 1 FROM registry_versions WHERE model = @model", connection, transaction);
        next.Parameters.AddWithValue("model", model);
        var version = (int)next.ExecuteScalar()!;
        var path = bundlePathOf(version);
        var at = DateTimeOffset.UtcNow;
        using var insert = new NpgsqlCommand(
            "INSERT INTO registry_versions VALUES (@model, @version, @model_version, @run_id, @auc, @at, @by, @bundle)", connection, transaction);
        insert.Parameters.AddWithValue("model", model);
        insert.Parameters.AddWithValue("version", version);
        insert.Parameters.AddWithValue("model_version", modelVersion);
        insert.Parameters.AddWithValue("run_id", runId);
        insert.Parameters.AddWithValue("auc", groupedRocAuc);
        insert.Parameters.AddWithValue("at", at);
        insert.Parameters.AddWithValue("by", registeredBy);
        insert.Parameters.AddWithValue("bundle", File.ReadAllBytes(path));
        insert.ExecuteNonQuery();
        transaction.Commit();
        return new RegisteredVersion(model, version, modelVersion, runId, path, groupedRocAuc, at, registeredBy);
    }

    public IReadOnlyList<RegisteredVersion> Versions(string model) => ReadVersions(model, null);

    public RegisteredVersion? Version(string model, int version) => ReadVersions(model, version).SingleOrDefault();

    public IReadOnlyDictionary<string, int> Aliases(string model)
    {
        using var command = _dataSource.CreateCommand("SELECT alias, version FROM registry_aliases WHERE model = @model");
        command.Parameters.AddWithValue("model", model);
        using var reader = command.ExecuteReader();
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            aliases[reader.GetString(0)] = reader.GetInt32(1);
        }

        return aliases;
    }

    public AliasChange SetAlias(string model, string aliasName, int version, string action, string changedBy, string reason)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Lock(connection, transaction, model);
        using (var exists = new NpgsqlCommand("SELECT 1 FROM registry_versions WHERE model = @model AND version = @version", connection, transaction))
        {
            exists.Parameters.AddWithValue("model", model);
            exists.Parameters.AddWithValue("version", version);
            if (exists.ExecuteScalar() is null)
            {
                throw new RegistryException($"{model} has no version {version}");
            }
        }

        using var change = new NpgsqlCommand("""
            WITH previous AS (SELECT version FROM registry_aliases WHERE model = @model AND alias = @alias),
                 moved AS (
                     INSERT INTO registry_aliases VALUES (@model, @alias, @version)
                     ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version)
            INSERT INTO registry_history (model, alias, from_version, to_version, action, changed_by, changed_at, reason)
            VALUES (@model, @alias, (SELECT version FROM previous), @version, @action, @by, @at, @reason)
            RETURNING id, from_version
            """, connection, transaction);
        var at = DateTimeOffset.UtcNow;
        change.Parameters.AddWithValue("model", model);
        change.Parameters.AddWithValue("alias", aliasName);
        change.Parameters.AddWithValue("version", version);
        change.Parameters.AddWithValue("action", action);
        change.Parameters.AddWithValue("by", changedBy);
        change.Parameters.AddWithValue("at", at);
        change.Parameters.AddWithValue("reason", reason);
        long id;
        int? from;
        using (var reader = change.ExecuteReader())
        {
            reader.Read();
            id = reader.GetInt64(0);
            from = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, transaction))
        {
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", $"{model}:{aliasName}:{version}");
            notify.ExecuteNonQuery();
        }

        transaction.Commit();
        return new AliasChange(id, model, aliasName, from, version, action, changedBy, at, reason);
    }

    public IReadOnlyList<AliasChange> History(string model)
    {
        using var command = _dataSource.CreateCommand(
            "SELECT id, model, alias, from_version, to_version, action, changed_by, changed_at, reason FROM registry_history WHERE model = @model ORDER BY id");
        command.Parameters.AddWithValue("model", model);
        using var reader = command.ExecuteReader();
        var history = new List<AliasChange>();
        while (reader.Read())
        {
            history.Add(new AliasChange(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetString(8)));
        }

        return history;
    }

    /// <summary>The versions, each with its zip copied from the database into this instance's folder if it is not there yet.</summary>
    private List<RegisteredVersion> ReadVersions(string model, int? only)
    {
        using var command = _dataSource.CreateCommand(
            "SELECT model, version, model_version, run_id, grouped_roc_auc, registered_at, registered_by FROM registry_versions " +
            "WHERE model = @model AND (@version IS NULL OR version = @version) ORDER BY version");
        command.Parameters.AddWithValue("model", model);
        command.Parameters.Add(new NpgsqlParameter<int?>("version", only));
        var versions = new List<RegisteredVersion>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var version = reader.GetInt32(1);
                versions.Add(new RegisteredVersion(
                    reader.GetString(0), version, reader.GetString(2), reader.GetString(3), PathOf(version), reader.GetDouble(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
            }
        }

        foreach (var version in versions.Where(v => !File.Exists(v.BundlePath)))
        {
            Materialize(model, version);
        }

        return versions;
    }

    private void Materialize(string model, RegisteredVersion version)
    {
        using var command = _dataSource.CreateCommand("SELECT bundle FROM registry_versions WHERE model = @model AND version = @version");
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("version", version.Version);
        var bytes = (byte[])command.ExecuteScalar()!;
        AtomicFile.Write(version.BundlePath, stream => stream.Write(bytes));
    }

    /// <summary>Where <see cref="ModelRegistry.Register"/> puts a version's zip, the same on every instance.</summary>
    private string PathOf(int version) => Path.GetFullPath(Path.Combine(
        _directory, "versions", version.ToString(System.Globalization.CultureInfo.InvariantCulture), ModelBundle.FileName));

    private static void Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, string model)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('riskflag-registry:' || @model))", connection, transaction);
        command.Parameters.AddWithValue("model", model);
        command.ExecuteNonQuery();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
