using System.Data.Common;
using System.Text;

using Microsoft.Data.Sqlite;

using SQLitePCL;

namespace RiskFlag.Core.Decisions;

/// <summary>The decision log in a local SQLite file (WAL mode, so the site's reads do not block its writer).</summary>
public sealed class SqliteDecisionLogStore : SqlDecisionLogStore
{
    private static readonly string InsertSql =
        $"INSERT INTO decisions ({DecisionColumns.List}) VALUES ({string.Join(", ", DecisionColumns.Names.Select((_, i) => $"?{i + 1}"))})";

    private readonly string _connectionString;

    static SqliteDecisionLogStore() => Batteries_V2.Init();

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

    /// <summary>
    /// One prepared statement stepped once per record on the connection's own handle. ADO.NET parameters
    /// (boxing, per-execute type inference, a reader per insert) cost about as much per row as SQLite's
    /// own work, and this runs on the same cores as the requests whose decisions it stores.
    /// </summary>
    public override async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, InsertSql, out var statement), database);
        using (statement)
        {
            foreach (var record in records)
            {
                var binder = new StatementBinder(statement, database);
                DecisionColumns.Write(record, ref binder);
                var result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result, database);
                }

                raw.sqlite3_reset(statement);
            }
        }

        transaction.Commit();
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    /// <summary>Binds a row's values to the statement's parameters 1…n in column order.</summary>
    private struct StatementBinder(sqlite3_stmt statement, sqlite3 database) : IDecisionRowWriter
    {
        private int _index;

        public void WriteInt64(long value) => Check(raw.sqlite3_bind_int64(statement, ++_index, value), database);

        public void WriteInt32(int value) => Check(raw.sqlite3_bind_int(statement, ++_index, value), database);

        public void WriteDouble(double value) => Check(raw.sqlite3_bind_double(statement, ++_index, value), database);

        // Encoded here into a stack buffer (vectorised, no allocation) rather than handed over as UTF-16 for SQLite
        // to translate; SQLite copies the bytes before the call returns. An empty span has no address, which
        // SQLite would store as NULL, so "" goes through the overload that passes a terminated empty string.
        public void WriteText(string value)
        {
            if (value.Length == 0)
            {
                Check(raw.sqlite3_bind_text(statement, ++_index, string.Empty), database);
                return;
            }

            const int StackLimit = 512;
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
            var written = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(statement, ++_index, buffer[..written]), database);
        }
    }
}
