using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Generates loan applicants that look like the real Kaggle training data: real cities, states and
/// professions, real ranges and shares, heavy duplication of the same applicant, and labels from the
/// documented risk process in docs/synthetic-data.md.
/// </summary>
/// <remarks>
/// Output depends only on the seed and the row count. Every call draws from its own
/// <c>new Randomizer(seed)</c>, never from Bogus's global seed, so generators running side by side
/// cannot disturb each other.
/// </remarks>
/// <param name="seed">Fixes the output: the same seed and row count always give the same rows.</param>
/// <param name="process">Which risk process draws the labels; the applicants themselves do not depend on it.</param>
public sealed class SyntheticApplicantGenerator(int seed, RiskProcessKind process = RiskProcessKind.Additive)
{
    /// <summary>Generates <paramref name="rows"/> rows with Ids 1..rows in random order of applicants.</summary>
    public IEnumerable<SyntheticApplicant> Generate(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return GenerateRows(rows);
    }

    /// <summary>Writes <paramref name="rows"/> generated rows as a Kaggle-schema CSV with header.</summary>
    /// <remarks>The writer decides the encoding; give it UTF-8 so "Hubli–Dharwad" survives.</remarks>
    public void WriteCsv(TextWriter writer, int rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SyntheticCsvWriter.Write(writer, Generate(rows));
    }

    /// <summary>Writes <paramref name="rows"/> generated rows as a UTF-8 (no BOM) Kaggle-schema CSV.</summary>
    public void WriteCsv(Stream stream, int rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SyntheticCsvWriter.Write(stream, Generate(rows));
    }

    private IEnumerable<SyntheticApplicant> GenerateRows(int rows)
    {
        var random = new Randomizer(seed);
        List<PooledApplicant> pool = ApplicantPool.Draw(random, rows, process);
        int[] rowOwners = ExpandCopies(pool, rows);
        // Copies of one applicant are spread over the file, as in the real data.
        Shuffling.ShuffleInPlace(random, rowOwners.AsSpan());
        for (int row = 0; row < rowOwners.Length; row++)
        {
            PooledApplicant owner = pool[rowOwners[row]];
            yield return new SyntheticApplicant(row + 1, owner.Applicant, owner.RiskFlag);
        }
    }

    private static int[] ExpandCopies(List<PooledApplicant> pool, int rows)
    {
        var rowOwners = new int[rows];
        int next = 0;
        for (int owner = 0; owner < pool.Count; owner++)
        {
            rowOwners.AsSpan(next, pool[owner].Copies).Fill(owner);
            next += pool[owner].Copies;
        }

        return rowOwners;
    }
}
