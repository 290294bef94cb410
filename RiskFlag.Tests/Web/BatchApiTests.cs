using System.Net;
using System.Net.Http.Headers;
using System.Text;

using RiskFlag.Core.Scoring;
using RiskFlag.Training.Synthetic;
using RiskFlag.Web.Api;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

public sealed class BatchApiTests(ServedSite site) : IClassFixture<ServedSite>
{
    private const string Header = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";

    private readonly HttpClient _client = site.CreateClient();

    public static string SampleCsv(int rows)
    {
        using var writer = new StringWriter();
        new SyntheticApplicantGenerator(seed: 9).WriteCsv(writer, rows);
        return writer.ToString();
    }

    [Fact]
    public async Task ACsvBodyComesBackScoredWithItsInputColumnsAndCounts()
    {
        var csv = SampleCsv(300);

        var response = await _client.PostAsync("/api/predict/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(csv.Split('\n')[0].TrimEnd('\r') + ",decision_id,risk_probability,risk_flag,top_factors,status,error", lines[0]);
        Assert.Equal(301, lines.Length);
        Assert.Equal("300", Single(response, BatchEndpoint.RowsReadHeader));
        Assert.Equal("300", Single(response, BatchEndpoint.RowsScoredHeader));
        Assert.Equal("0", Single(response, BatchEndpoint.RowsRejectedHeader));
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, Single(response, BatchEndpoint.ModelVersionHeader));

        // The same file through the core batch scorer gives the same bytes and the same count of flags, except that
        // the site names each row's logged decision where the core scorer, which logs nothing, leaves it blank.
        using var expected = new MemoryStream();
        var summary = new BatchScorer(new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()))
            .Score(new MemoryStream(Encoding.UTF8.GetBytes(csv)), expected);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(300, DecisionIdText.Count(body));
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), DecisionIdText.WithoutInCsv(body));
        Assert.Equal(summary.Flagged.ToString(System.Globalization.CultureInfo.InvariantCulture), Single(response, BatchEndpoint.RowsFlaggedHeader));
    }

    [Fact]
    public async Task RejectedRowsAreCountedAndComeBackWithTheirLineFieldAndReason()
    {
        var csv = $"{Header}\n1,100000,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n2,abc,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n3,100000,12,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n";

        var response = await _client.PostAsync("/api/predict/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Single(response, BatchEndpoint.RowsReadHeader));
        Assert.Equal("1", Single(response, BatchEndpoint.RowsScoredHeader));
        Assert.Equal("2", Single(response, BatchEndpoint.RowsRejectedHeader));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.EndsWith(",scored,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,abc,", lines[2], StringComparison.Ordinal);
        Assert.Matches(@",,,,rejected,""?line 3: Income: [^\n]+$", lines[2]);
        Assert.Matches(@",,,,rejected,""?line 4: Age: [^\n]+$", lines[3]);
    }

    [Fact]
    public async Task AMultipartUploadIsScoredToo()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleCsv(50)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "applicants.csv");

        var response = await _client.PostAsync("/api/predict/batch", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("50", Single(response, BatchEndpoint.RowsScoredHeader));
        Assert.Equal(51, (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task AJsonArrayBodyIsScoredToo()
    {
        var json = $"[{Applicants.ToJson(Applicants.Valid(1)).ToJsonString()},{Applicants.ToJson(Applicants.Valid(2)).ToJsonString()}]";

        var response = await _client.PostAsync("/api/predict/batch", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Single(response, BatchEndpoint.RowsScoredHeader));
    }

    [Fact]
    public async Task AFileWithoutTheApplicantColumnsIsA400Problem()
    {
        var response = await _client.PostAsync("/api/predict/batch", new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/csv"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("lacks required column", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherContentTypeIsA415Problem()
    {
        var response = await _client.PostAsync("/api/predict/batch", new StringContent("<a/>", Encoding.UTF8, "application/xml"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/csv")]
    public async Task PlainTextAndApplicationCsvBodiesAreScoredAsCsv(string contentType)
    {
        var response = await _client.PostAsync("/api/predict/batch", new StringContent(SampleCsv(5), Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5", Single(response, BatchEndpoint.RowsScoredHeader));
    }

    private static string Single(HttpResponseMessage response, string header) => Assert.Single(response.Headers.GetValues(header));
}
