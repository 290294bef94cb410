namespace RiskFlag.Core.Evaluation;

/// <summary>One legend item: a short line sample (dashed when <paramref name="DashArray"/> is set) and its label.</summary>
internal readonly record struct LegendEntry(string Label, string Color, string? DashArray = null);
