using System.Diagnostics;
using Microsoft.Playwright;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>The Aspire dashboard in Debian's Chromium, driven by Playwright: logs in with the browser token and reads the resource grid.</summary>
internal static class DashboardPage
{
    private static readonly string[] Settled = ["Running", "Finished"];

    public static async Task ShowsEveryResourceRunningAndHealthy(string dashboard, string token, IReadOnlyList<string> resources, CancellationToken ct)
    {
        await using var session = await SignInAsync(dashboard, token);
        var rows = new Dictionary<string, string>();
        var done = await PollAsync(async () =>
        {
            rows = await ReadRows(session.Page, resources);
            return resources.All(r => rows.TryGetValue(r, out var text) && IsSettled(text));
        }, ct);
        if (!done)
        {
            await FailWithScreenshot(session.Page, "Not every resource is Running/Healthy in the dashboard",
                string.Join("\n", resources.Select(r => $"{r}: {rows.GetValueOrDefault(r, "(no row)")}")));
        }
    }

    /// <summary>
    /// The span rows of trace <paramref name="traceId"/>'s page name every one of <paramref name="resources"/>
    /// (telemetry arrives in batches: polled), and the rows of a trace that does not exist name none of them.
    /// </summary>
    public static async Task ShowsOneTraceAcross(string dashboard, string token, string traceId, IReadOnlyList<string> resources, CancellationToken ct)
    {
        await using var session = await SignInAsync(dashboard, token);
        var text = "";
        var done = await PollAsync(async () =>
        {
            text = await SpanRows(session.Page, $"{dashboard}/traces/detail/{traceId}");
            return resources.All(r => text.Contains(r, StringComparison.OrdinalIgnoreCase));
        }, ct, pause: TimeSpan.FromSeconds(2));
        if (!done)
        {
            await FailWithScreenshot(session.Page, $"Trace {traceId} does not reach {string.Join(", ", resources)}", text);
        }
        var unknown = await SpanRows(session.Page, $"{dashboard}/traces/detail/{ActivityTraceId.CreateRandom().ToHexString()}");
        resources.Where(r => unknown.Contains(r, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty("an unknown trace has no spans");
    }

    private static async Task<string> SpanRows(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var rows = await page.Locator("[role=row]").AllInnerTextsAsync();
        return string.Join("\n", rows);
    }

    private static async Task<Session> SignInAsync(string dashboard, string token)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VOICEHELPER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1800, Height = 2400 } });
        await page.GotoAsync($"{dashboard}/login?t={token}");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return new Session(playwright, browser, page);
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition, CancellationToken ct, TimeSpan? pause = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(500), ct);
        }
        return false;
    }

    private static async Task FailWithScreenshot(IPage page, string message, string details)
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"voicehelper-dashboard-{Guid.NewGuid():N}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.Fail($"{message} (screenshot {screenshot}):\n{details}");
    }

    private sealed record Session(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
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
