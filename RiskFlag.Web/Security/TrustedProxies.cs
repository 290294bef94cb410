using System.Net;

using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Security;

/// <summary>
/// The client's address and scheme as the trusted load balancer saw them (ASP.NET Core's forwarded-headers middleware).
/// Behind nginx or an ALB every request otherwise comes from the balancer, and one address's sign-in budget would be
/// everybody's.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkOptions>(configuration.GetSection(NetworkOptions.Section));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Back through at most the configured hops, and only while the sender is trusted.
            forwarded.ForwardLimit = Math.Max(1, network.Value.ProxyHops);
            foreach (var entry in network.Value.TrustedProxies.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry.Trim()))
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(entry, out var range))
                {
                    forwarded.KnownIPNetworks.Add(range);
                }
                else
                {
                    throw new OptionsValidationException(NetworkOptions.Section, typeof(NetworkOptions),
                        [$"Network:TrustedProxies: \"{entry[..Math.Min(entry.Length, 100)]}\" is neither an IP address nor a network such as 10.0.0.0/16"]);
                }
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (limits, logs, the error page) sees the client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
