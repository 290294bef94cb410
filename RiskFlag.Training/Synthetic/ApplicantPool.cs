using Bogus;

using RiskFlag.Core.Domain;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Draws the distinct applicants of a data set and labels each once, so every copy of an applicant
/// carries the same label.
/// </summary>
internal static class ApplicantPool
{
    public static List<PooledApplicant> Draw(Randomizer random, int rows, RiskProcessKind process = RiskProcessKind.Additive)
    {
        DuplicationPlan plan = DuplicationPlan.Draw(random, rows);
        var pool = new List<PooledApplicant>(plan.RepeatedCopies.Count + plan.SingleApplicants);
        // The two kinds are drawn and labelled apart so that each kind on its own hits the real shares;
        // the repeated kind carries most rows and would otherwise dominate the sampling error.
        pool.AddRange(DrawKind(random, plan.RepeatedCopies, process));
        pool.AddRange(DrawKind(random, [.. Enumerable.Repeat(1, plan.SingleApplicants)], process));
        return pool;
    }

    private static PooledApplicant[] DrawKind(Randomizer random, IReadOnlyList<int> copies, RiskProcessKind process)
    {
        var sampler = new ApplicantSampler(random, copies.Count);
        var applicants = new Applicant[copies.Count];
        var probabilities = new double[copies.Count];
        for (int i = 0; i < applicants.Length; i++)
        {
            applicants[i] = sampler.Next();
            double logit = RiskProcess.ObservableLogit(applicants[i], process)
                + GaussianNoise.Next(random, RiskProcess.LatentNoiseStandardDeviation);
            probabilities[i] = Logistic.Sigmoid(logit);
        }

        int[] labels = SystematicLabeler.Draw(random, probabilities);
        var pooled = new PooledApplicant[applicants.Length];
        for (int i = 0; i < pooled.Length; i++)
        {
            pooled[i] = new PooledApplicant(applicants[i], labels[i], copies[i]);
        }

        return pooled;
    }
}
