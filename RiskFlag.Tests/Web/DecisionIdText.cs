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
