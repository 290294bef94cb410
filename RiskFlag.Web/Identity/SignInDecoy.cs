using System.Security.Cryptography;

using Microsoft.AspNetCore.Identity;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Spends on an e-mail that has no account the time a password check takes (the user store's own hasher, PBKDF2), so
/// how long a failed sign-in takes does not tell which e-mails have accounts.
/// </summary>
public sealed class SignInDecoy
{
    private static readonly IdentityUser Nobody = new("nobody");

    private string? _hash;

    public SignInResult Refuse(UserManager<IdentityUser> users, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => users.PasswordHasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));
        users.PasswordHasher.VerifyHashedPassword(Nobody, hash, password);
        return SignInResult.Failed;
    }
}
