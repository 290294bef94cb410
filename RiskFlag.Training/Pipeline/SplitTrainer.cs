using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>Boosts with LightGBM on one split, stopping early on its validation side, and predicts that side.</summary>
public static class SplitTrainer
{
    /// <param name="ValidationLogLoss">Weighted validation log loss after each round.</param>
    public sealed record Result(
        BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> Model,
        int BestIteration,
        int Trees,
        float[] ValidationProbabilities,
        double[] ValidationLogLoss)
    {
        public LightGbmBinaryModelParameters Trained => Model.Model.SubModel;
    }

    public static Result Train(MLContext ml, SplitMatrices data, BoostingParameters boosting)
    {
        var train = FeatureRow.View(ml, data.Train, data.Width, data.TrainLabels, data.TrainWeights);
        var validation = FeatureRow.View(ml, data.Validation, data.Width, data.ValidationLabels, data.ValidationWeights);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(Options(boosting));
        var model = boosting.EarlyStoppingRounds > 0 && data.ValidationRows > 0 ? trainer.Fit(train, validation) : trainer.Fit(train);

        var scored = model.Transform(validation);
        var probabilities = scored.GetColumn<float>(ModelColumns.Probability).ToArray();
        var ensemble = model.Model.SubModel.TrainedTreeEnsemble;
        var curve = LearningCurve.LogLoss(ensemble, data.Validation, data.Width, data.ValidationLabels, data.ValidationWeights);
        var best = curve.Length == 0 ? 0 : Array.IndexOf(curve, curve.Min()) + 1;
        return new Result(model, best, ensemble.Trees.Count, probabilities, curve);
    }

    private static LightGbmBinaryTrainer.Options Options(BoostingParameters b) => new()
    {
        LabelColumnName = ModelColumns.Label,
        FeatureColumnName = ModelColumns.Features,
        ExampleWeightColumnName = ModelColumns.Weight,
        NumberOfIterations = b.Rounds,
        EarlyStoppingRound = b.EarlyStoppingRounds,
        LearningRate = b.LearningRate,
        NumberOfLeaves = b.Leaves,
        MinimumExampleCountPerLeaf = b.MinRowsPerLeaf,
        MaximumBinCountPerFeature = b.MaxBins,
        Seed = b.Seed,
        NumberOfThreads = b.Threads == 0 ? null : b.Threads,
        // Raw score = log-odds: the TreeSHAP contributions then add up to the logit of the served probability.
        Sigmoid = 1.0,
        EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
        UseCategoricalSplit = false,
        Silent = true,
        Verbose = false,
        Booster = new GradientBooster.Options
        {
            MaximumTreeDepth = b.MaxDepth,
            MinimumChildWeight = b.MinHessianPerLeaf,
            L1Regularization = b.L1,
            L2Regularization = b.L2,
            FeatureFraction = b.FeatureFraction,
            SubsampleFraction = b.BaggingFraction,
            SubsampleFrequency = b.BaggingFrequency,
        },
    };
}
