using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.Voice.Tests.ServeWidget;

/// <summary>
/// The website widget in Debian's Chromium (Playwright) on a page served from another origin than the widget's server,
/// for what the voice worker owns: a spoken question through the fake microphone answered with its citation in the
/// visitor's conversation, kept across a reload, and the call socket bound to the page's origin. The visitor token is
/// minted by <see cref="TestTokens"/> (as Identity's exchange would issue it) and handed to the widget; the exchange
/// itself, a typed question and a refused site are covered against the real Identity by the AppHost end-to-end test.
/// </summary>
public sealed class WidgetTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    private const string Key = "vhw_voice-tests";

    [Fact(Timeout = 300_000)]
    public async Task A_visitor_asks_by_voice_on_the_site_and_the_conversation_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await HostPage.StartAsync(apps.Voice.Address);
        var microphone = Path.Combine(Path.GetTempPath(), $"voice-widget-{Guid.NewGuid():N}.wav");
        WavFile.Write(microphone, new AudioClip(
            [.. SpokenQuestions.Silence(1.5), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(12)], 16_000));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await TestBrowser.LaunchAsync(playwright,
                "--autoplay-policy=no-user-gesture-required", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-audio-capture={microphone}%noloop");
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
            var token = apps.Widget.VisitorToken(site.Origin);

            // A spoken question through the fake microphone, in a new conversation of the visitor's.
            await OpenWithToken(page, site, token);
            await page.ClickAsync("voicehelper-widget button.voice");
            await Expect(page.Locator("voicehelper-widget li.user").First).ToContainTextAsync("warranty", new() { Timeout = 90_000 });
            var spoken = page.Locator("voicehelper-widget li.assistant").First;
            await Expect(spoken.Locator(".sources li")).ToContainTextAsync("Warranty", new() { Timeout = 90_000 });
            await page.ScreenshotAsync(new() { Path = Screenshot("widget-voice.png") });
            await page.ClickAsync("voicehelper-widget button.voice");

            // Kept across page loads: the same conversation comes back.
            await page.ReloadAsync();
            await OpenWithToken(page, site, token);
            await Expect(page.Locator("voicehelper-widget li.user").First).ToContainTextAsync("warranty", new() { Timeout = 30_000 });
            await Expect(page.Locator("voicehelper-widget li.assistant .sources li").First).ToHaveTextAsync("[1] Warranty");

            // The tenant's admin sees the visitor's conversation, marked as the widget's.
            using var admin = apps.ConversationsClient(new Caller(WidgetFront.TenantId, Guid.NewGuid(), apps.Tokens.Issue(WidgetFront.TenantId, Guid.NewGuid(), ["admin"])));
            var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/conversations?channel=widget", ct)).RootElement.GetProperty("items");
            listed.GetArrayLength().ShouldBe(1);
            listed[0].GetProperty("channel").GetString().ShouldBe("widget");
            listed[0].GetProperty("widget_key_id").GetGuid().ShouldBe(WidgetFront.KeyId);
            listed[0].GetProperty("message_count").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
            // The visitor's questions asked the widget key's knowledge base (the widget names none).
            apps.Answerer.KbIdsAsked.ShouldContain(kbs => kbs.SequenceEqual(new[] { WidgetFront.KnowledgeBaseId }));

            // The visitor's token is refused when presented from another origin.
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apps.Voice.Address, "/api/v1/conversations"))
            {
                Content = new StringContent("{}", new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Add("Origin", "https://elsewhere.example.com");
            using var http = new HttpClient();
            await (await http.SendAsync(request, ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        }
        finally
        {
            File.Delete(microphone);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task On_a_Chinese_page_the_widget_and_its_call_speak_Chinese()
    {
        await using var site = await HostPage.StartAsync(apps.Voice.Address);
        // A silent microphone: the call stays "in a call" until hung up.
        var microphone = Path.Combine(Path.GetTempPath(), $"voice-widget-{Guid.NewGuid():N}.wav");
        WavFile.Write(microphone, new AudioClip([.. SpokenQuestions.Silence(30)], 16_000));
        using var cleanup = new FileDeletion(microphone);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright,
            "--autoplay-policy=no-user-gesture-required", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-audio-capture={microphone}%noloop");
        // The browser's own language is English: the host page's <html lang> decides.
        var page = await browser.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1000, Height = 720 } });
        // A tenant of its own: its call's conversation must not count in the other test's widget listing.
        await OpenWithToken(page, site, apps.Widget.VisitorToken(site.Origin, Guid.NewGuid()), lang: "zh-CN");

        var widget = page.Locator("voicehelper-widget");
        await Expect(widget.Locator("li.notice")).ToHaveTextAsync("您好！请输入问题，或点击麦克风说话。");
        await Expect(widget.Locator("input[name=question]")).ToHaveAttributeAsync("placeholder", "请输入您的问题");
        await Expect(widget.Locator("button.send")).ToHaveTextAsync("发送");
        await Expect(widget.Locator("button.close")).ToHaveAttributeAsync("aria-label", "关闭");

        // The call engine's statuses too: in a call, then ended.
        await widget.Locator("button.voice").ClickAsync();
        await Expect(widget.Locator(".live")).ToHaveTextAsync("通话中：请说话", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Screenshot("widget-zh.png") });
        await widget.Locator("button.voice").ClickAsync();
        await Expect(widget.Locator(".live")).ToHaveTextAsync("通话已结束");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_visitor_starts_switches_renames_and_deletes_its_conversations_in_the_widget()
    {
        await using var site = await HostPage.StartAsync(apps.Voice.Address);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
        await OpenWithToken(page, site, apps.Widget.VisitorToken(site.Origin, Guid.NewGuid()));
        var widget = page.Locator("voicehelper-widget");
        var rows = widget.Locator(".threads li");

        await Ask(widget, "How long is the warranty?");
        await widget.Locator("button.list").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".open")).ToHaveTextAsync("How long is the warranty?");
        await widget.Locator(".threads button.new").ClickAsync();
        await Expect(widget.Locator("ol.log li")).ToHaveCountAsync(1); // the greeting only
        await Ask(widget, "Do you deliver on Sundays?");

        await widget.Locator("button.list").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveAttributeAsync("aria-current", "true");
        var warranty = rows.Nth(1); // newest first
        await Expect(warranty.Locator(".open")).ToHaveTextAsync("How long is the warranty?");
        await warranty.Locator(".rename").ClickAsync();
        await warranty.Locator("input").FillAsync("Warranty");
        await warranty.Locator("input").PressAsync("Enter");
        await Expect(warranty.Locator(".open")).ToHaveTextAsync("Warranty");
        await page.ScreenshotAsync(new() { Path = Screenshot("widget-conversations.png") });
        await warranty.Locator(".open").ClickAsync();
        await Expect(widget.Locator("li.user")).ToHaveTextAsync("How long is the warranty?");

        await widget.Locator("button.list").ClickAsync();
        await rows.Filter(new() { HasText = "Sundays" }).Locator(".delete").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".open")).ToHaveTextAsync("Warranty");
        await Expect(rows.First).ToHaveAttributeAsync("aria-current", "true");
    }

    private static async Task Ask(ILocator widget, string question)
    {
        await widget.Locator("input[name=question]").FillAsync(question);
        await widget.Locator("button.send").ClickAsync();
        await Expect(widget.Locator("li.assistant .sources li").Last).ToContainTextAsync("Warranty", new() { Timeout = 30_000 });
        await Expect(widget.Locator("button.send")).ToBeEnabledAsync();
    }

    /// <summary>Loads the site's page, hands the widget its visitor token (what the exchange would have given it) and opens it.</summary>
    private static async Task OpenWithToken(IPage page, HostPage site, string token, string lang = "en")
    {
        await page.GotoAsync($"{site.Origin}/?key={Key}&lang={lang}");
        await page.WaitForSelectorAsync("voicehelper-widget", new() { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("token => Object.assign(document.querySelector('voicehelper-widget'), { token, tokenExpires: Date.now() + 14 * 60_000 })", token);
        await page.ClickAsync("voicehelper-widget .bubble");
    }

    [Fact]
    public async Task A_visitors_call_socket_opens_only_from_the_pages_origin()
    {
        var ct = TestContext.Current.CancellationToken;
        // A tenant of its own: the call opens a conversation, which the other test's widget listing must not count.
        var tenantId = Guid.NewGuid();
        var token = apps.Tokens.Issue(tenantId, Guid.NewGuid(), roles: [], extraClaims: new Dictionary<string, string>
        {
            ["widget_key"] = WidgetFront.KeyId.ToString(),
            ["origin"] = "https://shop.example.com",
            ["kb_id"] = WidgetFront.KnowledgeBaseId.ToString(),
        });
        var uri = apps.CallUri(new Caller(tenantId, Guid.Empty, token));

        using var fromOtherSite = new System.Net.WebSockets.ClientWebSocket();
        fromOtherSite.Options.SetRequestHeader("Origin", "https://evil.example.com");
        fromOtherSite.Options.CollectHttpResponseDetails = true;
        await Should.ThrowAsync<System.Net.WebSockets.WebSocketException>(() => fromOtherSite.ConnectAsync(uri, ct));
        fromOtherSite.HttpStatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var fromSite = new System.Net.WebSockets.ClientWebSocket();
        fromSite.Options.SetRequestHeader("Origin", "https://shop.example.com");
        await fromSite.ConnectAsync(uri, ct);
        fromSite.State.ShouldBe(System.Net.WebSockets.WebSocketState.Open);
        await fromSite.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", ct);
    }

    private sealed class FileDeletion(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
