using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Web;

/// <summary>A class fixture: one in-process site with its own model folder, serving <see cref="TrainedBundles.Primary"/>.</summary>
public class ServedSite : IDisposable
{
    public ServedSite()
        : this(TrainedBundles.Shared.Primary, null)
    {
    }

    protected ServedSite(TrainedModel? bundle, IReadOnlyDictionary<string, string?>? settings)
    {
        Model = bundle is null ? new ModelDirectory() : ModelDirectory.With(bundle);
        Factory = new RiskFlagWebFactory(Model, settings);
    }

    public ModelDirectory Model { get; }

    public RiskFlagWebFactory Factory { get; }

    public HttpClient CreateClient() => Factory.CreateClient();

    public void Dispose()
    {
        Factory.Dispose();
        Model.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A site started before any model was trained.</summary>
public sealed class SiteWithoutModel() : ServedSite(null, null);

/// <summary>A site with tiny body limits, so 413s are cheap to provoke.</summary>
public sealed class SiteWithSmallLimits() : ServedSite(TrainedBundles.Shared.Primary, new Dictionary<string, string?>
{
    ["Api:MaxPredictBytes"] = "2048",
    ["Batch:MaxUploadBytes"] = "4096",
});
