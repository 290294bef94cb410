using System.Net;

using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Audit;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Tests.Access;

/// <summary>Exports, reloads and changes to users and keys leave a record (who, when, what) that administrators read on /Admin/Audit.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly ServedSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task An_export_is_recorded_with_who_asked_and_the_filter_before_any_row_is_sent()
    {
        using var analyst = _site.Factory.CreateClient(RiskRoles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/decisions/export.csv?flag=1&model=v7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/decisions/export.csv")).StatusCode);

        var exports = await ReadAsync(AuditActions.DecisionsExported);
        Assert.Equal(2, exports.Count);
        Assert.All(exports, r => Assert.Equal(RiskFlagWebFactory.EmailOf(RiskRoles.Analyst), r.Actor));
        Assert.Equal("no filter", exports[0].Detail);
        Assert.Contains("model=v7", exports[1].Detail, StringComparison.Ordinal);
        Assert.Contains("flag=1", exports[1].Detail, StringComparison.Ordinal);
        Assert.True(exports[0].At >= exports[1].At);
    }

    [Fact]
    public async Task An_export_with_filters_that_cannot_be_read_exports_nothing_and_records_nothing()
    {
        using var analyst = _site.Factory.CreateClient(RiskRoles.Analyst);

        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/decisions/export.csv?from=yesterday")).StatusCode);
        Assert.Empty(await ReadAsync(AuditActions.DecisionsExported));
    }

    [Fact]
    public async Task A_reload_user_change_and_key_change_are_recorded_and_shown_to_administrators()
    {
        using var operatorClient = _site.Factory.CreateClient(RiskRoles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsync("/api/model/reload", null)).StatusCode);
        using (var scope = _site.Factory.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserDirectory>().SetRolesAsync("admin@riskflag.test", RiskFlagWebFactory.EmailOf(RiskRoles.Operator), [RiskRoles.Operator, RiskRoles.Auditor]));
            var created = await scope.ServiceProvider.GetRequiredService<ApiKeyDirectory>().CreateAsync("admin@riskflag.test", "nightly-batch", RiskRoles.Analyst);
            Assert.NotNull(created.Key);
        }

        var reload = Assert.Single(await ReadAsync(AuditActions.ModelReloaded));
        Assert.Equal(RiskFlagWebFactory.EmailOf(RiskRoles.Operator), reload.Actor);
        var roles = Assert.Single(await ReadAsync(AuditActions.UserRolesChanged));
        Assert.Equal("operator → auditor, operator", roles.Detail);
        var key = Assert.Single(await ReadAsync(AuditActions.ApiKeyCreated));
        Assert.Equal("key:nightly-batch", key.Target);
        Assert.DoesNotContain("rfk_", key.Detail, StringComparison.Ordinal);

        using var admin = _site.Factory.CreateClient(RiskRoles.Admin);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Audit"));
        Assert.Contains("key:nightly-batch", page, StringComparison.Ordinal);
        Assert.Contains(AuditActions.ModelReloaded, page, StringComparison.Ordinal);
        var filtered = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Audit?action={AuditActions.ApiKeyCreated}"));
        Assert.Contains("key:nightly-batch", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>model.reload</td>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_seeks_page_by_page_and_refuses_an_unknown_action()
    {
        using (var scope = _site.Factory.Services.CreateScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            for (var i = 0; i < AuditTrail.PageSize + 5; i++)
            {
                await trail.RecordAsync("someone", AuditActions.DecisionsExported, "decisions", $"export {i}");
            }
        }

        using var admin = _site.Factory.CreateClient(RiskRoles.Admin);
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Audit"));
        Assert.Contains("<td>export 104</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>export 4</td>", first, StringComparison.Ordinal);
        var older = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" id=\"audit-older\"").Groups[1].Value;
        var second = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Audit" + WebUtility.HtmlDecode(older)));
        Assert.Contains("<td>export 4</td>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>export 5</td>", second, StringComparison.Ordinal);

        var unknown = await admin.GetAsync("/Admin/Audit?action=drop.tables");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown action", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskRoles.Auditor)]
    [InlineData(RiskRoles.Operator)]
    public async Task Only_administrators_read_the_trail(string role)
    {
        using var client = _site.Factory.CreateClient(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Audit")).StatusCode);
    }

    private async Task<IReadOnlyList<AuditRecord>> ReadAsync(string action)
    {
        using var scope = _site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().ReadAsync(action, before: null);
    }
}
