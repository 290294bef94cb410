using RiskFlag.Core.Engine;

namespace RiskFlag.Training.Pipeline;

/// <summary>Boosts on one split, stopping early on its validation side, and predicts that side.</summary>
public static class SplitTrainer
{
    public sealed record Result(byte[] ModelJson, int BestIteration, int Trees, float[] ValidationProbabilities);

    public static Result Train(SplitMatrices data, BoostingParameters boosting, IProgress<TrainingProgress>? progress = null)
    {
        using var train = DMatrix.FromDense(data.Train, data.TrainRows, data.Width, data.TrainLabels, data.TrainWeights);
        using var validation = DMatrix.FromDense(data.Validation, data.ValidationRows, data.Width, data.ValidationLabels, data.ValidationWeights);
        using var booster = Booster.Train(train, boosting.Parameters, boosting.Rounds, validation, boosting.EarlyStoppingRounds, progress);
        return new Result(booster.SaveModelJson(), booster.BestIteration, booster.Rounds, booster.Predict(validation));
    }
}
