using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Identity.SingleSignOn;

public static class SingleSignOnRegistration
{
    /// <summary>
    /// The authority's sign-in for the pages (OpenID Connect code flow with PKCE into the <see cref="SingleSignOnSchemes.Cookie"/>
    /// cookie) and its access tokens for the API (JwtBearer), both mapped by <see cref="SingleSignOnPrincipal"/>.
    /// </summary>
    public static AuthenticationBuilder AddRiskSingleSignOn(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        var services = builder.Services;
        // A half-set authority would fail every request (its handler runs on each one): refuse to start instead, saying what is missing.
        services.AddOptions<SingleSignOnOptions>()
            .Bind(configuration.GetSection(SingleSignOnOptions.Section))
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.ClientId), "Auth:Oidc:ClientId is required when Auth:Oidc:Authority is set.")
            .Validate(o => !o.IsConfigured || (Uri.TryCreate(o.Authority, UriKind.Absolute, out var issuer) && issuer.Scheme is "https" or "http"), "Auth:Oidc:Authority must be an absolute address (the issuer, e.g. https://login.example.com/realm).")
            .ValidateOnStart();

        builder.AddCookie(SingleSignOnSchemes.Cookie, options =>
        {
            options.Cookie.Name = SingleSignOnSchemes.CookieName;
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: the first request after the authority's redirect back is a cross-site navigation.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.LoginPath = SignInPaths.SignIn;
            options.AccessDeniedPath = SignInPaths.Denied;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        builder.AddJwtBearer(SingleSignOnSchemes.Jwt);
        services.AddOptions<JwtBearerOptions>(SingleSignOnSchemes.Jwt).Configure<IOptions<SingleSignOnOptions>, ValidatedCredentials>((jwt, sso, cache) =>
        {
            var settings = sso.Value;
            jwt.Authority = settings.Authority;
            jwt.Audience = settings.ValidAudience;
            jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachedJsonWebTokenHandler(cache) { MapInboundClaims = false });
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    context.Principal = SingleSignOnPrincipal.From(context.Principal!, settings, SingleSignOnSchemes.Jwt);
                    return Task.CompletedTask;
                },
            };
        });

        // The handshake's handler runs on every request (it watches for its callback), so it exists only when an authority is
        // set. That is decided when the options are first read, not here, because test hosts add their settings after registration.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<SingleSignOnOptions>>((authentication, sso) =>
        {
            if (sso.Value.IsConfigured)
            {
                authentication.AddScheme<OpenIdConnectHandler>(SingleSignOnSchemes.OpenIdConnect, sso.Value.DisplayName);
            }
        });
        services.AddOptions<OpenIdConnectOptions>(SingleSignOnSchemes.OpenIdConnect).Configure<IOptions<SingleSignOnOptions>>((oidc, sso) =>
        {
            var settings = sso.Value;
            oidc.SignInScheme = SingleSignOnSchemes.Cookie;
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            oidc.UsePkce = true;
            oidc.MapInboundClaims = false;
            oidc.Scope.Add("email");
            oidc.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context =>
                {
                    context.Principal = SingleSignOnPrincipal.From(context.Principal!, settings, SingleSignOnSchemes.Cookie);
                    return Task.CompletedTask;
                },
                // A refused or broken handshake ends on the sign-in page with a message, not on an error page.
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect(SignInPaths.SignIn + "?sso=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        })
        .Validate(oidc =>
        {
            oidc.Validate();
            return true;
        });
        return builder;
    }

    public static bool IsSingleSignOnConfigured(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.IsConfigured;
}
