using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.ShowCallPage;

/// <summary>
/// The call engine (voice-call.js) in Debian's Chromium: given a <c>freshToken</c> provider, it asks it before the
/// call's token expires and sends the answer as <c>session.auth</c>, which the server accepts, so the call outlives
/// its first token.
/// </summary>
public sealed class CallEngineTokenTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 120_000)]
    public async Task The_engine_sends_the_providers_fresh_token_before_the_first_one_expires()
    {
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        // Expires 14 s from now: the engine asks for a new one when half of what is left remains.
        var first = apps.Tokens.Issue(tenantId, userId, ["member"], lifetime: TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(14));
        var fresh = apps.Tokens.Issue(tenantId, userId, ["member"]);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
        var page = await browser.NewPageAsync();
        var sent = new ConcurrentQueue<string>();
        var received = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, frame) => Record(sent, frame);
            socket.FrameReceived += (_, frame) => Record(received, frame);
        };
        await page.GotoAsync(new Uri(apps.Voice.Address, "/voice").ToString());
        await page.WaitForFunctionAsync("() => !!globalThis.VoiceHelperCall");
        await page.EvaluateAsync(
            "async ([token, fresh]) => { globalThis.testCall = await VoiceHelperCall.start({ token, freshToken: async () => fresh }, { ended: text => (globalThis.testEnded = text) }); }",
            new[] { first, fresh });

        var authenticated = await EventuallyAsync(received, "session.authenticated");
        JsonDocument.Parse(authenticated).RootElement.GetProperty("expires_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(30));
        sent.ShouldContain(e => e.Contains("\"session.auth\"") && e.Contains(fresh));
        received.ShouldNotContain(e => e.Contains("\"code\":\"token_") || e.Contains("invalid_token"));

        // Past the first token's end (and the 1 s skew) the call is still open.
        await Task.Delay(TimeSpan.FromSeconds(16), TestContext.Current.CancellationToken);
        (await page.EvaluateAsync<bool>("() => globalThis.testEnded === undefined")).ShouldBeTrue();
        received.ShouldNotContain(e => e.Contains("token_expired"));
        await page.EvaluateAsync("() => globalThis.testCall.hangUp()");

        static void Record(ConcurrentQueue<string> log, IWebSocketFrame frame)
        {
            if (frame.Text is { } text && text.StartsWith("{\"type\"", StringComparison.Ordinal))
            {
                log.Enqueue(text);
            }
        }
    }

    private static async Task<string> EventuallyAsync(ConcurrentQueue<string> log, string type)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(40))
        {
            if (log.FirstOrDefault(e => e.Contains($"\"type\":\"{type}\"")) is { } found)
            {
                return found;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No {type} within 40 s; frames: {string.Join(", ", log.TakeLast(10))}");
    }
}
