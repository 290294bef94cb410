using System.Diagnostics;

using Microsoft.ML;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Explanations;
using RiskFlag.Core.Features;
using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Data → honest evaluation → model zip. The shipped model is the one trained on the grouped split, so
/// the grouped metrics in the zip describe exactly the model that serves.
/// </summary>
/// <param name="onRound">Called for every boosting round of each split ("grouped", "random"), e.g. to record learning curves.</param>
public sealed class ModelTrainer(
    TrainingParameters parameters,
    TextWriter log,
    TimeProvider? clock = null,
    Action<string, TrainingProgress>? onRound = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // Steps of the two splits finish on different threads.
    private readonly TextWriter _log = TextWriter.Synchronized(log);

    public const string Engine = "lightgbm-4.6 (ML.NET 5.0)";

    public TrainedModel Train(IReadOnlyList<string> dataFiles)
    {
        var stopwatch = Stopwatch.StartNew();
        var ml = RiskModelContext.Create(parameters.Boosting.Seed);
        var data = Step("read data", () => TrainingData.Load(dataFiles, parameters.MaxRejectedShare));
        _log.WriteLine($"  {data.TotalRows:N0} rows, {data.Records.Count:N0} valid, {data.RejectedRows:N0} rejected, {data.DuplicateRows:N0} exact duplicates");
        foreach (var problem in data.Problems.Take(5))
        {
            _log.WriteLine($"  rejected: {problem}");
        }

        var examples = Step("group applicants", () => TrainingExamples.From(data.Records));
        var applicants = examples.Select(e => e.Group).Distinct().Count();
        _log.WriteLine($"  {applicants:N0} distinct applicants");

        var schema = new FeatureSchema(parameters.SelectedFeatures);
        var folds = parameters.TargetEncoding.Folds;
        var smoothing = parameters.TargetEncoding.Smoothing;
        var split = parameters.Split;

        var grouped = Splitter.Grouped(examples, split.ValidationFraction, folds, split.Seed);
        var random = Splitter.RandomRows(examples, split.ValidationFraction, folds, split.Seed);

        // The random split only serves as the naive comparison: its encoding and boosting run beside the grouped
        // split's work, in a context of its own (ML.NET contexts are not shared across threads).
        var randomMl = RiskModelContext.Create(parameters.Boosting.Seed);
        var randomData = Task.Run(() => Step("encode (random split)", () => MatrixBuilder.Build(randomMl, random, schema, folds, smoothing)));

        var groupedData = Step("encode (grouped split)", () => MatrixBuilder.Build(ml, grouped, schema, folds, smoothing));
        var groupedModel = Step("boost (grouped split)", () => SplitTrainer.Train(ml, groupedData, parameters.Boosting));
        // Same capacity as the shipped model: the only difference between the two columns is the split.
        var sameCapacity = parameters.Boosting with { Rounds = groupedModel.Trees, EarlyStoppingRounds = 0 };
        var randomModel = randomData.ContinueWith(
            data => Step("boost (random split)", () => SplitTrainer.Train(randomMl, data.Result, sameCapacity)),
            TaskScheduler.Default);

        Report("grouped", groupedModel);
        var threshold = ChooseThreshold(groupedModel.ValidationProbabilities, groupedData);
        var groupedMetrics = BinaryClassificationEvaluator.Evaluate(
            groupedModel.ValidationProbabilities, groupedData.ValidationLabels, groupedData.ValidationWeights, threshold);
        var pipeline = groupedData.Serving;
        var ensemble = groupedModel.Trained.TrainedTreeEnsemble;
        var covers = Step("tree covers", () => TreeCovers.Compute(ensemble, groupedData.Train, groupedData.Width, groupedData.TrainWeights));
        var flaggedShare = groupedMetrics.Rows == 0 ? 0 : (groupedMetrics.Confusion.TruePositives + groupedMetrics.Confusion.FalsePositives) / groupedMetrics.Rows;
        var reference = Step("reference distributions", () => ReferenceProfileBuilder.Build(pipeline, examples, flaggedShare));

        var randomResult = randomModel.GetAwaiter().GetResult();
        var randomMatrices = randomData.Result;
        Report("random", randomResult);
        var randomMetrics = BinaryClassificationEvaluator.Evaluate(
            randomResult.ValidationProbabilities, randomMatrices.ValidationLabels, randomMatrices.ValidationWeights,
            ChooseThreshold(randomResult.ValidationProbabilities, randomMatrices));
        var plots = Step("plots", () => Plots(groupedModel.ValidationProbabilities, groupedData, groupedMetrics, randomMetrics));

        var metrics = new ModelMetrics(
            groupedMetrics,
            randomMetrics,
            groupedModel.BestIteration,
            parameters.Boosting.Rounds,
            Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
            groupedData.TrainRows,
            groupedData.ValidationRows,
            grouped.Validation.Select(v => v.Example.Group).Distinct().Count());

        var createdAt = _clock.GetUtcNow();
        var manifest = new BundleManifest
        {
            FeatureSchemaVersion = FeatureSchema.CurrentVersion,
            Version = VersionOf(createdAt, ModelFingerprint.Of(ensemble, pipeline.Encodings)),
            CreatedAt = createdAt,
            FeatureSet = parameters.FeatureSet,
            Features = [.. schema.Names],
            Threshold = threshold,
            Data = data.Fingerprint(applicants),
            Engine = Engine,
            Trees = groupedModel.Trees,
        };

        var bundle = new ModelBundle(
            manifest,
            metrics,
            reference,
            parameters.ToJson(),
            VocabularyBuilder.Build(examples),
            covers,
            plots);
        var transformer = pipeline.Followed(groupedModel.Model);
        // Checked as the site will check it, so a model that could not serve is never written.
        _ = RiskModel.Create(ml, transformer, pipeline.InputSchema, bundle);
        return new TrainedModel(ml, transformer, pipeline.InputSchema, bundle);
    }

    /// <summary>Version = UTC time + the start of the model's hash: sortable, and unique per model.</summary>
    internal static string VersionOf(DateTimeOffset createdAt, string fingerprint) =>
        $"{createdAt.UtcDateTime:yyyyMMdd-HHmmss}-{fingerprint[..8]}";

    private static double ChooseThreshold(float[] probabilities, SplitMatrices data)
    {
        var best = BinaryClassificationEvaluator.BestF1Threshold(probabilities, data.ValidationLabels, data.ValidationWeights);
        // A bundle must carry a usable threshold even when validation had no positives.
        return double.IsFinite(best) ? Math.Clamp(best, 1e-6, 1 - 1e-6) : 0.5;
    }

    private static Dictionary<string, string> Plots(float[] probabilities, SplitMatrices data, BinaryMetrics metrics, BinaryMetrics random) =>
        global::RiskFlag.Training.Plots.TrainingPlots.Draw(probabilities, data.ValidationLabels, data.ValidationWeights, metrics, random);

    private void Report(string split, SplitTrainer.Result result)
    {
        for (var round = 1; round <= result.ValidationLogLoss.Length; round++)
        {
            var loss = result.ValidationLogLoss[round - 1];
            onRound?.Invoke(split, new TrainingProgress(round, parameters.Boosting.Rounds, loss));
            if (round % 100 == 0)
            {
                _log.WriteLine($"    [{split}] round {round}: validation {loss:0.00000}");
            }
        }
    }

    private T Step<T>(string name, Func<T> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        _log.WriteLine($"{name,-28} {stopwatch.Elapsed.TotalSeconds,7:0.000} s");
        return result;
    }
}
