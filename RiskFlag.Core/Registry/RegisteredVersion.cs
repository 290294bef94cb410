namespace RiskFlag.Core.Registry;

/// <summary>One registered version of a model: where its bundle is and what it scored.</summary>
public sealed record RegisteredVersion(
    string Model,
    int Version,
    string ModelVersion,
    string RunId,
    string BundlePath,
    double GroupedRocAuc,
    DateTimeOffset RegisteredAt,
    string RegisteredBy);
