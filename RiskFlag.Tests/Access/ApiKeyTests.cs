using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>An administrator makes a key for a service on /Admin/ApiKeys; the key acts with its one role until revoked.</summary>
public sealed partial class ApiKeyTests : IDisposable
{
    private readonly ServedSite _site = new();
    private readonly PageSession _admin;

    public ApiKeyTests() => _admin = new PageSession(_site.Factory.CreateClient(RiskRoles.Admin));

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_key_scores_with_its_role_and_stops_working_the_moment_it_is_revoked()
    {
        Assert.Contains("id=\"no-keys\"", await _admin.Client.GetStringAsync("/Admin/ApiKeys"), StringComparison.Ordinal);
        var key = await CreateAsync("loan-intake", RiskRoles.Officer);
        Assert.DoesNotContain("id=\"no-keys\"", await _admin.Client.GetStringAsync("/Admin/ApiKeys"), StringComparison.Ordinal);
        using var service = ClientWith(key);

        Assert.Equal(HttpStatusCode.OK, (await service.PostAsync("/api/predict", Applicant())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostAsync("/api/predict/batch", Applicant())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostAsync("/api/model/reload", null)).StatusCode);

        var (status, html) = await PostAsync("Revoke", new Dictionary<string, string> { ["id"] = IdOf(key) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Key revoked", html, StringComparison.Ordinal);

        var refused = await service.PostAsync("/api/predict", Applicant());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var key = await CreateAsync("reporting", RiskRoles.Analyst);

        var listing = await _admin.Client.GetStringAsync("/Admin/ApiKeys");
        Assert.Contains("reporting", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretOf(key), listing, StringComparison.Ordinal);

        using var scope = _site.Factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdentityStore>().ApiKeys.SingleAsync(k => k.Name == "reporting");
        Assert.Equal(IdOf(key), stored.Id);
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.Equal(RiskFlagWebFactory.AdminEmail, stored.CreatedBy);
    }

    [Theory]
    [InlineData("rfk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rfk_short")]
    public async Task An_unknown_or_malformed_key_gets_401(string key)
    {
        using var service = ClientWith(key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.PostAsync("/api/predict", Applicant())).StatusCode);
    }

    [Fact]
    public async Task A_forged_secret_for_a_real_key_id_gets_401()
    {
        var key = await CreateAsync("forged", RiskRoles.Officer);
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var service = ClientWith(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.PostAsync("/api/predict", Applicant())).StatusCode);
    }

    [Theory]
    [InlineData("root-key", RiskRoles.Admin, "A key holds one of")]
    [InlineData("bad name!", RiskRoles.Officer, "A key's name is")]
    public async Task A_key_with_the_admin_role_or_a_bad_name_is_refused(string name, string role, string reason)
    {
        var (status, html) = await PostAsync("Create", new Dictionary<string, string> { ["name"] = name, ["role"] = role });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-key\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_not_reused()
    {
        await CreateAsync("twice", RiskRoles.Officer);

        var (status, html) = await PostAsync("Create", new Dictionary<string, string> { ["name"] = "twice", ["role"] = RiskRoles.Officer });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("exists already", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskRoles.Operator)]
    [InlineData(RiskRoles.Analyst)]
    public async Task Only_administrators_open_the_page(string role)
    {
        using var client = _site.Factory.CreateClient(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/ApiKeys")).StatusCode);
    }

    private async Task<string> CreateAsync(string name, string role)
    {
        var (status, html) = await PostAsync("Create", new Dictionary<string, string> { ["name"] = name, ["role"] = role });
        Assert.Equal(HttpStatusCode.OK, status);
        var match = NewKeyPattern().Match(html);
        Assert.True(match.Success, "the page does not show the new key");
        return match.Groups[1].Value;
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler, Dictionary<string, string> fields)
    {
        fields[PageSession.TokenField] = await _admin.TokenAsync("/Admin/ApiKeys");
        var response = await _admin.Client.PostAsync($"/Admin/ApiKeys?handler={handler}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private HttpClient ClientWith(string key)
    {
        var client = _site.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static System.Net.Http.Json.JsonContent Applicant() => ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 12, count: 1)[0]);

    private static string IdOf(string key) => key.Split('_')[1];

    private static string SecretOf(string key) => key[(key.IndexOf('_', 4) + 1)..];

    [GeneratedRegex("id=\"new-key\" readonly value=\"(rfk_[^\"]+)\"")]
    private static partial Regex NewKeyPattern();
}
