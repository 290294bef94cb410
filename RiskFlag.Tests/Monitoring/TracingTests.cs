using System.Diagnostics;
using System.Net;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using OpenTelemetry.Trace;

using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Traces go out over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, and nothing is registered when it is not.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task The_site_without_an_otlp_endpoint_registers_no_tracer_provider()
    {
        using var site = new MonitoredSite();
        await site.CreateClient().GetAsync("/health/live");

        Assert.Null(site.Factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_each_request_is_a_span_with_the_sites_child_spans_and_scrapes_are_left_out()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await TracedAppAsync(new Dictionary<string, string?>
        {
            [TracingServiceCollectionExtensions.OtlpEndpointSetting] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        await client.GetStringAsync("/metrics");
        Assert.Equal("scored", await client.GetStringAsync("/score"));

        // The child span ends inside the handler, the request's span only after the response: under load the batch
        // exporter can send them in different exports, so wait for each rather than for the first.
        await WaitForAsync(collector, "score-applicant", TimeSpan.FromSeconds(15));
        var exported = await WaitForAsync(collector, "/score", TimeSpan.FromSeconds(15));
        Assert.Contains(RiskOpenTelemetry.ServiceName, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("/metrics", exported, StringComparison.Ordinal);
        Assert.All(collector.Exports, e => Assert.Equal("/v1/traces", e.Path));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_tracer_provider_is_registered_and_requests_are_served()
    {
        await using var app = await TracedAppAsync(new Dictionary<string, string?>());

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Equal("scored", await new HttpClient { BaseAddress = new Uri(app.Urls.Single()) }.GetStringAsync("/score"));
    }

    /// <summary>A small site on 127.0.0.1 with the site's tracing registration and an endpoint that starts a child span.</summary>
    private static async Task<WebApplication> TracedAppAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddRiskTracing(builder.Configuration);
        var app = builder.Build();
        app.MapGet("/score", () =>
        {
            using var span = RiskActivitySource.Instance.StartActivity("score-applicant");
            return "scored";
        });
        app.MapGet("/metrics", () => "# no metrics here");
        await app.StartAsync();
        return app;
    }

    /// <returns>All the trace exports so far as text, once one mentions <paramref name="text"/>.</returns>
    private static async Task<string> WaitForAsync(OtlpReceiver collector, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            // OTLP is protobuf, but span names and attribute values are stored as plain UTF-8 inside it.
            var exported = string.Concat(collector.Exports.Select(e => Encoding.UTF8.GetString(e.Body)));
            if (exported.Contains(text, StringComparison.Ordinal))
            {
                return exported;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no span {text} reached the collector in {timeout.TotalSeconds} s ({collector.Exports.Count} exports)");
        return string.Empty;
    }
}
