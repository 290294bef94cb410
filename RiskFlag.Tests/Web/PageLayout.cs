using Microsoft.Playwright;

namespace RiskFlag.Tests.Web;

/// <summary>
/// The layout rules every page is held to: nothing wider than the window, no two controls on top of each other, no
/// control reaching past its card. Screenshots go to <see cref="BrowserSite.ScreenshotDirectory"/> for a person to look at.
/// </summary>
public static class PageLayout
{
    /// <summary>Opens the page signed in as the administrator, asserts the layout rules and saves a screenshot.</summary>
    public static async Task CheckAsync(BrowserSite site, string path, int width, string screenshot)
    {
        var page = await site.NewPageAsync(width, 900);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the window");

        var overlaps = await page.EvaluateAsync<string[]>("""
            () => {
              const boxes = [...document.querySelectorAll('button, input:not([type=hidden]), select, a.button, label')]
                .filter(e => e.offsetParent !== null)
                .map(e => ({ e, r: e.getBoundingClientRect() }));
              const name = e => e.id || e.getAttribute('for') || e.textContent.trim().slice(0, 30) || e.tagName;
              const found = [];
              for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i], b = boxes[j];
                  if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
                  const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                  const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                  if (x > 2 && y > 2) found.push(name(a.e) + ' / ' + name(b.e));
                }
              return found;
            }
            """);
        Assert.True(overlaps.Length == 0, $"{path} at {width} px: overlapping controls {string.Join(", ", overlaps)}");

        var outside = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, input:not([type=hidden]), select, a.button, table')]
              .filter(e => e.offsetParent !== null && e.closest('.card') && !e.closest('.table-scroll'))
              .filter(e => e.getBoundingClientRect().right > e.closest('.card').getBoundingClientRect().right - 1)
              .map(e => e.id || e.name || e.tagName)
            """);
        Assert.True(outside.Length == 0, $"{path} at {width} px: controls reaching past their card {string.Join(", ", outside)}");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotDirectory, $"{screenshot}-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
