using System.Text;

using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

/// <summary>What the web tier relies on: no allocations per request, safe sharing, clear argument errors.</summary>
[Collection(TrainedModelCollectionDefinition.Name)]
public sealed class TreeEnsembleServingTests(TrainedModelFixture model)
{
    [Fact]
    public void ScoringAllocatesNothing()
    {
        var contributions = new double[model.Ensemble.FeatureCount + 1];
        ScoreRows(contributions);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ScoreRows(contributions);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ConcurrentScoringGivesTheSequentialResults()
    {
        int rows = 500;
        var sequential = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            sequential[row] = ScoreWithContributions(row, new double[model.Ensemble.FeatureCount + 1]);
        }

        var concurrent = new double[rows];
        Parallel.For(
            0,
            rows * 4,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            () => new double[model.Ensemble.FeatureCount + 1],
            (i, _, buffer) =>
            {
                concurrent[i % rows] = ScoreWithContributions(i % rows, buffer);
                return buffer;
            },
            _ => { });

        Assert.Equal(sequential, concurrent);
    }

    [Fact]
    public void WrongFeatureCountIsRejected()
    {
        var contributions = new double[model.Ensemble.FeatureCount + 1];

        Assert.Throws<ArgumentException>(() => model.Ensemble.PredictMargin(new float[model.Ensemble.FeatureCount - 1]));
        Assert.Throws<ArgumentException>(() => model.Ensemble.ExactContributions(new float[model.Ensemble.FeatureCount], new double[2]));
        Assert.Throws<ArgumentException>(() => model.Ensemble.ApproximateContributions(new float[1], contributions));
    }

    [Fact]
    public void ModelsItCannotScoreExactlyAreRejected()
    {
        string json = Encoding.UTF8.GetString(model.ModelJson);
        byte[] regression = Encoding.UTF8.GetBytes(json.Replace("\"binary:logistic\"", "\"reg:squarederror\"", StringComparison.Ordinal));

        Assert.Throws<InvalidDataException>(() => TreeEnsemble.FromModelJson(regression));
        Assert.Throws<InvalidDataException>(() => TreeEnsemble.FromModelJson("""{"learner":{}}"""u8));
        Assert.Throws<InvalidDataException>(() => TreeEnsemble.FromModelJson(model.ModelJson.AsSpan(0, model.ModelJson.Length / 2)));
    }

    private void ScoreRows(double[] contributions)
    {
        for (int row = 0; row < 50; row++)
        {
            ReadOnlySpan<float> features = model.Evaluation.Row(row);
            model.Ensemble.PredictProbability(features);
            model.Ensemble.ApproximateContributions(features, contributions);
            model.Ensemble.ExactContributions(features, contributions);
        }
    }

    private double ScoreWithContributions(int row, double[] buffer)
    {
        ReadOnlySpan<float> features = model.Evaluation.Row(row);
        model.Ensemble.ExactContributions(features, buffer);
        double exact = buffer.Sum();
        model.Ensemble.ApproximateContributions(features, buffer);
        return model.Ensemble.PredictProbability(features) + exact + buffer.Sum();
    }
}
