using System.Net;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// The site on a real Kestrel socket (127.0.0.1, a free port), serving <see cref="TrainedBundles.Primary"/>: what
/// an outside scraper sees, Kestrel's own metrics included. Stopped on dispose.
/// </summary>
public sealed class KestrelSite : IDisposable
{
    public KestrelSite(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        Factory = new RiskFlagWebFactory(Model, settings);
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Assert.Equal("127.0.0.1", BaseAddress.Host);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Factory.TokenFor(RiskFlag.Web.Identity.RiskRoles.Admin));
    }

    public ModelDirectory Model { get; }

    public RiskFlagWebFactory Factory { get; }

    public Uri BaseAddress { get; }

    /// <summary>host:port, as a scrape target.</summary>
    public string Target => $"{BaseAddress.Host}:{BaseAddress.Port}";

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Model.Dispose();
    }
}
