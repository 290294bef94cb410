using RiskFlag.Core.Model;

namespace RiskFlag.Web.Serving;

/// <summary>Reads a model file and proves it can serve; the pool swaps a generation in only after this succeeds.</summary>
public interface IServableModelLoader
{
    /// <exception cref="RiskFlag.Core.Bundle.InvalidModelBundleException">The file cannot serve, with the reason.</exception>
    IServableModel Load(string path);
}
