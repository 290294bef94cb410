using Microsoft.ML;

using RiskFlag.Core.Features;
using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Builds model inputs for a split through the serving <see cref="FeaturePipeline"/>. Training rows get
/// out-of-fold encodings (a row's own label never feeds its own city rate); validation rows get the
/// encodings fitted on all training rows, exactly as a new applicant will at serving time.
/// </summary>
public static class MatrixBuilder
{
    public static SplitMatrices Build(MLContext ml, DataSplit split, FeatureSchema schema, int folds, double smoothing)
    {
        var width = schema.Width;
        var full = EncodingFitter.Fit(split.Train.Select(s => s.Example).ToList(), smoothing);

        var train = new float[split.Train.Count * width];
        for (var fold = 0; fold < folds; fold++)
        {
            var outOfFold = EncodingFitter.Fit(split.Train.Where(s => s.Fold != fold).Select(s => s.Example).ToList(), smoothing);
            var rows = new List<int>();
            for (var row = 0; row < split.Train.Count; row++)
            {
                if (split.Train[row].Fold == fold)
                {
                    rows.Add(row);
                }
            }

            var matrix = new FeaturePipeline(ml, schema, outOfFold)
            .TransformMany(rows.Select(r => ApplicantInput.From(split.Train[r].Example.Applicant)), rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                matrix.AsSpan(i * width, width).CopyTo(train.AsSpan(rows[i] * width, width));
            }
        }

        var serving = new FeaturePipeline(ml, schema, full);
        var validation = serving.TransformMany(split.Validation.Select(s => ApplicantInput.From(s.Example.Applicant)), split.Validation.Count);

        return new SplitMatrices(
            width,
            train,
            split.Train.Select(s => (float)s.Example.Label).ToArray(),
            split.Train.Select(s => (float)s.Weight).ToArray(),
            validation,
            split.Validation.Select(s => (float)s.Example.Label).ToArray(),
            split.Validation.Select(s => (float)s.Weight).ToArray(),
            serving);
    }
}
