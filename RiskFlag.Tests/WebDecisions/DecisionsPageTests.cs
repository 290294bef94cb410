using System.Net;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>The Decisions page searches the log and exports what it found as CSV a spreadsheet cannot execute.</summary>
public sealed class DecisionsPageTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly DecisionSite _site = new(new Dictionary<string, string?> { ["Decisions:RetentionDays"] = "0" });

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task FiltersByDateRangeFlagModelAndChannel()
    {
        var client = _site.Factory.CreateClient();
        await SeedAsync();

        Assert.Equal("4 decisions match", await CountAsync(client, "/Decisions"));
        Assert.Equal("2 decisions match", await CountAsync(client, "/Decisions?flag=1"));
        Assert.Equal("1 decisions match", await CountAsync(client, "/Decisions?model=v2"));
        Assert.Equal("3 decisions match", await CountAsync(client, "/Decisions?from=2026-03-10&to=2026-03-11"));
        Assert.Equal("2 decisions match", await CountAsync(client, "/Decisions?from=2026-03-10&to=2026-03-10"));
        Assert.Equal("1 decisions match", await CountAsync(client, "/Decisions?from=2026-03-11&to=2026-03-11"));
        Assert.Equal("1 decisions match", await CountAsync(client, "/Decisions?channel=api&flag=0"));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions?model=v2"));
        Assert.Contains("req-3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("req-1", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/decisions/export.csv?model=v2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyLogAndAFilterWithoutMatchesSaySoInsteadOfAnEmptyTable()
    {
        var client = _site.Factory.CreateClient();

        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions"));
        Assert.Contains("No decisions recorded yet", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decisions\"", empty, StringComparison.Ordinal);

        await SeedAsync();
        var none = WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions?model=no-such-model"));
        Assert.Contains("No decisions match these filters.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decisions\"", none, StringComparison.Ordinal);
        Assert.Contains("id=\"decisions\"", WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtremeDatesAndPagesAnswerAPageNotAServerError()
    {
        var client = _site.Factory.CreateClient();
        await SeedAsync();

        Assert.Equal("4 decisions match", await CountAsync(client, "/Decisions?to=9999-12-31"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/decisions/export.csv?to=9999-12-31")).StatusCode);
        foreach (var place in new[] { "page=42949673", "before=9223372036854775807_9223372036854775807_2147483647", "after=-9223372036854775808_0_0", "before=1_2" })
        {
            var response = await client.GetAsync($"/Decisions?{place}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("4 decisions match; showing 4", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains("before: \"1_2\" is not a place in the log", WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions?before=1_2")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OlderAndNewerLinksWalkTheWholeFilteredLogAndBack()
    {
        var client = _site.Factory.CreateClient();
        var applicant = new Applicant(100_000, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Rewa", "Madhya_Pradesh", 2, 4);
        foreach (var batch in Enumerable.Range(0, 260).Chunk(37))
        {
            await _site.Store.AppendAsync([.. batch.Select(i => new DecisionRecord(Day.AddMinutes(i), "api", "v1", $"req-{i}", applicant, 0.8, 0.5, i % 2 == 0, "Age: +0.40"))]);
        }

        var pages = new List<string>();
        var ids = new List<string>();
        var link = "/Decisions?flag=1";
        while (link is not null)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(link));
            pages.Add(link);
            ids.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<code>(req-[0-9]+)</code>").Select(m => m.Groups[1].Value));
            Assert.StartsWith("130 decisions match", PageSession.TextOf(html, "p", "decision-count"), StringComparison.Ordinal);
            link = Href(html, "older-page");
            Assert.True(pages.Count < 10, "the Older links do not end");
        }

        Assert.Equal(Enumerable.Range(0, 260).Where(i => i % 2 == 0).Reverse().Select(i => $"req-{i}"), ids);
        Assert.Equal(3, pages.Count);
        Assert.All(pages.Skip(1), p => Assert.Contains("flag=1&before=", p, StringComparison.Ordinal));

        var last = WebUtility.HtmlDecode(await client.GetStringAsync(pages[^1]));
        var newer = WebUtility.HtmlDecode(await client.GetStringAsync(Href(last, "newer-page")!));
        Assert.Equal(WebUtility.HtmlDecode(await client.GetStringAsync(pages[1])), newer);
        Assert.Equal("/Decisions?flag=1", Href(last, "newest-page"));
        Assert.Null(Href(WebUtility.HtmlDecode(await client.GetStringAsync(pages[0])), "newer-page"));

        static string? Href(string html, string id)
        {
            var match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\" href=\"([^\"]+)\"");
            return match.Success ? match.Groups[1].Value : null;
        }
    }

    [Fact]
    public async Task FiltersThatCannotBeReadAreNamedOnThePageAndRefuseTheExport()
    {
        var client = _site.Factory.CreateClient();
        await SeedAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Decisions?from=yesterday&flag=maybe"));
        Assert.Contains("These filters were not applied", html, StringComparison.Ordinal);
        Assert.Contains("from: \"yesterday\" is not a date (expected YYYY-MM-DD)", html, StringComparison.Ordinal);
        Assert.Contains("flag: \"maybe\" is not a flag", html, StringComparison.Ordinal);

        var export = await client.GetAsync("/decisions/export.csv?to=31/12/2026");
        var problem = await ProblemAssertions.AssertProblemAsync(export, HttpStatusCode.BadRequest);
        Assert.Contains("to: \"31/12/2026\" is not a date", ProblemAssertions.Messages(problem, "filter").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvExportHasTheFilteredRowsWithFormulasNeutralised()
    {
        var client = _site.Factory.CreateClient();
        await SeedAsync();

        var response = await client.GetAsync("/decisions/export.csv?flag=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.StartsWith("decided_at,decision_id,channel,model_version,instance,request_id,applicant_id,income,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.EndsWith(",1,Age: +0.40", line.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
        var attack = lines.Single(l => l.Contains("req-4", StringComparison.Ordinal));
        Assert.DoesNotContain(",=HYPERLINK", attack, StringComparison.Ordinal);
        Assert.DoesNotContain(",@SUM", attack, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", attack, StringComparison.Ordinal);
        Assert.Contains("2026-03-11T", attack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExportOfAnEmptySearchIsJustTheHeader()
    {
        var client = _site.Factory.CreateClient();

        var csv = await client.GetStringAsync("/decisions/export.csv?model=none");

        Assert.Equal(string.Join(',', RiskFlag.Web.Decisions.DecisionCsvEndpoint.Header) + "\n", csv);
    }

    [Fact]
    public async Task AnExportLongerThanAPageHasEveryRowOnceNewestFirst()
    {
        var client = _site.Factory.CreateClient();
        var total = (2 * RiskFlag.Web.Decisions.DecisionCsvEndpoint.PageSize) + 123;
        var applicant = new Applicant(100_000, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Rewa", "Madhya_Pradesh", 2, 4);
        foreach (var batch in Enumerable.Range(0, total).Chunk(500))
        {
            await _site.Store.AppendAsync([.. batch.Select(i => new DecisionRecord(Day.AddSeconds(i), "api", "v1", $"req-{i}", applicant, 0.1, 0.5, false, "Age: +0.40"))]);
        }

        var lines = (await client.GetStringAsync("/decisions/export.csv")).TrimEnd('\n').Split('\n');

        Assert.Equal(total + 1, lines.Length);
        Assert.Single(lines, line => line.StartsWith("decided_at,", StringComparison.Ordinal));
        var ids = lines.Skip(1).Select(line => line.Split(',')[Array.IndexOf(RiskFlag.Web.Decisions.DecisionCsvEndpoint.Header, "request_id")]).ToList();
        Assert.Equal(Enumerable.Range(0, total).Reverse().Select(i => $"req-{i}"), ids);
    }

    private static async Task<string> CountAsync(HttpClient client, string url)
    {
        var text = PageSession.TextOf(await client.GetStringAsync(url), "p", "decision-count")!;
        return text[..text.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task SeedAsync()
    {
        static DecisionRecord Decision(DateTimeOffset at, string channel, string model, string id, bool flag, string city = "Rewa", string profession = "Chef") => new(
            at, channel, model, id,
            new Applicant(100_000, 30, 5, MaritalStatus.Single, HouseOwnership.Rented, false, profession, city, "Madhya_Pradesh", 2, 4),
            flag ? 0.8 : 0.1, 0.5, flag, "Age: +0.40");

        await _site.Store.AppendAsync(
        [
            Decision(Day.AddDays(-2), "api", "v1", "req-1", false),
            Decision(Day, "form", "v1", "req-2", false),
            Decision(Day.AddHours(-1), "batch", "v2", "req-3", true),
            Decision(Day.AddDays(1), "batch", "v1", "req-4", true, city: "=HYPERLINK(\"http://x\")", profession: "@SUM(A1)"),
        ]);
    }
}
