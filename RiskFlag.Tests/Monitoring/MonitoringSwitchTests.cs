using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Monitoring:Enabled=false leaves every instrument of the site unmeasured, which is what its cost is measured against.</summary>
public sealed class MonitoringSwitchTests
{
    [Fact]
    public async Task Switched_off_no_listener_measures_the_sites_instruments_and_switched_on_they_are_measured()
    {
        using var off = new UnmonitoredSite();
        using var on = new MonitoredSite();
        await off.CreateClient().PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(41, 1)));
        await on.CreateClient().PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(41, 1)));

        var unmeasured = SiteInstruments(off.Factory.Services);
        var measured = SiteInstruments(on.Factory.Services);

        Assert.Contains(unmeasured, i => i.Name == "riskflag.predictions");
        Assert.All(unmeasured, i => Assert.False(i.Enabled, $"{i.Meter.Name}/{i.Name} is measured with monitoring off"));
        Assert.Contains(measured, i => i.Name == "riskflag.predictions" && i.Enabled);
        Assert.Contains(measured, i => i.Name == "http.server.request.duration" && i.Enabled);
    }

    /// <summary>The instruments of the site's own meter factory (its own, ASP.NET Core's) that exist now.</summary>
    private static List<Instrument> SiteInstruments(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var found = new List<Instrument>();
        // A listener that only looks: Enabled says whether any other listener (the site's meter provider) measures.
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name is RiskMetrics.MeterName or "Microsoft.AspNetCore.Hosting")
                {
                    found.Add(instrument);
                }
            },
        };
        listener.Start();
        return found;
    }
}
