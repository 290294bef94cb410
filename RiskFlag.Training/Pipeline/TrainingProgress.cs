namespace RiskFlag.Training.Pipeline;

/// <summary>One boosting round of a finished training, for learning curves.</summary>
/// <param name="Round">1-based round.</param>
/// <param name="TotalRounds">Rounds allowed; early stopping may have ended sooner.</param>
/// <param name="ValidationScore">Weighted log loss on the split's validation side after this round.</param>
public readonly record struct TrainingProgress(int Round, int TotalRounds, double? ValidationScore);
