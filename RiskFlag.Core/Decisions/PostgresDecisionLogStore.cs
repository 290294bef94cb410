using System.Data.Common;

using Npgsql;

namespace RiskFlag.Core.Decisions;

/// <summary>The decision log in PostgreSQL, for a site that runs on more than one machine.</summary>
public sealed class PostgresDecisionLogStore(string connectionString) : SqlDecisionLogStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);
}
