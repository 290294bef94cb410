using RiskFlag.Core.Bundle;

namespace RiskFlag.Training.Pipeline;

/// <summary>What a training run produced and where it was written.</summary>
public sealed record TrainingOutcome(ModelBundle Bundle, string BundlePath, string VersionDirectory, TimeSpan Elapsed);
