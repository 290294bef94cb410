namespace RiskFlag.Training.Pipeline;

/// <summary>An example's share of one side of a split: its weight there and its out-of-fold group.</summary>
public readonly record struct SplitExample(TrainingExample Example, int Weight, int Fold);

/// <summary>A train/validation split of the examples.</summary>
public sealed record DataSplit(string Name, IReadOnlyList<SplitExample> Train, IReadOnlyList<SplitExample> Validation);
