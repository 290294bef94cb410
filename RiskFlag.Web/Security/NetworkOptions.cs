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

    /// <summary>
    /// How many trusted proxies stand in line before this instance (1: nginx or an ALB; 2: an ALB in front of nginx). The
    /// client is read that many entries from the end of X-Forwarded-For and no further, so an entry a client wrote
    /// itself is never believed, even when the client's own address lies in a trusted network.
    /// </summary>
    public int ProxyHops { get; set; } = 1;
}
