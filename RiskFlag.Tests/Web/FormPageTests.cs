using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Tests.Web;

public sealed class FormPageTests(ServedSite site) : IClassFixture<ServedSite>
{
    private static readonly string[] TypedFields = ["income", "age", "experience", "city", "state"];

    private readonly PageSession _session = new(site.CreateClient());

    [Fact]
    public async Task TheFormHasTheOldLabelsAndFieldsPlusTheNewOnes()
    {
        var html = WebUtility.HtmlDecode(await _session.Client.GetStringAsync("/"));

        Assert.Contains("<h1>Risk Flag Prediction</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Enter the applicant's details below to predict their risk flag.", html, StringComparison.Ordinal);
        foreach (var label in new[] { "Annual Income (₹)", "Age (years)", "Work Experience (years)", "Years in Current Job", "Years in Current House", "City", "State" })
        {
            Assert.Contains($">{label}</label>", html, StringComparison.Ordinal);
        }

        foreach (var name in new[] { "income", "age", "experience", "current_job_yrs", "current_house_yrs", "city", "state", "married", "house_ownership", "car_ownership", "profession" })
        {
            Assert.Matches($"<(input|select) id=\"{name}\" name=\"{name}\"", html);
        }

        Assert.Contains(">Predict Risk</button>", html, StringComparison.Ordinal);
        Assert.Contains(PageSession.TokenField, html, StringComparison.Ordinal);
        var vocabulary = TrainedBundles.Shared.Primary.Bundle.Vocabulary;
        Assert.Contains($"<option value=\"{vocabulary.Cities[0].City}\">{vocabulary.Cities[0].State}</option>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{vocabulary.States[^1]}\"></option>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{vocabulary.Professions[0]}\">{vocabulary.Professions[0]}</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesSayTheyLoadOnlyTheirOwnFilesAndRunNoScript()
    {
        foreach (var page in new[] { "/", "/Batch", "/Model" })
        {
            var response = await _session.Client.GetAsync(page);

            Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var (status, _) = await _session.PostFormAsync("/", Applicants.Valid(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task AValidApplicantShowsTheFlagProbabilityThresholdVersionAndExactFactors()
    {
        var applicant = Applicants.Valid(seed: 2);

        var (status, html) = await _session.PostFormAsync("/", applicant);

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()).Score(Parse(applicant));
        var verdict = expected.Flag ? "RISK FLAG: YES (High Risk)" : "RISK FLAG: NO (Low Risk)";
        Assert.Contains($"<p class=\"verdict\">{verdict}</p>", html, StringComparison.Ordinal);
        Assert.Contains(expected.Flag ? "result-high" : "result-low", html, StringComparison.Ordinal);
        Assert.Equal(expected.Probability.ToString("P1", CultureInfo.InvariantCulture), PageSession.TextOf(html, "dd", "probability"));
        Assert.Equal(expected.Threshold.ToString("P1", CultureInfo.InvariantCulture), PageSession.TextOf(html, "dd", "threshold"));
        Assert.Equal(expected.ModelVersion, PageSession.TextOf(html, "dd", "model-version"));
        Assert.Equal(3, expected.TopFactors.Count);
        foreach (var factor in expected.TopFactors)
        {
            Assert.Contains($"<span class=\"factor\">{factor} <abbr class=\"unit\" title=\"change in the log-odds of default\">log-odds</abbr></span>", html, StringComparison.Ordinal);
        }

        // What was typed stays in the form.
        Assert.Contains($"value=\"{applicant["income"]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{applicant["married"]}\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCityIsScoredAndTheResultSaysSo()
    {
        var (status, html) = await _session.PostFormAsync("/", Applicants.With("city", "Atlantis"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("RISK FLAG:", html, StringComparison.Ordinal);
        Assert.Contains("The model has not seen the city “Atlantis”, so it used the average risk of all cities.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValidationRules.Cases), MemberType = typeof(ValidationRules))]
    public async Task EachValidationRuleShowsItsMessageNextToTheFieldAndKeepsTheInput(string field, string? value, string message)
    {
        var applicant = ValidationRules.Applicant(field, value);

        var (status, html) = await _session.PostFormAsync("/", applicant);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("RISK FLAG:", html, StringComparison.Ordinal);
        var shown = PageSession.TextOf(html, "p", $"{field}-error");
        Assert.NotNull(shown);
        Assert.Contains(message, shown, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "class=\"field-error\""));
        Assert.Matches($"id=\"{field}\"[^>]*aria-invalid=\"true\"", html);
        foreach (var typed in TypedFields.Where(f => applicant.TryGetValue(f, out var v) && v.Length > 0))
        {
            Assert.Contains($"name=\"{typed}\" type=\"{(typed is "city" or "state" ? "text" : "number")}\" value=\"{applicant[typed]}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMissingValueReadsAsASentenceWithTheFieldName()
    {
        var (_, html) = await _session.PostFormAsync("/", Applicants.With("age", ""));

        Assert.Equal("Age is missing", PageSession.TextOf(html, "p", "age-error"));
    }

    private static Core.Domain.Applicant Parse(IReadOnlyDictionary<string, string> fields)
    {
        var values = new string?[ApplicantColumns.Count];
        foreach (var (key, value) in fields)
        {
            Assert.True(ApplicantColumns.TryResolve(key, out var field));
            values[(int)field] = value;
        }

        Assert.True(ApplicantValidator.TryCreate(values, 1, false, new List<RowError>(), out var applicant, out _));
        return applicant!;
    }
}
