namespace RiskFlag.Core.Scoring;

/// <summary>Which input columns a scored file repeats.</summary>
public enum BatchOutput
{
    /// <summary>Only the Id column (or the row's line number when the input has none).</summary>
    IdOnly,

    /// <summary>Every input column, as the analyst uploaded it.</summary>
    AllInputColumns,
}
