namespace RiskFlag.Core.Evaluation;

/// <summary>Shared palette, so the model is the same blue and references the same grey on every chart.</summary>
internal static class ChartColors
{
    public const string Model = "#1f77b4";
    public const string Reference = "#8c8c8c";
    public const string ReferenceDash = "6 4";
    public const string Grid = "#e6e6e6";
    public const string Axis = "#444444";
}
