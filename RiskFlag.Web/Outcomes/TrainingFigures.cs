using System.Collections.Concurrent;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Evaluation;
using RiskFlag.Web.Registry;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// A model version's metrics on its grouped validation set, from the model zip that holds them: the one serving, or
/// the registry's. A version's zip never changes, so what is found is kept.
/// </summary>
public sealed class TrainingFigures(RiskEnginePool pool, SiteRegistry registry)
{
    private readonly ConcurrentDictionary<string, BinaryMetrics> _known = new(StringComparer.Ordinal);

    public BinaryMetrics? GroupedOf(string modelVersion)
    {
        if (_known.TryGetValue(modelVersion, out var known))
        {
            return known;
        }

        var found = Served(modelVersion) ?? Registered(modelVersion);
        return found is null ? null : _known.GetOrAdd(modelVersion, found);
    }

    private BinaryMetrics? Served(string modelVersion) =>
        pool.ModelNames.Select(pool.GetServedModel).FirstOrDefault(m => m?.Version == modelVersion)?.Bundle.Metrics.Grouped;

    private BinaryMetrics? Registered(string modelVersion)
    {
        if (!registry.Exists)
        {
            return null;
        }

        var version = registry.Open().State().Versions.FirstOrDefault(v => v.ModelVersion == modelVersion);
        try
        {
            return version is null ? null : ModelZip.ReadBundle(version.BundlePath).Metrics.Grouped;
        }
        catch (InvalidModelBundleException)
        {
            // An old-format or missing zip: the page shows no training figures rather than failing.
            return null;
        }
    }
}
