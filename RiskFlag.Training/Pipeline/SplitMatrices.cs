using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>Row-major feature matrices, labels and weights for both sides of a split.</summary>
/// <param name="Serving">The pipeline with encodings fitted on the whole training side: what validation rows (and serving) see.</param>
public sealed record SplitMatrices(
    int Width,
    float[] Train,
    float[] TrainLabels,
    float[] TrainWeights,
    float[] Validation,
    float[] ValidationLabels,
    float[] ValidationWeights,
    FeaturePipeline Serving)
{
    public int TrainRows => TrainLabels.Length;

    public int ValidationRows => ValidationLabels.Length;
}
