using Microsoft.ML;

using RiskFlag.Core.Features;

namespace RiskFlag.Core.Model;

/// <summary>The ML.NET context every RiskFlag model is built and loaded with: it knows the project's custom mapping.</summary>
public static class RiskModelContext
{
    public static MLContext Create(int? seed = null)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(ApplicantFeatureMapping).Assembly);
        return ml;
    }
}
