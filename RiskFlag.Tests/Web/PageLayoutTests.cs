namespace RiskFlag.Tests.Web;

/// <summary>
/// Every page at desktop and phone width: nothing wider than the window, no two controls on top of each other.
/// Screenshots go to <see cref="BrowserSite.ScreenshotDirectory"/> for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageLayoutTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "/", "/Batch", "/Model", "/Models", "/Runs", "/Decisions", "/Admin/Users", "/Admin/ApiKeys", "/Admin/Audit", "/Account/SignIn" })
        {
            data.Add(path, 1280);
            data.Add(path, 390);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_fits_the_window_and_its_controls_do_not_overlap(string path, int width) =>
        PageLayout.CheckAsync(site, path, width, "layout-" + (path == "/" ? "index" : path.Trim('/').Replace('/', '-').ToLowerInvariant()));
}
