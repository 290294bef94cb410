namespace RiskFlag.Web.Identity.SingleSignOn;

/// <summary>
/// Auth:Oidc: an OpenID Connect authority (Entra ID, Okta, Keycloak, …) the pages sign in through and whose JWT access tokens
/// the API accepts. Off unless <see cref="Authority"/> is set; local users keep working beside it.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The issuer's base address; its /.well-known/openid-configuration gives the endpoints and signing keys.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The audience API access tokens must name; defaults to <see cref="ClientId"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim whose values are the site's roles (officer, analyst, …); values that are not roles are ignored.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the user's name and recorded in the audit; falls back to email, then the subject.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>What the sign-in page's button says.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Only for an authority on a private network without TLS (and tests): its metadata may then be fetched over http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public string? ValidAudience => string.IsNullOrWhiteSpace(Audience) ? ClientId : Audience;
}
