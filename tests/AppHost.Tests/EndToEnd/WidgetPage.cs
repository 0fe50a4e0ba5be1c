using Microsoft.Playwright;
using VoiceHelper.Testing;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>
/// The website widget in Debian's Chromium on a tenant's page served from another loopback origin, with
/// <c>widget.js</c> from the gateway and a real widget key bound to the tenant's knowledge base: the real Identity
/// exchanges the key for a visitor token (carrying that knowledge base) only for an allowed origin, and the real
/// Conversations, Assistant and Knowledge answer the typed question from it.
/// </summary>
internal static class WidgetPage
{
    /// <summary>The key refused on a site it does not name; on its own site a typed question answered with its citation.</summary>
    public static async Task IsRefusedOnAnotherSiteAndAnswersOnItsOwn(HostPage site, HostPage otherSite, string key,
        string question, string expectedAnswer, string expectedSource)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var slow = new LocatorAssertionsToContainTextOptions { Timeout = 120_000 };

        // A site the key does not name: Identity refuses the exchange, the widget says so, nothing is asked.
        var other = await browser.NewPageAsync();
        await other.GotoAsync($"{otherSite.Origin}/?key={Uri.EscapeDataString(key)}");
        var refused = await other.RunAndWaitForResponseAsync(() => other.ClickAsync("voicehelper-widget .bubble"),
            r => r.Url.EndsWith("/api/v1/widget/sessions", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = 60_000 });
        refused.Status.ShouldBe(403);
        await Expect(other.Locator("voicehelper-widget li.notice")).ToContainTextAsync("origin_not_allowed", new() { Timeout = 30_000 });
        await Expect(other.Locator("voicehelper-widget li.user")).ToHaveCountAsync(0);

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
        await page.GotoAsync($"{site.Origin}/?key={Uri.EscapeDataString(key)}");
        var exchange = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("voicehelper-widget .bubble"),
            r => r.Url.EndsWith("/api/v1/widget/sessions", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = 60_000 });
        exchange.Status.ShouldBe(200, await exchange.TextAsync());
        await page.FillAsync("voicehelper-widget input", question);
        await page.PressAsync("voicehelper-widget input", "Enter");
        var answer = page.Locator("voicehelper-widget li.assistant").Last;
        await Expect(answer.Locator(".text")).ToContainTextAsync(expectedAnswer, slow);
        await Expect(answer.Locator(".sources li").First).ToContainTextAsync("[1]", slow);
        await Expect(answer.Locator(".sources li").First).ToContainTextAsync(expectedSource, new() { IgnoreCase = true });
    }
}
