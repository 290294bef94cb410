namespace RiskFlag.Web.Identity;

/// <summary>The "Auth" configuration section: the user store, the first administrator, sign-in limits and tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The SQLite file of users and roles (a relative path is looked up like Model:Path); unused when the decision log is on PostgreSQL.</summary>
    public string Database { get; set; } = "data/identity.db";

    /// <summary>Where the keys protecting cookies and tokens are kept (relative paths are looked up like Model:Path).</summary>
    public string KeysDirectory { get; set; } = "data/keys";

    /// <summary>With no users yet, an administrator is created with this e-mail and <see cref="AdminPassword"/>.</summary>
    public string AdminEmail { get; set; } = "admin@localhost";

    public string? AdminPassword { get; set; }

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Lifetime of the bearer tokens POST /api/auth/login hands out.</summary>
    public int TokenMinutes { get; set; } = 60;

    /// <summary>Sign-in attempts (page and API together) one IP address may make per minute before 429.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Scoring requests (form, predict, batch) one user or key may make per second, with bursts of twice that; 0 turns the limit off.</summary>
    public int ScoringPermitsPerSecond { get; set; } = 1000;

    /// <summary>Prometheus's token for GET /metrics (sent as a bearer token); or read from <see cref="MetricsTokenFile"/>.</summary>
    public string? MetricsToken { get; set; }

    public string? MetricsTokenFile { get; set; }
}
