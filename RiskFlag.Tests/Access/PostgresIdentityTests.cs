using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using Npgsql;

using RiskFlag.Tests.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Access;

/// <summary>With the decision log on PostgreSQL, users and roles live in the same database.</summary>
[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class PostgresIdentityTests(PostgresServer server)
{
    [Fact]
    public async Task Users_live_beside_the_decisions_and_survive_a_restart()
    {
        var connection = await NewDatabaseAsync();
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:RiskFlag"] = connection };

        using (var first = new RiskFlagWebFactory(model, settings))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/Decisions")).StatusCode);
        }

        using var second = new RiskFlagWebFactory(model, settings);
        using var client = second.CreateAnonymousClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = RiskFlagWebFactory.AdminEmail, password = RiskFlagWebFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"AspNetUsers\"", db);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        Assert.False(File.Exists(Path.Combine(model.Path, "identity.db")));
    }

    [Fact]
    public async Task Two_sites_starting_together_on_an_empty_database_both_come_up()
    {
        var connection = await NewDatabaseAsync();
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:RiskFlag"] = connection };
        using var one = new RiskFlagWebFactory(model, settings);
        using var two = new RiskFlagWebFactory(model, settings);

        var started = await Task.WhenAll(Task.Run(() => one.CreateClient().GetAsync("/api/model")), Task.Run(() => two.CreateClient().GetAsync("/api/model")));

        Assert.All(started, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_holds_on_another_because_the_keys_are_shared_too()
    {
        var connection = await NewDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:RiskFlag"] = connection };
        // Separate folders, so only the database can carry the keys from one instance to the other.
        using var folderOne = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var folderTwo = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var one = new RiskFlagWebFactory(folderOne, settings);
        using var two = new RiskFlagWebFactory(folderTwo, settings);
        using var signIn = one.CreateAnonymousClient();
        var login = await signIn.PostAsJsonAsync("/api/auth/login", new { email = RiskFlagWebFactory.AdminEmail, password = RiskFlagWebFactory.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        using var elsewhere = two.CreateAnonymousClient();
        elsewhere.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/model")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/decisions/export.csv")).StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folderTwo.Path, "keys"));
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", db);
        Assert.True((long)(await keys.ExecuteScalarAsync())! >= 1);
    }

    private Task<string> NewDatabaseAsync() => server.NewDatabaseAsync("identity");
}
