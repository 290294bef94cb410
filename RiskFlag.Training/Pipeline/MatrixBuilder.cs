using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Builds model inputs for a split through the serving <see cref="FeaturePipeline"/>. Training rows get
/// out-of-fold encodings (a row's own label never feeds its own city rate); validation rows get the
/// encodings fitted on all training rows, exactly as a new applicant will at serving time.
/// </summary>
public static class MatrixBuilder
{
    public static SplitMatrices Build(DataSplit split, FeatureSchema schema, int folds, double smoothing)
    {
        var width = schema.Width;
        var trainExamples = split.Train.Select(s => s.Example).ToList();
        var full = EncodingFitter.Fit(trainExamples, smoothing);

        var train = new float[split.Train.Count * width];
        for (var fold = 0; fold < folds; fold++)
        {
            var outOfFold = EncodingFitter.Fit(split.Train.Where(s => s.Fold != fold).Select(s => s.Example).ToList(), smoothing);
            var pipeline = new FeaturePipeline(schema, outOfFold);
            for (var row = 0; row < split.Train.Count; row++)
            {
                var example = split.Train[row];
                if (example.Fold == fold)
                {
                    pipeline.Transform(pipeline.Encode(example.Example.Applicant, example.Example.Keys), train.AsSpan(row * width, width));
                }
            }
        }

        var servingPipeline = new FeaturePipeline(schema, full);
        var validation = new float[split.Validation.Count * width];
        for (var row = 0; row < split.Validation.Count; row++)
        {
            var example = split.Validation[row].Example;
            servingPipeline.Transform(servingPipeline.Encode(example.Applicant, example.Keys), validation.AsSpan(row * width, width));
        }

        return new SplitMatrices(
            width,
            train,
            split.Train.Select(s => (float)s.Example.Label).ToArray(),
            split.Train.Select(s => (float)s.Weight).ToArray(),
            validation,
            split.Validation.Select(s => (float)s.Example.Label).ToArray(),
            split.Validation.Select(s => (float)s.Weight).ToArray(),
            full);
    }
}
