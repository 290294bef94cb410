using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>An administrator manages users on /Admin/Users; what is set there is what the user can then do.</summary>
public sealed class UsersPageTests : IDisposable
{
    private readonly ServedSite _site = new();
    private readonly PageSession _admin;

    public UsersPageTests() => _admin = new PageSession(_site.Factory.CreateClient(RiskRoles.Admin));

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_created_user_signs_in_with_exactly_the_roles_given_and_roles_can_change()
    {
        var (status, html) = await PostAsync("Create", ("email", "new.analyst@riskflag.test"), ("password", "Analyst-Pass-123"), ("roles", RiskRoles.Analyst));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Created new.analyst@riskflag.test.", html, StringComparison.Ordinal);

        using (var analyst = await SignedInAsync("new.analyst@riskflag.test", "Analyst-Pass-123"))
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Decisions")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/Models")).StatusCode);
        }

        (status, _) = await PostAsync("Roles", ("email", "new.analyst@riskflag.test"), ("roles", RiskRoles.Operator));
        Assert.Equal(HttpStatusCode.OK, status);
        using var operatorClient = await SignedInAsync("new.analyst@riskflag.test", "Analyst-Pass-123");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/Models")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        await PostAsync("Create", ("email", "leaver@riskflag.test"), ("password", "Leaver-Pass-123"), ("roles", RiskRoles.Officer));

        var (status, html) = await PostAsync("Disable", ("email", "leaver@riskflag.test"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("leaver@riskflag.test disabled.", html, StringComparison.Ordinal);
        var refused = await LoginAsync("leaver@riskflag.test", "Leaver-Pass-123");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("locked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostAsync("Enable", ("email", "leaver@riskflag.test"));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("leaver@riskflag.test", "Leaver-Pass-123")).StatusCode);
    }

    [Fact]
    public async Task The_only_administrator_can_be_neither_disabled_nor_demoted()
    {
        var (status, html) = await PostAsync("Disable", ("email", RiskFlagWebFactory.AdminEmail));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("only enabled administrator", html, StringComparison.Ordinal);

        (status, html) = await PostAsync("Roles", ("email", RiskFlagWebFactory.AdminEmail), ("roles", RiskRoles.Officer));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("only enabled administrator", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(RiskFlagWebFactory.AdminEmail, RiskFlagWebFactory.Password)).StatusCode);
    }

    [Theory]
    [InlineData("superuser", "Unknown role 'superuser'")]
    public async Task An_unknown_role_or_a_weak_password_is_refused_with_the_reason(string role, string reason)
    {
        var (status, html) = await PostAsync("Create", ("email", "x@riskflag.test"), ("password", "Strong-Pass-123"), ("roles", role));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, html, StringComparison.Ordinal);

        (status, html) = await PostAsync("Create", ("email", "y@riskflag.test"), ("password", "short"), ("roles", RiskRoles.Officer));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        Assert.DoesNotContain("y@riskflag.test</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskRoles.Operator)]
    [InlineData(RiskRoles.Auditor)]
    public async Task Only_administrators_open_the_page(string role)
    {
        using var client = _site.Factory.CreateClient(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Users")).StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        values.Add(new(PageSession.TokenField, await _admin.TokenAsync("/Admin/Users")));
        var response = await _admin.Client.PostAsync($"/Admin/Users?handler={handler}", new FormUrlEncodedContent(values));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        using var client = _site.Factory.CreateAnonymousClient();
        return await client.PostAsJsonAsync("/api/auth/login", new { email, password });
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var login = await LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var client = _site.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
