using System.Net;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>The first administrator comes from Auth:AdminPassword; without one the site starts and says how to make one.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task Without_an_admin_password_the_site_starts_with_no_users_and_says_how_to_create_one()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["Auth:AdminPassword"] = null });
        using var client = factory.CreateAnonymousClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/SignIn"));

        Assert.Contains("No users exist yet", html, StringComparison.Ordinal);
        Assert.Contains("Auth__AdminPassword", html, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().Users);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_is_created_once_with_the_admin_role()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using (var first = new RiskFlagWebFactory(model))
        {
            first.CreateClient().Dispose();
        }

        // A second start with another password neither adds a user nor changes the first one's password.
        using var second = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["Auth:AdminPassword"] = "Another-Password-99" });
        using var scope = second.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var admin = Assert.Single(users.Users.ToList());
        Assert.Equal(RiskFlagWebFactory.AdminEmail, admin.Email);
        Assert.Equal([RiskRoles.Admin], await users.GetRolesAsync(admin));
        Assert.True(await users.CheckPasswordAsync(admin, RiskFlagWebFactory.Password));
    }

    [Fact]
    public void A_password_the_rules_refuse_stops_the_start_with_the_reason()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["Auth:AdminPassword"] = "short" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Auth:AdminPassword", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
    }
}
