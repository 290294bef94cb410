namespace RiskFlag.Core.Decisions;

/// <summary>
/// How many of a stored batch's decisions share a model version and channel, and how many of those were flagged:
/// what a filter or a count needs to know about a batch without decoding it.
/// </summary>
public readonly record struct DecisionFacet(string ModelVersion, string Channel, int Rows, int Flagged)
{
    public static IReadOnlyList<DecisionFacet> Of(IReadOnlyList<DecisionRecord> records)
    {
        // A batch holds one or two combinations (a model swap or a second channel), so a list beats a dictionary.
        var facets = new List<DecisionFacet>(2);
        foreach (var record in records)
        {
            var i = 0;
            while (i < facets.Count && (facets[i].ModelVersion != record.ModelVersion || facets[i].Channel != record.Channel))
            {
                i++;
            }

            var flagged = record.Flag ? 1 : 0;
            if (i == facets.Count)
            {
                facets.Add(new DecisionFacet(record.ModelVersion, record.Channel, 1, flagged));
            }
            else
            {
                facets[i] = facets[i] with { Rows = facets[i].Rows + 1, Flagged = facets[i].Flagged + flagged };
            }
        }

        return facets;
    }
}
