using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace RiskFlag.Web.Identity;

/// <summary>Creates Identity's tables when they are missing, also inside a database that already holds the decision log.</summary>
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

    public static async Task EnsureAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        var creator = store.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        if (await TablesExistAsync(store, cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateTablesAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Another instance may have created them first; if not, this is the real failure.
            if (!await TablesExistAsync(store, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> TablesExistAsync(IdentityStore store, CancellationToken cancellationToken)
    {
        try
        {
            await store.Roles.AnyAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
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
