using Microsoft.ML;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>What a training run produced: the served transform chain (features → trees) and its metadata, ready to be written as one zip.</summary>
public sealed record TrainedModel(MLContext Ml, ITransformer Transformer, DataViewSchema InputSchema, ModelBundle Bundle)
{
    public BundleManifest Manifest => Bundle.Manifest;

    public ModelMetrics Metrics => Bundle.Metrics;

    public IReadOnlyDictionary<string, string> Plots => Bundle.Plots;

    public void Write(string path) => ModelZip.Write(path, Ml, Transformer, InputSchema, Bundle);

    public void WriteTo(Stream stream) => ModelZip.WriteTo(stream, Ml, Transformer, InputSchema, Bundle);

    /// <summary>The model as the site would load it, without the round trip through a file.</summary>
    public RiskModel ToRiskModel() => RiskModel.Create(Ml, Transformer, InputSchema, Bundle);
}
