using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Web;

/// <summary>
/// Answers and files compared for equal scores must not differ by their decision ids, which are unique per
/// decision: these blank them after checking each is a version 7 id.
/// </summary>
public static partial class DecisionIdText
{
    /// <summary>A JSON answer without its "decision_id" members.</summary>
    public static string WithoutInJson(string json) =>
        JsonMember().Replace(json, match => Checked(match, string.Empty));

    /// <summary>A scored CSV with its decision_id cells left blank, as the CLI writes them.</summary>
    public static string WithoutInCsv(string csv) =>
        CsvCell().Replace(csv, match => Checked(match, ",,"));

    /// <summary>How many decision ids the text holds.</summary>
    public static int Count(string text) => Id().Count(text);

    /// <summary>The decision ids in the text, in order.</summary>
    public static IReadOnlyList<string> All(string text) => [.. Id().Matches(text).Select(m => m.Value)];

    /// <summary>An outcomes CSV for the decisions in a scored file: defaulted every other one, so both classes are there.</summary>
    public static string AlternatingOutcomes(string scored) =>
        "decision_id,risk_flag\n" + string.Concat(All(scored).Select((id, i) => $"{id},{i % 2}\n"));

    private static string Checked(Match match, string replacement)
    {
        Assert.Equal(7, Guid.Parse(match.Groups["id"].Value).Version);
        return replacement;
    }

    [GeneratedRegex("\"decision_id\":\"(?<id>[0-9a-f-]{36})\",?")]
    private static partial Regex JsonMember();

    [GeneratedRegex(",(?<id>[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}),")]
    private static partial Regex CsvCell();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();
}
