using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Audit;
using RiskFlag.Web.Identity.ApiKeys;
using RiskFlag.Web.Identity.SingleSignOn;
using RiskFlag.Web.Serving;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Users and roles (ASP.NET Core Identity), cookie sign-in for the pages, bearer tokens for the API, the policies and sign-in limits.</summary>
    public static IServiceCollection AddRiskIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));

        services.AddRiskDataProtection();
        services.AddDbContext<SqliteIdentityStore>((provider, options) =>
        {
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var path = ModelPathResolver.Resolve(provider.GetRequiredService<IOptions<AuthOptions>>().Value.Database, environment.ContentRootPath, Directory.GetCurrentDirectory());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            options.UseSqlite($"Data Source={path}");
        });
        services.AddSharedDatabase();
        services.AddDbContext<PostgresIdentityStore>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<SharedDatabase>().ConnectionString));
        services.AddScoped<IdentityStore>(provider =>
            provider.GetRequiredService<SharedDatabase>().IsConfigured
                ? provider.GetRequiredService<PostgresIdentityStore>()
                : provider.GetRequiredService<SqliteIdentityStore>());

        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A disabled user's or a changed password's cookie stops working within a minute, not at its expiry.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(SchemeSelector.Scheme)
            .AddPolicyScheme(SchemeSelector.Scheme, "Cookie for pages, bearer token for the API", options => options.ForwardDefaultSelector = SchemeSelector.Select)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "riskflag.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = SignInPaths.SignIn;
                options.LogoutPath = SignInPaths.SignOut;
                options.AccessDeniedPath = SignInPaths.Denied;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ScrapeTokenHandler>(ScrapeTokenHandler.SchemeName, null)
            .AddRiskSingleSignOn(configuration);
        services.AddSingleton<ScrapeToken>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<SignInDecoy>();
        services.AddScoped<UserDirectory>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<ApiKeyDirectory>();
        services.AddScoped<AuditTrail>();

        services.AddAuthorizationBuilder().AddRiskPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OpenEndpointRejections>();
        services.AddRateLimiter(_ => { });

        // Read from the options when the services are built, not now: test hosts add their settings after registration.
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });
        services.AddSingleton<ValidatedCredentials>();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.TokenMinutes))
            .PostConfigure<ValidatedCredentials>((bearer, cache) => bearer.BearerTokenProtector = new CachedTicketProtector(bearer.BearerTokenProtector, cache));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((limits, auth) =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = RequestLimits.RejectAsync;
            RequestLimits.AddPolicies(limits, auth.Value);
        });
        services.AddSingleton<IdentityBootstrap>();
        services.AddHostedService(provider => provider.GetRequiredService<IdentityBootstrap>());
        return services;
    }
}
