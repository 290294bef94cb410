using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

public sealed class BoosterEarlyStoppingTests
{
    private const int Rounds = 400;
    private const int Patience = 10;

    [Fact]
    public void NoisyProblemStopsEarlyAndKeepsOnlyTheBestRounds()
    {
        // Heavy label noise and a high learning rate make the validation loss turn upwards quickly.
        LabeledRows trainRows = SyntheticCreditData.Generate(2_000, seed: 31, noise: 4);
        LabeledRows validRows = SyntheticCreditData.Generate(1_000, seed: 32, noise: 4);
        using DMatrix train = DMatrix.FromDense(trainRows.Features, trainRows.Rows, trainRows.Columns, trainRows.Labels);
        using DMatrix validation = DMatrix.FromDense(validRows.Features, validRows.Rows, validRows.Columns, validRows.Labels);
        var parameters = new Dictionary<string, string>(TrainedModelFixture.Parameters) { ["eta"] = "0.5", ["max_depth"] = "6" };
        var progress = new RecordingProgress();

        using Booster booster = Booster.Train(train, parameters, Rounds, validation, Patience, progress);

        Assert.InRange(booster.BestIteration, 0, Rounds - Patience - 2);
        Assert.Equal(booster.BestIteration + 1, booster.Rounds);
        Assert.Equal(booster.BestIteration + 1, TreeEnsemble.FromModelJson(booster.SaveModelJson()).TreeCount);

        // Training ran exactly Patience rounds past the best one, and the best had the lowest loss.
        Assert.Equal(booster.BestIteration + 1 + Patience, progress.Reports.Count);
        Assert.All(progress.Reports, report => Assert.Equal(Rounds, report.TotalRounds));
        Assert.Equal(Enumerable.Range(1, progress.Reports.Count), progress.Reports.Select(report => report.Round));
        double best = progress.Reports.Min(report => report.ValidationScore!.Value);
        Assert.Equal(best, booster.BestScore);
        Assert.Equal(best, progress.Reports[booster.BestIteration].ValidationScore);
    }

    [Fact]
    public void BestIterationAndScoreSurviveAJsonRoundTrip()
    {
        LabeledRows trainRows = SyntheticCreditData.Generate(1_000, seed: 41, noise: 4);
        LabeledRows validRows = SyntheticCreditData.Generate(500, seed: 42, noise: 4);
        using DMatrix train = DMatrix.FromDense(trainRows.Features, trainRows.Rows, trainRows.Columns, trainRows.Labels);
        using DMatrix validation = DMatrix.FromDense(validRows.Features, validRows.Rows, validRows.Columns, validRows.Labels);
        var parameters = new Dictionary<string, string>(TrainedModelFixture.Parameters) { ["eta"] = "0.5" };
        using Booster trained = Booster.Train(train, parameters, Rounds, validation, Patience);

        using Booster reloaded = Booster.LoadModelJson(trained.SaveModelJson());

        Assert.Equal(trained.BestIteration, reloaded.BestIteration);
        Assert.Equal(trained.BestScore, reloaded.BestScore);
        Assert.Equal(trained.Predict(validation), reloaded.Predict(validation));
    }

    /// <summary>Records synchronously; Progress&lt;T&gt; would post to the thread pool and race the assertions.</summary>
    private sealed class RecordingProgress : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
        }
    }
}
