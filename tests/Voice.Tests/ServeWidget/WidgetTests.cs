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
/// The website widget in Debian's Chromium (Playwright) on a page served from another origin than the widget's server:
/// a typed question answered as a stream with its citation, the conversation kept across a reload, a spoken question
/// through the fake microphone, and a page on an origin the key does not allow refused.
/// </summary>
public sealed class WidgetTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 300_000)]
    public async Task A_visitor_asks_by_text_and_by_voice_on_an_allowed_site_and_another_site_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await HostPage.StartAsync(apps.Voice.Address, WidgetFront.Key);
        await using var otherSite = await HostPage.StartAsync(apps.Voice.Address, WidgetFront.Key);
        apps.Widget.AllowedOrigins.Add(site.Origin);
        var microphone = Path.Combine(Path.GetTempPath(), $"voice-widget-{Guid.NewGuid():N}.wav");
        WavFile.Write(microphone, new AudioClip(
            [.. SpokenQuestions.Silence(1.5), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(12)], 16_000));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("VOICEHELPER_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--autoplay-policy=no-user-gesture-required",
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}%noloop",
                ],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
            var slow = new LocatorAssertionsToContainTextOptions { Timeout = 60_000 };

            // A typed question: the answer streams in with its citation.
            await page.GotoAsync(site.Origin + "/");
            await page.ClickAsync("voicehelper-widget .bubble");
            await page.FillAsync("voicehelper-widget input", "What does the warranty cover?");
            await page.PressAsync("voicehelper-widget input", "Enter");
            var answer = page.Locator("voicehelper-widget li.assistant").Last;
            await Expect(answer.Locator(".text")).ToContainTextAsync("The warranty lasts two years", slow);
            await Expect(answer.Locator(".sources li")).ToHaveTextAsync("[1] Warranty", new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Screenshot("widget-answer.png") });

            // Kept across page loads: the same conversation comes back.
            await page.ReloadAsync();
            await page.ClickAsync("voicehelper-widget .bubble");
            await Expect(page.Locator("voicehelper-widget li.user").First).ToHaveTextAsync("What does the warranty cover?", new() { Timeout = 30_000 });
            await Expect(page.Locator("voicehelper-widget li.assistant .sources li").First).ToHaveTextAsync("[1] Warranty");

            // A spoken question through the fake microphone, into the same conversation.
            await page.ClickAsync("voicehelper-widget button.voice");
            await Expect(page.Locator("voicehelper-widget li.user").Nth(1)).ToContainTextAsync("warranty", new() { Timeout = 90_000 });
            var spoken = page.Locator("voicehelper-widget li.assistant").Nth(1);
            await Expect(spoken.Locator(".sources li")).ToContainTextAsync("Warranty", new() { Timeout = 90_000 });
            await page.ScreenshotAsync(new() { Path = Screenshot("widget-voice.png") });
            await page.ClickAsync("voicehelper-widget button.voice");

            // The tenant's admin sees the visitor's conversation, marked as the widget's, with both questions in it.
            using var admin = apps.ConversationsClient(new Caller(WidgetFront.TenantId, Guid.NewGuid(), apps.Tokens.Issue(WidgetFront.TenantId, Guid.NewGuid(), ["admin"])));
            var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/conversations?channel=widget", ct)).RootElement.GetProperty("items");
            listed.GetArrayLength().ShouldBe(1);
            listed[0].GetProperty("channel").GetString().ShouldBe("widget");
            listed[0].GetProperty("widget_key_id").GetGuid().ShouldBe(WidgetFront.KeyId);
            listed[0].GetProperty("message_count").GetInt64().ShouldBeGreaterThanOrEqualTo(4);

            // A page on another origin: the exchange is refused and the widget says so; nothing is asked.
            var other = await browser.NewPageAsync();
            await other.GotoAsync(otherSite.Origin + "/");
            await other.ClickAsync("voicehelper-widget .bubble");
            await Expect(other.Locator("voicehelper-widget li.notice")).ToContainTextAsync("origin_not_allowed", new() { Timeout = 30_000 });
            await other.ScreenshotAsync(new() { Path = Screenshot("widget-refused.png") });
            // And a visitor token taken from the allowed page is refused when presented from the other origin.
            var token = await page.EvaluateAsync<string>("() => document.querySelector('voicehelper-widget').token");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apps.Voice.Address, "/api/v1/conversations"))
            {
                Content = new StringContent("{}", new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Add("Origin", otherSite.Origin);
            using var http = new HttpClient();
            await (await http.SendAsync(request, ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        }
        finally
        {
            File.Delete(microphone);
        }
    }

    [Fact]
    public async Task A_visitors_call_socket_opens_only_from_the_pages_origin()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = apps.Tokens.Issue(WidgetFront.TenantId, Guid.NewGuid(), roles: [], extraClaims: new Dictionary<string, string>
        {
            ["widget_key"] = WidgetFront.KeyId.ToString(),
            ["origin"] = "https://shop.example.com",
        });
        var uri = apps.CallUri(new Caller(WidgetFront.TenantId, Guid.Empty, token));

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

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
