using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>The web console through the gateway in Debian's Chromium: its circuit's WebSocket crosses nginx, and sign-in reaches Identity.</summary>
internal static class ConsolePage
{
    public static async Task RefusesAWrongPasswordThroughTheGateway(int gatewayPort)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VOICEHELPER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{gatewayPort}/");
        // Only the interactive circuit redirects a signed-out visitor to sign-in.
        await page.WaitForURLAsync(url => url.EndsWith("/signin", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await page.FillAsync("#email", "nobody@example.test");
        await page.FillAsync("#password", "Wrong password 1");
        await page.ClickAsync("#signin button[type=submit]");
        await Expect(page.Locator("#signin-error")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
    }
}
