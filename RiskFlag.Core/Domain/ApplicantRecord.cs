namespace RiskFlag.Core.Domain;

/// <summary>A valid applicant read from a file, with where it came from and its label when the file has one.</summary>
/// <param name="Line">1-based physical line number of the record in its source file (header is line 1).</param>
/// <param name="Id">The source's Id column, or null when the file has none.</param>
/// <param name="Label">Risk_Flag (0/1) when present.</param>
public sealed record ApplicantRecord(int Line, string? Id, Applicant Applicant, int? Label);
