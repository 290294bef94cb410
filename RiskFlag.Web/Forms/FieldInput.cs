namespace RiskFlag.Web.Forms;

/// <summary>What the _Field partial renders: a labelled input, what was typed into it, and its message.</summary>
public sealed record FieldInput(FormField Field, string? Value, string? Error)
{
    public string Type { get; init; } = "text";

    public string? Min { get; init; }

    public string? Max { get; init; }

    public string? Step { get; init; }

    /// <summary>The id of a datalist offering known values.</summary>
    public string? List { get; init; }

    public string Id => Field.Name;

    public string ErrorId => $"{Field.Name}-error";
}
