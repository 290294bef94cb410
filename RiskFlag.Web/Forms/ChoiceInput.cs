namespace RiskFlag.Web.Forms;

/// <summary>What the _Choice partial renders: a labelled select with the option that was chosen.</summary>
public sealed record ChoiceInput(FormField Field, string? Value, string? Error, IReadOnlyList<(string Value, string Text)> Options)
{
    /// <summary>A first, empty option, for choices without a sensible default.</summary>
    public string? Placeholder { get; init; }
}
