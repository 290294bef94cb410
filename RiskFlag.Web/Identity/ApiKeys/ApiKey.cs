namespace RiskFlag.Web.Identity.ApiKeys;

/// <summary>
/// A long-lived credential for a service, holding one role. Only the secret's SHA-256 is kept: the secret is 256
/// random bits, so a fast hash is enough (a slow password hash would sit on every request's path).
/// </summary>
public sealed class ApiKey
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }

    public required byte[] SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
