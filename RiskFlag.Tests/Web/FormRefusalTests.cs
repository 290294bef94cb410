using System.Net;

namespace RiskFlag.Tests.Web;

/// <summary>A form post the site cannot take gets the site's page saying why, with the right status, never a bare 400.</summary>
public sealed class FormRefusalTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task A_post_without_its_security_token_is_a_400_page_that_says_to_reload()
    {
        using var client = site.CreateClient();

        var response = await client.PostAsync("/", new FormUrlEncodedContent(Applicants.Valid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.Contains("security token is missing or no longer valid", html, StringComparison.Ordinal);
        Assert.Contains("reload the page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("RISK FLAG:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_over_the_form_limit_is_a_413_page_naming_the_limit()
    {
        var session = new PageSession(site.CreateClient());
        var form = Applicants.Valid();
        form["city"] = new string('x', (4 * 1024 * 1024) + 1);

        var (status, html) = await session.PostFormAsync("/", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.Contains("a field is over 4 MB", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was scored", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_its_token_is_still_scored()
    {
        var session = new PageSession(site.CreateClient());

        var (status, html) = await session.PostFormAsync("/", Applicants.Valid());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("RISK FLAG:", html, StringComparison.Ordinal);
    }
}
