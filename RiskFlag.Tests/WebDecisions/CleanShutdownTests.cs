using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>Stopping the site under load: every prediction answered with 200 is in the log afterwards.</summary>
public sealed class CleanShutdownTests
{
    private const int Clients = 16;

    [Fact]
    public async Task ACleanShutdownUnderLoadLosesNoDecision()
    {
        // A real Kestrel socket: its graceful stop finishes the requests in flight before the log is flushed.
        using var site = new DecisionSite(new Dictionary<string, string?> { ["Decisions:BatchSize"] = "50" });
        site.Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site.Factory.StartServer();
        var address = new Uri(site.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var writer = site.Writer;
        var token = site.Factory.TokenFor(RiskFlag.Web.Identity.RiskRoles.Officer);

        var succeeded = 0;
        var started = 0;
        using var stop = new CancellationTokenSource();
        async Task Client(int seed)
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var body = Applicants.ToJson(Applicants.Valid(seed));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Interlocked.Increment(ref started);
                    using var response = await client.PostAsJsonAsync("/api/predict", body);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref succeeded);
                    }
                }
                catch (HttpRequestException)
                {
                    // The server stopped accepting connections: this request was not served.
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => Client(i))).ToArray();
        await Eventually.AssertAsync(() => Task.FromResult(Volatile.Read(ref succeeded) >= 500), "load to build up");

        // Stop the host (StopAsync, then dispose) while the clients are still sending.
        await Task.Run(site.Factory.Dispose);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Equal(0, writer.Dropped);
        Assert.Equal(0, writer.Failed);
        using var store = new SqliteDecisionLogStore(site.DatabasePath);
        Assert.Equal(succeeded, await store.CountAsync(new DecisionQuery()));
        Assert.True(succeeded >= 500);
    }
}
