using System.Data.Common;

using Microsoft.Data.Sqlite;

using Npgsql;

using RiskFlag.Core.Schema;
using RiskFlag.Tests.Decisions;

namespace RiskFlag.Tests.Schema;

/// <summary>The one mechanism every store's tables change by, on both engines.</summary>
public abstract class SchemaMigratorContract
{
    protected static readonly SchemaStep Notes = SchemaStep.Sql(1, "notes", "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    protected static readonly SchemaStep Authors = SchemaStep.Sql(2, "authors", "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''");

    protected abstract DbConnection Open();

    [Fact]
    public void Each_step_runs_once_and_a_later_release_adds_only_its_own()
    {
        using var connection = Open();

        var first = SchemaMigrator.Migrate(connection, "notes", [Notes]);
        var again = SchemaMigrator.Migrate(connection, "notes", [Notes]);
        var upgrade = SchemaMigrator.Migrate(connection, "notes", [Notes, Authors]);
        Execute(connection, "INSERT INTO notes (id, body, author) VALUES (1, 'kept', 'a')");
        var later = SchemaMigrator.Migrate(connection, "notes", [Notes, Authors]);

        Assert.Equal([1], first);
        Assert.Empty(again);
        Assert.Equal([2], upgrade);
        Assert.Empty(later);
        Assert.Equal([(1, "notes"), (2, "authors")], SchemaMigrator.History(connection, "notes"));
        Assert.Empty(SchemaMigrator.History(connection, "other"));
    }

    [Fact]
    public void Tables_an_earlier_release_made_are_adopted_with_their_rows()
    {
        using var connection = Open();
        Execute(connection, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes VALUES (7, 'from before')");

        Assert.Equal([1, 2], SchemaMigrator.Migrate(connection, "notes", [Notes, Authors]));
        Assert.Equal("from before", Scalar(connection, "SELECT body FROM notes WHERE id = 7"));
    }

    [Fact]
    public void A_failing_step_leaves_the_database_as_it_was()
    {
        using var connection = Open();
        SchemaMigrator.Migrate(connection, "notes", [Notes]);
        var broken = new SchemaStep(3, "breaks halfway", command =>
        {
            command.CommandText = "CREATE TABLE tags (name TEXT)";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT no_such_column FROM notes";
            command.ExecuteNonQuery();
        });

        Assert.ThrowsAny<DbException>(() => SchemaMigrator.Migrate(connection, "notes", [Notes, Authors, broken]));

        Assert.Equal([(1, "notes")], SchemaMigrator.History(connection, "notes"));
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection, TableCountSql("tags"))));
        Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection, "notes", [Authors]));
    }

    protected abstract string TableCountSql(string table);

    protected static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

public sealed class SqliteSchemaMigratorTests : SchemaMigratorContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.db");

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    protected override string TableCountSql(string table) => $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";

    public void Dispose() => File.Delete(_path);
}

[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class PostgresSchemaMigratorTests(PostgresServer server) : SchemaMigratorContract, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await server.NewDatabaseAsync("schema");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    protected override string TableCountSql(string table) => $"SELECT count(*) FROM pg_tables WHERE tablename = '{table}'";

    [Fact]
    public async Task Starts_racing_on_an_empty_database_take_turns_and_each_step_runs_once()
    {
        var starts = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            using var connection = Open();
            return SchemaMigrator.Migrate(connection, "notes", [Notes, Authors]);
        }));

        var applied = await Task.WhenAll(starts);

        Assert.Equal([1, 2], applied.SelectMany(versions => versions).Order());
        using var check = Open();
        Assert.Equal(2L, Convert.ToInt64(Scalar(check, "SELECT count(*) FROM schema_history WHERE component = 'notes'")));
    }
}
