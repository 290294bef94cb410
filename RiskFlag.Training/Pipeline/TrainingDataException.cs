namespace RiskFlag.Training.Pipeline;

/// <summary>The training data cannot be used as it is (too many bad rows, no labels, nothing left).</summary>
public sealed class TrainingDataException(string message) : Exception(message);
