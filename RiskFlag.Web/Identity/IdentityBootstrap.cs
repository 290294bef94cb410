using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Identity;

/// <summary>
/// At start: the user store's tables and the site's roles, and, while there are no users, the first administrator from
/// Auth:AdminEmail and Auth:AdminPassword. Without a password the site still starts, says how to create one, and nobody
/// can sign in.
/// </summary>
public sealed partial class IdentityBootstrap(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<IdentityBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        await using var startLock = await IdentitySchema.LockAsync(store, cancellationToken);
        await IdentitySchema.EnsureAsync(store, cancellationToken);
        DataProtectionKeys.EnsureKey(scope.ServiceProvider);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in RiskRoles.All)
        {
            try
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
                }
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same time may have created it; if not, this is the real failure.
                store.ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }

        if (await store.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AdminPassword))
        {
            LogNoAdministrator(logger, settings.AdminEmail);
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var admin = new IdentityUser { UserName = settings.AdminEmail, Email = settings.AdminEmail, EmailConfirmed = true };
        try
        {
            Check(await users.CreateAsync(admin, settings.AdminPassword), "Auth:AdminPassword");
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time may have created the administrator (it gives the role too).
            store.ChangeTracker.Clear();
            if (await users.FindByEmailAsync(settings.AdminEmail) is null)
            {
                throw;
            }

            return;
        }

        Check(await users.AddToRoleAsync(admin, RiskRoles.Admin), "the administrator's role");
        LogAdministratorCreated(logger, settings.AdminEmail);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users yet, so nobody can sign in: set Auth__AdminPassword (and Auth__AdminEmail, default {Email}) and restart to create an administrator, or run: RiskFlag.Web users create <email> --roles admin")]
    private static partial void LogNoAdministrator(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator {Email} from Auth:AdminPassword")]
    private static partial void LogAdministratorCreated(ILogger logger, string email);
}
