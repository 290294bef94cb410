namespace RiskFlag.Core.Bundle;

/// <summary>What a model zip is and how it was made: the first entry a loader reads and checks.</summary>
public sealed record BundleManifest
{
    public const string ExpectedFormat = "riskflag-model";

    /// <summary>
    /// Bumped when the layout of the zip changes incompatibly. Version 1 was the bundle of earlier builds (another engine);
    /// version 2 is an ML.NET model with RiskFlag's metadata in its own folder.
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    public string Format { get; init; } = ExpectedFormat;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public int FeatureSchemaVersion { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string FeatureSet { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Probability at or above which an applicant is flagged (maximises F1 on the grouped validation set).</summary>
    public required double Threshold { get; init; }

    public required DataFingerprint Data { get; init; }

    public required string Engine { get; init; }

    public required int Trees { get; init; }
}

/// <summary>Identifies the training data: row counts and a hash of the input files' bytes.</summary>
public sealed record DataFingerprint(int Rows, int DistinctApplicants, int RejectedRows, int DuplicateRows, double PositiveShare, string Sha256, IReadOnlyList<string> Files);
