using RiskFlag.Core.Parsing;

namespace RiskFlag.Core.Scoring;

/// <summary>The account of a scored file: what was read, scored and rejected (with reasons), and a preview.</summary>
/// <param name="Warnings">Problems of rows that were still scored (a bad informational label).</param>
public sealed record BatchSummary(int Read, int Scored, int Flagged, IReadOnlyList<RowError> Errors, IReadOnlyList<ScoredRow> Preview, string ModelVersion, double Threshold, IReadOnlyList<RowError> Warnings)
{
    public int Rejected => Read - Scored;

    public double FlaggedShare => Scored == 0 ? 0 : (double)Flagged / Scored;
}

/// <summary>One scored row for display.</summary>
public sealed record ScoredRow(int Line, string? Id, RiskAssessment Assessment);
