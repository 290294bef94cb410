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

public sealed record BoostingParameters
{
    public int Rounds { get; init; } = 2000;

    public int EarlyStoppingRounds { get; init; } = 100;

    /// <summary>Passed to XGBoost as they are.</summary>
    public Dictionary<string, string> Parameters { get; init; } = new()
    {
        ["objective"] = "binary:logistic",
        ["eval_metric"] = "logloss",
        ["tree_method"] = "hist",
        ["eta"] = "0.05",
        ["max_depth"] = "5",
    };
}

public sealed class TrainingParametersException(string message) : Exception(message);
