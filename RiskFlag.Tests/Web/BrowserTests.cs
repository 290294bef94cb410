using System.Text;

using Microsoft.Playwright;

namespace RiskFlag.Tests.Web;

/// <summary>Smoke tests in a real browser: what a loan officer does, at desktop and phone widths.</summary>
[Trait("Category", "Browser")]
public sealed class BrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task FillingTheFormShowsTheFlagAndThreeFactors()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/");

        await FillApplicantAsync(page);
        await page.ClickAsync("button:has-text('Predict Risk')");

        var result = page.Locator("#result");
        await Assertions.Expect(result).ToBeVisibleAsync();
        Assert.Matches(@"^RISK FLAG: (YES \(High Risk\)|NO \(Low Risk\))$", (await page.Locator(".verdict").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("#factors li").CountAsync());
        Assert.Matches(@": [+-]\d+\.\d\d log-odds$", (await page.Locator("#factors li .factor").First.InnerTextAsync()).Trim());
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, await page.Locator("#model-version").InnerTextAsync());
        Assert.Equal("1303834", await page.InputValueAsync("#income"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "predict-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePageFitsAPhoneScreen()
    {
        var page = await site.NewPageAsync(PhoneWidth, 844);
        await page.GotoAsync("/");

        await FillApplicantAsync(page);
        await page.ClickAsync("button:has-text('Predict Risk')");
        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync();

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"the page is {scrollWidth}px wide on a {PhoneWidth}px screen");
        var button = await page.Locator("button.primary").BoundingBoxAsync();
        Assert.NotNull(button);
        Assert.True(button.Width > PhoneWidth * 0.75, "the Predict Risk button should span the card");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "predict-phone-390.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABadValueShowsTheMessageNextToTheField()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/");

        await FillApplicantAsync(page);
        await page.FillAsync("#age", "17");
        await page.ClickAsync("button:has-text('Predict Risk')");

        var message = page.Locator("#age-error");
        await Assertions.Expect(message).ToHaveTextAsync("17 is outside the allowed range 18–100");
        Assert.Equal("17", await page.InputValueAsync("#age"));
        Assert.Equal("Rewa", await page.InputValueAsync("#city"));
        Assert.Equal(0, await page.Locator("#result").CountAsync());
        var summary = page.Locator("#form-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var summaryBox = await summary.BoundingBoxAsync();
        var firstField = await page.Locator("#income").BoundingBoxAsync();
        Assert.True(summaryBox!.Y < firstField!.Y, $"the error summary (y={summaryBox.Y}) sits above the first field (y={firstField.Y})");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "predict-invalid.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UploadingACsvShowsTheSummaryAndDownloadsTheResults()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/Batch");
        var csv = BatchApiTests.SampleCsv(500);

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "applicants.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("button:has-text('Score file')");

        await Assertions.Expect(page.Locator("#batch-summary")).ToBeVisibleAsync();
        Assert.Equal("500", await page.Locator("#rows-read").InnerTextAsync());
        Assert.Equal("500", await page.Locator("#rows-scored").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "batch-desktop.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var path = await download.PathAsync();
        var lines = File.ReadAllLines(path);
        Assert.EndsWith(",decision_id,risk_probability,risk_flag,top_factors,status,error", lines[0], StringComparison.Ordinal);
        Assert.Equal(501, lines.Length);
        Assert.StartsWith("riskflag-scored-", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheModelPageShowsThePlots()
    {
        var page = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/Model");

        var images = page.Locator(".plots img");
        Assert.Equal(TrainedBundles.Shared.Primary.Bundle.Plots.Count, await images.CountAsync());
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "a plot did not render");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, "model-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task FillApplicantAsync(IPage page)
    {
        var vocabulary = TrainedBundles.Shared.Primary.Bundle.Vocabulary;
        await page.FillAsync("#income", "1303834");
        await page.FillAsync("#age", "23");
        await page.FillAsync("#experience", "3");
        await page.FillAsync("#current_job_yrs", "3");
        await page.FillAsync("#current_house_yrs", "13");
        await page.FillAsync("#city", "Rewa");
        await page.FillAsync("#state", "Madhya Pradesh");
        await page.SelectOptionAsync("#married", "single");
        await page.SelectOptionAsync("#house_ownership", "rented");
        await page.SelectOptionAsync("#car_ownership", "no");
        await page.SelectOptionAsync("#profession", vocabulary.Professions.First(p => p.StartsWith("Mechanical", StringComparison.Ordinal)));
    }
}
