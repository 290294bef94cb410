using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Parsing;

/// <summary>One input record after validation: either an applicant (perhaps with warnings) or the reasons it was rejected.</summary>
/// <param name="Cells">The record's raw cells in source column order, so outputs can echo the input.</param>
public sealed record ParsedApplicant(int Line, string? Id, Applicant? Applicant, int? Label, IReadOnlyList<RowError> Errors, IReadOnlyList<string> Cells)
{
    public bool IsValid => Applicant is not null;

    /// <summary>What was wrong with a valid applicant's record but did not stop it being scored (a bad informational label).</summary>
    public IReadOnlyList<RowError> Warnings { get; init; } = [];
}
