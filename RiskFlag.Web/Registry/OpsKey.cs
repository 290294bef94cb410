using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Registry;

/// <summary>The operators' shared secret (Model:ReloadKey): reloading, promoting and rolling back all need it.</summary>
public sealed class OpsKey(IOptions<ModelOptions> options)
{
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.ReloadKey);

    /// <summary>Compares hashes in constant time, so the answer's timing does not leak the key.</summary>
    public bool Matches(string? given)
    {
        var expected = options.Value.ReloadKey;
        return !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
