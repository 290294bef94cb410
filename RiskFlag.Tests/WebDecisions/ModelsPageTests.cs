using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Core.Registry;
using RiskFlag.Tests.Web;
using RiskFlag.Training.Pipeline;
using RiskFlag.Web.Audit;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>An operator promotes and rolls back from the Models page; the site then serves the new champion. Other roles cannot.</summary>
public sealed class ModelsPageTests : IDisposable
{
    private static readonly TrainedModel Primary = TrainedBundles.Shared.Primary;
    private static readonly TrainedModel Secondary = TrainedBundles.Shared.Secondary;

    private readonly ModelDirectory _model = ModelDirectory.With(Primary);
    private readonly RiskFlagWebFactory _factory;
    private readonly PageSession _session;

    public ModelsPageTests()
    {
        var registry = ModelRegistry.Open(new RegistryOptions { Directory = Path.Combine(_model.Path, "registry"), ServedBundlePath = _model.BundlePath });
        var v1 = registry.Register(Write(Primary, "primary.zip"), "run-one", "ci");
        var v2 = registry.Register(Write(Secondary, "secondary.zip"), "run-two", "ci");
        registry.SetAlias(RegistryOptions.ChampionAlias, v1.Version, "ci", "first");
        registry.SetAlias(RegistryOptions.ChallengerAlias, v2.Version, "ci", "retrained");
        _factory = new RiskFlagWebFactory(_model);
        _session = new PageSession(_factory.CreateClient(RiskRoles.Operator));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _model.Dispose();
    }

    [Fact]
    public async Task ThePageShowsVersionsAliasesAndHistory()
    {
        var html = WebUtility.HtmlDecode(await _session.Client.GetStringAsync("/Models"));

        Assert.Equal("champion", AliasCell(html, 1));
        Assert.Equal("challenger", AliasCell(html, 2));
        Assert.Contains(Secondary.Manifest.Version, html, StringComparison.Ordinal);
        Assert.Contains("retrained", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Models\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAChallengerThePageSaysSoAndPromoteIsDisabled()
    {
        using var model = ModelDirectory.With(Primary);
        var registry = ModelRegistry.Open(new RegistryOptions { Directory = Path.Combine(model.Path, "registry"), ServedBundlePath = model.BundlePath });
        var v1 = registry.Register(Write(Primary, "only.zip"), "run-one", "ci");
        registry.SetAlias(RegistryOptions.ChampionAlias, v1.Version, "ci", "first");
        using var factory = new RiskFlagWebFactory(model);

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/Models"));

        Assert.Contains("There is no challenger to promote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(v0)", html, StringComparison.Ordinal);
        Assert.Matches("<button[^>]*id=\"promote\"[^>]*disabled", html);
        Assert.Matches("<button type=\"submit\" class=\"secondary\"[^>]*id=\"rollback\"", html);
    }

    [Fact]
    public async Task PromoteAndRollbackChangeWhatTheSiteServesAndRecordTheOperator()
    {
        var (status, html) = await PostAsync("Promote");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("champion is now v2", html, StringComparison.Ordinal);
        await Eventually.AssertAsync(async () => await ServingVersionAsync() == Secondary.Manifest.Version, "the promoted bundle to be served");

        (status, html) = await PostAsync("Rollback");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("champion is now v1", html, StringComparison.Ordinal);
        await Eventually.AssertAsync(async () => await ServingVersionAsync() == Primary.Manifest.Version, "the previous bundle to be served again");
        Assert.Contains(">rollback<", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{RiskFlagWebFactory.EmailOf(RiskRoles.Operator)}</td>", html, StringComparison.Ordinal);

        using var scope = _factory.Services.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var promoted = Assert.Single(await trail.ReadAsync(AuditActions.ModelPromoted, before: null));
        Assert.Equal((RiskFlagWebFactory.EmailOf(RiskRoles.Operator), "champion", "v1 → v2: better recall"), (promoted.Actor, promoted.Target, promoted.Detail));
        var rolledBack = Assert.Single(await trail.ReadAsync(AuditActions.ModelRolledBack, before: null));
        Assert.Equal("v2 → v1: better recall", rolledBack.Detail);
    }

    [Theory]
    [InlineData(RiskRoles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(RiskRoles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Redirect)]
    public async Task OtherRolesCannotPromote(string? role, HttpStatusCode expected)
    {
        var before = File.ReadAllBytes(_model.BundlePath);
        using var other = role is null ? _factory.CreateAnonymousClient() : _factory.CreateClient(role);

        // Refused before the antiforgery check (which would answer 400): the policy decides first.
        var response = await other.PostAsync("/Models?handler=Promote", new FormUrlEncodedContent(Fields()));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(_model.BundlePath));
        Assert.Equal("champion", AliasCell(WebUtility.HtmlDecode(await _session.Client.GetStringAsync("/Models")), 1));
    }

    [Fact]
    public async Task APromotionWithoutAReasonChangesNothing()
    {
        var values = new Dictionary<string, string> { [PageSession.TokenField] = await _session.TokenAsync("/Models") };
        var response = await _session.Client.PostAsync("/Models?handler=Promote", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Say why", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("champion", AliasCell(WebUtility.HtmlDecode(await _session.Client.GetStringAsync("/Models")), 1));
    }

    [Fact]
    public async Task A_version_of_an_earlier_builds_format_is_shown_as_such_and_cannot_be_promoted()
    {
        // What an upgrade leaves behind: the challenger's registered file is a bundle of an earlier build's format.
        var registry = ModelRegistry.Open(new RegistryOptions { Directory = Path.Combine(_model.Path, "registry"), ServedBundlePath = _model.BundlePath });
        var challenger = registry.State().Versions.Single(v => v.Version == 2);
        AtomicFile.Write(challenger.BundlePath, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using var manifest = zip.CreateEntry("manifest.json").Open();
            manifest.Write("{\"format\":\"riskflag-model\",\"schema_version\":1}"u8);
        });

        var html = WebUtility.HtmlDecode(await _session.Client.GetStringAsync("/Models"));
        Assert.Matches("<tr id=\"version-2\">.*?<td class=\"format not-servable\">[^<]*earlier RiskFlag build[^<]*retrain", html.ReplaceLineEndings(" "));
        Assert.Matches("<tr id=\"version-1\">.*?<td class=\"format servable\">lightgbm", html.ReplaceLineEndings(" "));

        var (status, page) = await PostAsync("Promote");
        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Contains("v2 cannot serve with this build", page, StringComparison.Ordinal);
        Assert.Equal(Primary.Manifest.Version, await ServingVersionAsync());
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var (status, _) = await _session.PostFormAsync("/Models?handler=Promote", Fields(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(Primary.Manifest.Version, await ServingVersionAsync());
    }

    private static Dictionary<string, string> Fields() => new() { ["reason"] = "better recall" };

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler)
    {
        var values = Fields();
        values[PageSession.TokenField] = await _session.TokenAsync("/Models");
        var response = await _session.Client.PostAsync($"/Models?handler={handler}", new FormUrlEncodedContent(values));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string?> ServingVersionAsync() =>
        (string?)(await _session.Client.GetFromJsonAsync<JsonObject>("/api/model"))!["version"];

    private static string? AliasCell(string html, int version)
    {
        var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr id=\"version-{version}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        return System.Text.RegularExpressions.Regex.Match(row, "<td class=\"aliases\">(.*?)</td>").Groups[1].Value;
    }

    private string Write(TrainedModel bundle, string name)
    {
        var path = Path.Combine(_model.Path, name);
        bundle.Write(path);
        return path;
    }
}
