using System.Text;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebOutcomes;

/// <summary>Generated applicants scored through POST /api/predict/batch: each one's decision id and true label.</summary>
public static class ScoredApplicants
{
    public static async Task<IReadOnlyList<(Guid DecisionId, int Label, string Line)>> ScoreAsync(HttpClient client, int rows, int seed = 9)
    {
        var csv = GeneratedCsv(rows, seed);
        var response = await client.PostAsync("/api/predict/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        var input = csv.TrimEnd('\n').Split('\n').Skip(1).ToList();
        var output = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Equal(input.Count, output.Count);
        return [.. input.Zip(output, (given, scored) => (Guid.Parse(DecisionIdText.All(scored)[0]), int.Parse(given[^1..], System.Globalization.CultureInfo.InvariantCulture), scored))];
    }

    public static string GeneratedCsv(int rows, int seed)
    {
        using var writer = new StringWriter();
        new RiskFlag.Training.Synthetic.SyntheticApplicantGenerator(seed).WriteCsv(writer, rows);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>An outcomes CSV: decision_id,risk_flag with the given rows.</summary>
    public static string OutcomesCsv(IEnumerable<(Guid DecisionId, int Label)> rows) =>
        "decision_id,risk_flag\n" + string.Concat(rows.Select(r => $"{r.DecisionId},{r.Label}\n"));
}
