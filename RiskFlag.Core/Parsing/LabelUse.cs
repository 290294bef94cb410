namespace RiskFlag.Core.Parsing;

/// <summary>What a Risk_Flag column in the input is for.</summary>
public enum LabelUse
{
    /// <summary>Training and evaluation: the label is the answer, so a row whose label is not 0 or 1 is rejected.</summary>
    Validated,

    /// <summary>
    /// Scoring: the label is not used, so a bad one is a warning on a row that is still scored, and a blank one means
    /// "not known yet".
    /// </summary>
    Informational,
}
