using System.Data.Common;

using Npgsql;

using NpgsqlTypes;

namespace RiskFlag.Core.Decisions;

/// <summary>The decision log in PostgreSQL, for a site that runs on more than one machine.</summary>
public sealed class PostgresDecisionLogStore(string connectionString) : SqlDecisionLogStore, IDisposable, IAsyncDisposable
{
    private static readonly string CopySql = $"COPY decisions ({DecisionColumns.List}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// A binary COPY: one round trip for the whole batch instead of one per row, and all-or-nothing like a
    /// transaction (an importer disposed before it completes cancels the copy).
    /// </summary>
    public override async Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var record in records)
        {
            await importer.StartRowAsync(cancellationToken);
            var row = new CopyRow(importer);
            DecisionColumns.Write(record, ref row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Writes into the importer's buffer; a full buffer is sent synchronously, which only ever blocks the
    /// log's own writer, never a request.
    /// </summary>
    private readonly struct CopyRow(NpgsqlBinaryImporter importer) : IDecisionRowWriter
    {
        public void WriteInt64(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void WriteInt32(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public void WriteDouble(double value) => importer.Write(value, NpgsqlDbType.Double);

        public void WriteText(string value) => importer.Write(value, NpgsqlDbType.Text);
    }
}
