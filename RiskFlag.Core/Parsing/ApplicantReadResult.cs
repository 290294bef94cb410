using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Parsing;

/// <summary>Everything read from one or more input files: the valid applicants and an account of the rest.</summary>
public sealed class ApplicantReadResult
{
    public required IReadOnlyList<ApplicantRecord> Records { get; init; }

    public required IReadOnlyList<RowError> Errors { get; init; }

    /// <summary>Rows read, valid or not.</summary>
    public required int TotalRows { get; init; }

    /// <summary>Rows whose applicant (all fields but Id) repeats an earlier row; they are kept, only counted.</summary>
    public required int DuplicateRows { get; init; }

    public required bool HasLabels { get; init; }

    public int RejectedRows => TotalRows - Records.Count;

    public double RejectedShare => TotalRows == 0 ? 0 : (double)RejectedRows / TotalRows;

    public static ApplicantReadResult From(IEnumerable<ParsedApplicant> rows, bool hasLabels)
    {
        var records = new List<ApplicantRecord>();
        var errors = new List<RowError>();
        var seen = new HashSet<(Applicant, int?)>();
        var total = 0;
        var duplicates = 0;
        foreach (var row in rows)
        {
            total++;
            if (row.Applicant is null)
            {
                errors.AddRange(row.Errors);
                continue;
            }

            if (!seen.Add((row.Applicant, row.Label)))
            {
                duplicates++;
            }

            records.Add(new ApplicantRecord(row.Line, row.Id, row.Applicant, row.Label));
        }

        return new ApplicantReadResult
        {
            Records = records,
            Errors = errors,
            TotalRows = total,
            DuplicateRows = duplicates,
            HasLabels = hasLabels,
        };
    }
}
