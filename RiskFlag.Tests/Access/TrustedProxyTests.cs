using System.Net;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Security;

namespace RiskFlag.Tests.Access;

/// <summary>Behind the fleet's load balancer: two sign-in attempts a minute per client, the 10.x network trusted to name it.</summary>
public sealed class BehindLoadBalancerSite() : ServedSite(TrainedBundles.Shared.Primary, new Dictionary<string, string?>
{
    ["Auth:SignInPermitsPerMinute"] = "2",
    ["Network:TrustedProxies:0"] = "10.0.0.0/8",
    ["Network:TrustedProxies:1"] = "192.0.2.7",
    ["Network:ProxyHops"] = "2",
});

public sealed class TrustedProxyTests(BehindLoadBalancerSite site) : IClassFixture<BehindLoadBalancerSite>, IDisposable
{
    // A host of each test's own (so each starts with fresh budgets), with the site's settings.
    private readonly WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService> _site = site.Factory;

    private WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService>? _host;

    private int? _hops;

    private HttpClient Client => field ??= Host.CreateClient();

    private WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService> Host => _host ??= _site.WithWebHostBuilder(host =>
    {
        host.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionFrom>());
        if (_hops is { } hops)
        {
            host.ConfigureTestServices(services => services.PostConfigure<NetworkOptions>(network => network.ProxyHops = hops));
        }
    });

    public void Dispose() => _host?.Dispose();

    [Fact]
    public async Task Behind_a_trusted_balancer_each_client_has_its_own_sign_in_budget()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SignInAsync(from: "10.1.2.3", forwardedFor: "198.51.100.1"));
        }

        var otherClient = await SignInAsync(from: "10.1.2.3", forwardedFor: "198.51.100.2");
        // Through two trusted hops (a balancer in front of nginx), the first untrusted address is the client.
        var throughTwo = await SignInAsync(from: "192.0.2.7", forwardedFor: "198.51.100.3, 10.9.9.9");

        Assert.Equal([401, 401, 429], statuses);
        Assert.Equal(401, otherClient);
        Assert.Equal(401, throughTwo);
    }

    [Fact]
    public async Task An_untrusted_sender_cannot_pick_a_fresh_address_with_the_header()
    {
        var first = await SignInAsync(from: "203.0.113.9", forwardedFor: "198.51.100.11");
        var second = await SignInAsync(from: "203.0.113.9", forwardedFor: "198.51.100.12");
        var third = await SignInAsync(from: "203.0.113.9", forwardedFor: "198.51.100.13");

        Assert.Equal([401, 401, 429], new[] { first, second, third });
    }

    [Fact]
    public async Task An_entry_the_client_wrote_is_never_read_past_the_configured_hops()
    {
        // One proxy in line: it appended the client's own address (inside a trusted network here) to a made-up entry.
        _hops = 1;

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SignInAsync(from: "10.1.2.3", forwardedFor: $"198.51.100.{20 + i}, 10.7.7.7"));
        }

        Assert.Equal([401, 401, 429], statuses);
    }

    [Fact]
    public void A_trusted_proxy_that_is_not_an_address_stops_the_start_with_the_entry_named()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["Network:TrustedProxies:0"] = "10.0.0.0/99" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Network:TrustedProxies: \"10.0.0.0/99\"", failure.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> SignInAsync(string from, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent("""{"email":"guess@riskflag.test","password":"wrong"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ConnectionFrom.Header, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (int)(await Client.SendAsync(request)).StatusCode;
    }

    /// <summary>The test server has no network: this puts the address a request "arrives from" on its connection.</summary>
    private sealed class ConnectionFrom : IStartupFilter
    {
        public const string Header = "X-Test-Connection-From";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].ToString());
                return following(context);
            });
            next(app);
        };
    }
}
