using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Api;

namespace RiskFlag.Tests.Parsing;

/// <summary>
/// A Risk_Flag column is the answer when training (a bad one rejects the row) and informational when scoring (a bad one
/// is a warning on a row that is still scored; a blank one means not known yet).
/// </summary>
public sealed class InformationalLabelTests(ServedSite site) : IClassFixture<ServedSite>
{
    private static readonly string Text = $"{CsvFixtures.Header}\n{Row("0")}\n{Row("")}\n{Row("2")}\n{Row("yes")}\n";

    [Fact]
    public void Training_rejects_a_row_whose_label_is_not_0_or_1()
    {
        var result = CsvFixtures.Read(Text);

        Assert.Equal([2], result.Records.Select(r => r.Line));
        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Line).Distinct());
        Assert.All(result.Errors, e => Assert.Equal("Risk_Flag", e.Field));
    }

    [Fact]
    public void Scoring_reads_every_row_and_warns_about_the_bad_labels_only()
    {
        using var reader = new ApplicantCsvReader(new StringReader(Text), LabelUse.Informational);

        var rows = reader.ReadAll().ToList();

        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal([0, null, null, null], rows.Select(r => r.Label));
        Assert.Equal([0, 0, 1, 1], rows.Select(r => r.Warnings.Count));
        Assert.Contains("'yes' is not a number (ignored: scoring does not use the label)", rows[3].Warnings[0].Reason, StringComparison.Ordinal);
        Assert.Equal(4, rows[2].Warnings[0].Line);
    }

    [Fact]
    public void A_scored_file_keeps_the_rows_with_bad_labels_and_says_what_was_ignored()
    {
        var scorer = new BatchScorer(new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()));
        using var output = new MemoryStream();

        var summary = scorer.Score(new MemoryStream(Encoding.UTF8.GetBytes(Text)), output);

        Assert.Equal(4, summary.Scored);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal([4, 5], summary.Warnings.Select(w => w.Line));
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Skip(1), l => Assert.Contains(",scored,", l, StringComparison.Ordinal));
        Assert.Contains("ignored: scoring does not use the label", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",scored,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_scores_an_applicant_with_a_bad_label_and_returns_the_warning()
    {
        using var client = site.CreateClient();
        var body = Applicants.ToJson(Applicants.Valid());
        body["risk_flag"] = 2;

        var response = await client.PostAsJsonAsync("/api/predict", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Risk_Flag: 2 is outside the allowed range 0–1 (ignored", answer["warnings"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var batch = await client.PostAsync("/api/predict/batch", new StringContent(Text, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal("2", batch.Headers.GetValues(BatchEndpoint.WarningsHeader).Single());
        Assert.Equal("0", batch.Headers.GetValues(BatchEndpoint.RowsRejectedHeader).Single());
    }

    [Fact]
    public async Task The_batch_page_lists_the_warnings_beside_the_scored_count()
    {
        var session = new PageSession(site.CreateClient());

        var (status, html) = await session.UploadAsync("/Batch", "labelled.csv", Encoding.UTF8.GetBytes(Text));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"warnings\"", html, StringComparison.Ordinal);
        Assert.Contains("'yes' is not a number (ignored: scoring does not use the label)", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"rows-rejected\">0</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_without_a_label_has_no_warnings_field()
    {
        using var client = site.CreateClient();

        var answer = (await (await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid()))).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(answer.ContainsKey("warnings"));
    }

    private static string Row(string label) => CsvFixtures.GoodRow[..CsvFixtures.GoodRow.LastIndexOf(',')] + "," + label;
}
