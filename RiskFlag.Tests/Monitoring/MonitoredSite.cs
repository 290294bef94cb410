using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>An in-process site with a small drift window, and a helper to read its /metrics.</summary>
public class MonitoredSite : ServedSite
{
    public const int DriftWindow = 500;

    /// <summary>Few enough that a test's handful of outcomes gets a live AUC.</summary>
    public const int MinimumOutcomes = 4;

    public MonitoredSite()
        : this(new Dictionary<string, string?>())
    {
    }

    protected MonitoredSite(IReadOnlyDictionary<string, string?> settings)
        : base(TrainedBundles.Shared.Primary, new Dictionary<string, string?>(settings)
        {
            ["Monitoring:DriftWindow"] = DriftWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Model:DebounceMilliseconds"] = "600000",
            ["Outcomes:MinimumOutcomes"] = MinimumOutcomes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
    {
    }

    public static async Task<IReadOnlyList<ExpositionSample>> ScrapeAsync(HttpClient client) =>
        ExpositionSamples.Parse(await client.GetStringAsync("/metrics"));
}

/// <summary>A site with monitoring switched off, as measured for the cost of metrics.</summary>
public sealed class UnmonitoredSite() : MonitoredSite(new Dictionary<string, string?> { ["Monitoring:Enabled"] = "false" });
