using System.Text.Json;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>The params file: which features, how to encode and split, and how to boost.</summary>
public sealed record TrainingParameters
{
    public string FeatureSet { get; init; } = "default";

    public Dictionary<string, string[]> FeatureSets { get; init; } = [];

    public TargetEncodingParameters TargetEncoding { get; init; } = new();

    public SplitParameters Split { get; init; } = new();

    public BoostingParameters Boosting { get; init; } = new();

    /// <summary>Training refuses data with a larger share of rejected rows.</summary>
    public double MaxRejectedShare { get; init; } = 0.01;

    public IReadOnlyList<string> SelectedFeatures =>
        FeatureSets.TryGetValue(FeatureSet, out var names)
            ? names
            : throw new TrainingParametersException($"feature_set '{FeatureSet}' is not defined in feature_sets ({string.Join(", ", FeatureSets.Keys)})");

    public static TrainingParameters Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrainingParametersException($"params file not found: {path}");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static TrainingParameters Parse(string json, string source = "params")
    {
        TrainingParameters parameters;
        try
        {
            parameters = JsonSerializer.Deserialize<TrainingParameters>(json, ReadOptions)
                ?? throw new TrainingParametersException($"{source}: empty params file");
        }
        catch (JsonException e)
        {
            throw new TrainingParametersException($"{source}: invalid params ({e.Path}): {e.Message}");
        }

        parameters.Validate(source);
        return parameters;
    }

    public string ToJson() => JsonSerializer.Serialize(this, BundleJson.Options);

    private static readonly JsonSerializerOptions ReadOptions = new(BundleJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private void Validate(string source)
    {
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new TrainingParametersException($"{source}: {message}");
            }
        }

        var features = SelectedFeatures;
        try
        {
            _ = new FeatureSchema(features);
        }
        catch (ArgumentException e)
        {
            throw new TrainingParametersException($"{source}: feature set '{FeatureSet}': {e.Message}");
        }

        Require(MaxRejectedShare is >= 0 and <= 1, "max_rejected_share must be between 0 and 1");
        Require(TargetEncoding.Folds >= 2, "target_encoding.folds must be at least 2");
        Require(TargetEncoding.Smoothing >= 0, "target_encoding.smoothing must be 0 or more");
        Require(Split.ValidationFraction is > 0 and < 1, "split.validation_fraction must be between 0 and 1");
        Require(Boosting.Rounds >= 1, "boosting.rounds must be at least 1");
        Require(Boosting.EarlyStoppingRounds >= 0, "boosting.early_stopping_rounds must be 0 or more");
        Require(Boosting.LearningRate is > 0 and <= 1, "boosting.learning_rate must be above 0 and at most 1");
        Require(Boosting.Leaves >= 2, "boosting.leaves must be at least 2");
        Require(Boosting.MaxDepth >= 0, "boosting.max_depth must be 0 (no limit) or more");
        Require(Boosting.MinRowsPerLeaf >= 1, "boosting.min_rows_per_leaf must be at least 1");
        Require(Boosting.MinHessianPerLeaf >= 0, "boosting.min_hessian_per_leaf must be 0 or more");
        Require(Boosting.L1 >= 0 && Boosting.L2 >= 0, "boosting.l1 and boosting.l2 must be 0 or more");
        Require(Boosting.FeatureFraction is > 0 and <= 1, "boosting.feature_fraction must be above 0 and at most 1");
        Require(Boosting.BaggingFraction is > 0 and <= 1, "boosting.bagging_fraction must be above 0 and at most 1");
        Require(Boosting.BaggingFrequency >= 0, "boosting.bagging_frequency must be 0 or more");
        Require(Boosting.MaxBins >= 2, "boosting.max_bins must be at least 2");
        Require(Boosting.Threads >= 0, "boosting.threads must be 0 (automatic) or more");
    }
}

public sealed record TargetEncodingParameters
{
    public int Folds { get; init; } = 5;

    /// <summary>Pseudo-count m pulling a category's rate towards the prior.</summary>
    public double Smoothing { get; init; } = 20;
}

public sealed record SplitParameters
{
    public double ValidationFraction { get; init; } = 0.2;

    public int Seed { get; init; } = 42;
}

/// <summary>LightGBM's options, by the names of the params file.</summary>
public sealed record BoostingParameters
{
    public int Rounds { get; init; } = 2000;

    /// <summary>Stop when the grouped validation log loss has not improved for this many rounds (0: never).</summary>
    public int EarlyStoppingRounds { get; init; } = 100;

    public double LearningRate { get; init; } = 0.05;

    public int Leaves { get; init; } = 8;

    /// <summary>Deepest a tree may grow; 0 leaves it to the number of leaves.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Fewest distinct training applicants in a leaf.</summary>
    public int MinRowsPerLeaf { get; init; } = 20;

    /// <summary>
    /// Least hessian weight in a leaf (LightGBM's min_sum_hessian_in_leaf). Unlike the
    /// row count it counts every copy of a repeated applicant, so one applicant seen forty times cannot own a leaf.
    /// </summary>
    public double MinHessianPerLeaf { get; init; } = 20;

    public double L1 { get; init; }

    public double L2 { get; init; } = 5;

    /// <summary>Share of the features each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Share of the training rows each bagging round draws; 1 turns bagging off.</summary>
    public double BaggingFraction { get; init; } = 0.8;

    /// <summary>Draw a new bag every this many rounds (0: never).</summary>
    public int BaggingFrequency { get; init; } = 1;

    public int MaxBins { get; init; } = 255;

    public int Seed { get; init; } = 42;

    /// <summary>Threads LightGBM uses; 0 lets it choose.</summary>
    public int Threads { get; init; }
}

public sealed class TrainingParametersException(string message) : Exception(message);
