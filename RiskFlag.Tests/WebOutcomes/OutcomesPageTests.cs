using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.WebOutcomes;

public sealed class OutcomesPageTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task AnUploadShowsTheCountsAndEveryRejectedRowCanBeDownloaded()
    {
        var analyst = site.Factory.CreateClient(RiskRoles.Analyst);
        var scored = await ScoredApplicants.ScoreAsync(analyst, 5, seed: 41);
        var unknown = Enumerable.Range(0, 150).Select(_ => (Guid.CreateVersion7(), 1));
        var csv = ScoredApplicants.OutcomesCsv([.. scored.Select(s => (s.DecisionId, s.Label)), .. unknown]);

        var (status, html) = await new PageSession(analyst).UploadAsync("/Outcomes", "outcomes.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("155", PageSession.TextOf(html, "dd", "rows-read"));
        Assert.Equal("5", PageSession.TextOf(html, "dd", "rows-matched"));
        Assert.Equal("150", PageSession.TextOf(html, "dd", "rows-unknown"));
        Assert.Equal(100, Regex.Count(html, "<tr><td>\\d+</td><td>unknown</td>"));
        var link = Regex.Match(html, "id=\"download-rejected\" href=\"(/batch/results/[0-9a-f]{32})\"");
        Assert.True(link.Success, "no download of the rejected rows");
        var rejected = (await analyst.GetStringAsync(link.Groups[1].Value)).TrimEnd('\n').Split('\n');
        Assert.Equal("line,kind,field,reason", rejected[0]);
        Assert.Equal(151, rejected.Length);
        Assert.StartsWith("7,unknown,decision_id,", rejected[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatCannotBeReadSaysWhy()
    {
        var (status, html) = await new PageSession(site.Factory.CreateClient(RiskRoles.Analyst))
            .UploadAsync("/Outcomes", "outcomes.csv", Encoding.UTF8.GetBytes("decision_id,outcome\n"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("lacks required column(s): risk_flag", PageSession.TextOf(html, "p", "outcomes-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficersDoNotSeeThePage()
    {
        var response = await site.Factory.CreateClient(RiskRoles.Officer).GetAsync("/Outcomes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
