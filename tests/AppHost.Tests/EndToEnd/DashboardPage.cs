using System.Diagnostics;
using Microsoft.Playwright;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>The Aspire dashboard in Debian's Chromium, driven by Playwright: logs in with the browser token and reads the resource grid.</summary>
internal static class DashboardPage
{
    private static readonly string[] Settled = ["Running", "Finished"];

    public static async Task ShowsEveryResourceRunningAndHealthy(string dashboard, string token, IReadOnlyList<string> resources, CancellationToken ct)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VOICEHELPER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1800, Height = 2400 } });
        await page.GotoAsync($"{dashboard}/login?t={token}");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        var deadline = Stopwatch.StartNew();
        Dictionary<string, string> rows = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            rows = await ReadRows(page, resources);
            if (resources.All(r => rows.TryGetValue(r, out var text) && IsSettled(text)))
            {
                return;
            }
            await Task.Delay(500, ct);
        }
        var screenshot = Path.Combine(Path.GetTempPath(), $"voicehelper-dashboard-{Guid.NewGuid():N}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.Fail($"Not every resource is Running/Healthy in the dashboard (screenshot {screenshot}):\n"
            + string.Join("\n", resources.Select(r => $"{r}: {rows.GetValueOrDefault(r, "(no row)")}")));
    }

    private static bool IsSettled(string row) =>
        Settled.Any(state => row.Contains(state, StringComparison.Ordinal))
        && !row.Contains("Unhealthy", StringComparison.Ordinal)
        && !row.Contains("Starting", StringComparison.Ordinal);

    /// <summary>The text of each resource's row in the grid (name cell first), children expanded.</summary>
    private static async Task<Dictionary<string, string>> ReadRows(IPage page, IReadOnlyList<string> resources)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await page.Locator("[role=row]").AllAsync())
        {
            var text = (await row.InnerTextAsync()).Replace('\n', ' ').Replace('\t', ' ');
            var name = resources.Where(r => text.Contains(r, StringComparison.Ordinal)).OrderByDescending(r => r.Length).FirstOrDefault();
            if (name is not null && !rows.ContainsKey(name))
            {
                rows[name] = text;
            }
        }
        return rows;
    }
}
