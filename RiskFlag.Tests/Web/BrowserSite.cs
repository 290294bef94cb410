using System.Net;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RiskFlag.Tests.Web;

/// <summary>
/// The site on a real Kestrel socket (127.0.0.1, a free port) and Debian's Chromium driven by Playwright. The
/// browser is the system one: Playwright's own browser downloads are never used.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public ModelDirectory Model { get; } = ModelDirectory.With(TrainedBundles.Shared.Primary);

    public RiskFlagWebFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: $RISKFLAG_SCREENSHOTS_DIR (CI collects it), else riskflag-screenshots in the temp folder (tests never write into the checkout).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("RISKFLAG_SCREENSHOTS_DIR") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Path.GetTempPath(), "riskflag-screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        Seed(Model);
        Factory = new RiskFlagWebFactory(Model);
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        Assert.Equal("127.0.0.1", BaseAddress.Host);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new browser context of the given size, signed in through the sign-in page as the administrator.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await NewAnonymousPageAsync(width, height);
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#email", RiskFlagWebFactory.AdminEmail);
        await page.FillAsync("#password", RiskFlagWebFactory.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    public async Task<IPage> NewAnonymousPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        // Generous: the browser, the site and the rest of the suite share two cores.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Writes what the site should find in its folders (runs, a registry) before it starts.</summary>
    protected virtual void Seed(ModelDirectory model)
    {
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        Model.Dispose();
    }
}
