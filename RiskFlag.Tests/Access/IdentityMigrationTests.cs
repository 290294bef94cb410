using System.Net;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Tests.Access;

/// <summary>The user store is kept current by EF Core migrations at start, also for a store made before it had migrations.</summary>
public sealed class IdentityMigrationTests
{
    [Fact]
    public async Task A_store_created_before_migrations_is_adopted_and_gains_the_new_tables()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        var database = Path.Combine(model.Path, "identity.db");
        await CreateAsTheFirstReleaseDidAsync(database);

        using var factory = new RiskFlagWebFactory(model);
        using var admin = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);

        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyDirectory>().CreateAsync("test", "after-upgrade", RiskRoles.Officer);
        Assert.Null(created.Problem);
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        Assert.Empty(await store.Database.GetPendingMigrationsAsync());
        Assert.Equal(store.Database.GetMigrations(), await store.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_new_store_is_created_by_the_migrations_and_matches_the_model()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model);
        factory.CreateClient().Dispose();

        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        Assert.Equal(store.Database.GetMigrations(), await store.Database.GetAppliedMigrationsAsync());
        Assert.False(store.Database.HasPendingModelChanges());
    }

    /// <summary>The first release made the tables straight from the model of that time, which is the first migration, and kept no history.</summary>
    private static async Task CreateAsTheFirstReleaseDidAsync(string database)
    {
        var options = new DbContextOptionsBuilder<SqliteIdentityStore>().UseSqlite($"Data Source={database};Pooling=False").Options;
        await using var store = new SqliteIdentityStore(options);
        var first = store.Database.GetMigrations().First();
        await store.GetService<IMigrator>().MigrateAsync(first);
        await store.Database.ExecuteSqlRawAsync("DROP TABLE __EFMigrationsHistory; DROP TABLE IF EXISTS __EFMigrationsLock;");
        Assert.False(await store.GetService<IHistoryRepository>().ExistsAsync());
    }
}
