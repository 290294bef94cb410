namespace RiskFlag.Core.Engine;

/// <summary>Reported after each boosting round.</summary>
/// <param name="Round">Rounds completed so far (1-based).</param>
/// <param name="TotalRounds">Rounds requested; training may stop earlier.</param>
/// <param name="ValidationScore">First evaluation metric on the validation set, when one was given.</param>
public readonly record struct TrainingProgress(int Round, int TotalRounds, double? ValidationScore);
