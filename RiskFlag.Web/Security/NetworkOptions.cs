namespace RiskFlag.Web.Security;

/// <summary>The "Network" configuration section: what stands between the clients and this instance.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// Load balancers and proxies (addresses, or networks such as 10.0.0.0/16) whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed, so limits per client address count the client and not the proxy. Loopback is
    /// always trusted; nothing else is unless listed.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
