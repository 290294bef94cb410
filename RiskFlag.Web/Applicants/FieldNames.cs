using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Applicants;

/// <summary>
/// The validator names fields as the Kaggle header does ("CURRENT_JOB_YRS"); the form and the API speak snake_case
/// ("current_job_yrs"). This maps one to the other and words a reason so it reads on its own next to a field.
/// </summary>
public static class FieldNames
{
    /// <summary>The snake_case name of a validator field; "row" (a problem with the record as a whole) stays as it is.</summary>
    public static string ToSnakeCase(string canonical) =>
        ApplicantColumns.TryResolve(canonical, out var field) ? ApplicantColumns.FormNameOf(field) : canonical;

    /// <summary>"is missing" needs its subject; "17 is outside the allowed range 18–100" already has one.</summary>
    public static string Sentence(string subject, string reason) =>
        reason.StartsWith("is ", StringComparison.Ordinal) ? $"{subject} {reason}" : reason;
}
