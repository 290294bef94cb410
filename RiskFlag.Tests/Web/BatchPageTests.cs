using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using RiskFlag.Core.Scoring;

namespace RiskFlag.Tests.Web;

public sealed class BatchPageTests(ServedSite site) : IClassFixture<ServedSite>
{
    private const string Header = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";

    private readonly PageSession _session = new(site.CreateClient());

    [Fact]
    public async Task AnUploadShowsCountsRejectedRowsPreviewAndDownloadsTheScoredFile()
    {
        var good = BatchApiTests.SampleCsv(120).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Two bad rows at physical lines 3 and 5 of the upload.
        var lines = new List<string>(good);
        lines.Insert(2, "x1,abc,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4,0");
        lines.Insert(4, "x2,100000,12,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4,0");
        var csv = string.Join('\n', lines) + "\n";

        var (status, html) = await _session.UploadAsync("/Batch", "applicants.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("122", PageSession.TextOf(html, "dd", "rows-read"));
        Assert.Equal("120", PageSession.TextOf(html, "dd", "rows-scored"));
        Assert.Equal("2", PageSession.TextOf(html, "dd", "rows-rejected"));
        Assert.Contains("<tr><td>3</td><td>Income</td><td>'abc' is not a number</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>5</td><td>Age</td><td>12 is outside the allowed range 18–100</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(20, Regex.Count(html, "<tr class=\"flag-(yes|no)\">"));

        using var expectedOutput = new MemoryStream();
        var expected = new BatchScorer(new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()))
            .Score(new MemoryStream(Encoding.UTF8.GetBytes(csv)), expectedOutput);
        Assert.StartsWith(expected.FlaggedShare.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), PageSession.TextOf(html, "dd", "flagged-share"), StringComparison.Ordinal);

        var link = Regex.Match(html, "id=\"download\" href=\"(/batch/results/[0-9a-f]{32})\"");
        Assert.True(link.Success, "no download link");
        var download = await _session.Client.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"riskflag-scored-{TrainedBundles.Shared.Primary.Manifest.Version}.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        // The same file as the core scorer writes, but for the decision id of each logged row.
        Assert.Equal(Encoding.UTF8.GetString(expectedOutput.ToArray()), DecisionIdText.WithoutInCsv(await download.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AJsonFileIsAcceptedToo()
    {
        var json = $"[{Applicants.ToJson(Applicants.Valid(1)).ToJsonString()},{Applicants.ToJson(Applicants.With("age", "5")).ToJsonString()}]";

        var (status, html) = await _session.UploadAsync("/Batch", "applicants.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", PageSession.TextOf(html, "dd", "rows-scored"));
        Assert.Equal("1", PageSession.TextOf(html, "dd", "rows-rejected"));
    }

    [Fact]
    public async Task AFileWithoutTheColumnsGetsAClearMessage()
    {
        var (status, html) = await _session.UploadAsync("/Batch", "other.csv", "a,b\n1,2\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The file cannot be read: the header lacks required column(s)", PageSession.TextOf(html, "p", "batch-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadWithoutTheAntiforgeryTokenIsRefused()
    {
        var (status, html) = await _session.UploadAsync("/Batch", "applicants.csv", Encoding.UTF8.GetBytes(BatchApiTests.SampleCsv(3)), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The form has expired", html, StringComparison.Ordinal);
        Assert.Null(PageSession.TextOf(html, "dd", "rows-read"));
    }

    [Fact]
    public async Task AnUnknownOrExpiredDownloadIsNotFound()
    {
        var response = await _session.Client.GetAsync($"/batch/results/{new string('0', 32)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheHeaderOnlyFileScoresNothingAndSaysSo()
    {
        var (status, html) = await _session.UploadAsync("/Batch", "empty.csv", Encoding.UTF8.GetBytes(Header + "\n"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("0", PageSession.TextOf(html, "dd", "rows-read"));
    }
}

/// <summary>The batch page against a 4 KB upload limit.</summary>
public sealed class BatchPageLimitTests(SiteWithSmallLimits site) : IClassFixture<SiteWithSmallLimits>
{
    private readonly PageSession _session = new(site.CreateClient());

    [Fact]
    public async Task AFileOverTheLimitGetsAClearMessageNotAServerError()
    {
        var (status, html) = await _session.UploadAsync("/Batch", "big.csv", Encoding.UTF8.GetBytes(BatchApiTests.SampleCsv(400)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.StartsWith("The file is larger than the upload limit of 4 KB.", PageSession.TextOf(html, "p", "batch-error"), StringComparison.Ordinal);
    }
}
