using System.Data.Common;

using Microsoft.Data.Sqlite;

namespace RiskFlag.Core.Decisions;

/// <summary>The decision log in a local SQLite file (WAL mode, so the site's reads do not block its writer).</summary>
public sealed class SqliteDecisionLogStore : SqlDecisionLogStore
{
    private readonly string _connectionString;

    static SqliteDecisionLogStore() => SQLitePCL.Batteries_V2.Init();

    public SqliteDecisionLogStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
