using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RiskFlag.Web.Identity.ApiKeys;

/// <summary>
/// The key as a client sends it: <c>rfk_&lt;id&gt;_&lt;secret&gt;</c>. The prefix tells it apart from a sign-in token
/// (and lets secret scanners find leaked keys); the id finds the stored hash without a scan.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "rfk_";

    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    public static (string Id, string Secret) NewKey() =>
        (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes)), Base64Url(RandomNumberGenerator.GetBytes(SecretBytes)));

    public static string Format(string id, string secret) => $"{Prefix}{id}_{secret}";

    public static bool LooksLikeKey(string? token) => token is not null && token.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool TryParse(string? token, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = secret = null;
        if (!LooksLikeKey(token) || token!.Length != Prefix.Length + (IdBytes * 2) + 1 + 43 || token[Prefix.Length + (IdBytes * 2)] != '_')
        {
            return false;
        }

        id = token.Substring(Prefix.Length, IdBytes * 2);
        secret = token[(Prefix.Length + (IdBytes * 2) + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
