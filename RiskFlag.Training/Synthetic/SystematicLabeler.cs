using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Turns risk probabilities into 0/1 labels by systematic sampling: each applicant is still risky
/// with exactly its own probability, but the number of risky applicants equals the sum of the
/// probabilities up to one. Independent coin flips would let the positive share wander by about a
/// point, because a few thousand repeated applicants carry most of the rows.
/// </summary>
internal static class SystematicLabeler
{
    public static int[] Draw(Randomizer random, IReadOnlyList<double> probabilities)
    {
        var labels = new int[probabilities.Count];
        double position = random.Double();
        for (int i = 0; i < labels.Length; i++)
        {
            position += probabilities[i];
            if (position >= 1.0)
            {
                labels[i] = 1;
                position -= 1.0;
            }
        }

        return labels;
    }
}
