namespace RiskFlag.Core.Explanations;

/// <summary>One feature on the decision path TreeSHAP carries down a tree.</summary>
/// <param name="FeatureIndex">The split feature, or -1 for the root's placeholder.</param>
/// <param name="ZeroFraction">Share of training cover that flows down this path when the feature is unknown.</param>
/// <param name="OneFraction">1 when the explained row follows this path, else 0.</param>
/// <param name="Weight">Permutation weight of the subsets of this size (pweight in the paper's notation).</param>
internal record struct PathElement(int FeatureIndex, double ZeroFraction, double OneFraction, double Weight);
