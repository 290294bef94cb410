namespace RiskFlag.Core.Drift;

/// <summary>The PSI of one model input over the current window of live applicants.</summary>
public readonly record struct FeatureDrift(string Feature, double Psi);
