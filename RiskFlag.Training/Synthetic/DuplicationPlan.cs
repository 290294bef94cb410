using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// How many distinct applicants a data set holds and how often each is repeated. The real training
/// data mixes two kinds: about 6,000 applicants copied ~36 times each (85.4 % of the rows) and about
/// 36,800 applicants that occur once. See docs/synthetic-data.md for how this was read off the
/// 50,400-row raw split.
/// </summary>
/// <param name="RepeatedCopies">Copies of each repeated applicant.</param>
/// <param name="SingleApplicants">Applicants that occur exactly once.</param>
internal sealed record DuplicationPlan(IReadOnlyList<int> RepeatedCopies, int SingleApplicants)
{
    public const double RepeatedRowShare = 0.854;
    public const int MinCopies = 34;
    public const int MaxCopies = 38;

    public static DuplicationPlan Draw(Randomizer random, int rows)
    {
        var copies = new List<int>();
        int repeatedRows = (int)Math.Round(rows * RepeatedRowShare);
        int planned = 0;
        while (planned < repeatedRows)
        {
            // The last repeated applicant is cut short so the rows add up exactly.
            int next = Math.Min(random.Number(MinCopies, MaxCopies), repeatedRows - planned);
            copies.Add(next);
            planned += next;
        }

        return new DuplicationPlan(copies, rows - repeatedRows);
    }
}
