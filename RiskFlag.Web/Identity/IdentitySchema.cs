using System.Data.Common;
using System.Reflection;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RiskFlag.Web.Identity;

/// <summary>Brings the user store's tables to the current version at start, one instance at a time.</summary>
public static class IdentitySchema
{
    /// <summary>PostgreSQL's session advisory lock key for the start-up work on the user store.</summary>
    public const long StartLockKey = 0x5269736B466C6167; // "RiskFlag"

    /// <summary>
    /// On PostgreSQL, holds an advisory lock on the store's connection until disposed, so instances starting together
    /// create the tables, roles and administrator one after the other. SQLite serialises writers by itself.
    /// </summary>
    public static async Task<IAsyncDisposable> LockAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        if (!store.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }

        // The connection stays open for the scope, so every command of the start-up runs on the locked session.
        await store.Database.OpenConnectionAsync(cancellationToken);
        await store.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartLockKey})", cancellationToken);
        return new AdvisoryLock(store);
    }

    /// <summary>Applies the store's EF Core migrations (it creates the tables, also beside the decision log).</summary>
    public static async Task EnsureAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        await AdoptTablesMadeBeforeMigrationsAsync(store, cancellationToken);
        await store.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A store first created before it had migrations holds exactly the first migration's tables but no history; it
    /// is recorded as applied, so the later migrations run on it instead of the first one failing on existing tables.
    /// </summary>
    private static async Task AdoptTablesMadeBeforeMigrationsAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        var history = store.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken) || !await TablesExistAsync(store, cancellationToken))
        {
            return;
        }

        var first = store.Database.GetMigrations().First();
        var version = typeof(Migration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var script = history.GetCreateIfNotExistsScript() + history.GetInsertScript(new HistoryRow(first, version));
        await store.Database.ExecuteSqlRawAsync(script, cancellationToken);
    }

    /// <summary>Asks the catalogue rather than querying the table, so a new store does not log a failed command.</summary>
    private static async Task<bool> TablesExistAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        var count = store.Database.IsNpgsql()
            ? store.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'AspNetRoles'")
            : store.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'AspNetRoles'");
        return await count.SingleAsync(cancellationToken) > 0;
    }

    private sealed class AdvisoryLock(IdentityStore store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await store.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartLockKey})");
            await store.Database.CloseConnectionAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
