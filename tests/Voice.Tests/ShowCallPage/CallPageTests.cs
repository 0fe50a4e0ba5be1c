using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.Voice.Tests.ShowCallPage;

/// <summary>
/// The call page in Debian's Chromium (Playwright), whose microphone is a WAV made at test time: a question, a pause
/// while the answer plays, then a second utterance spoken over the answer.
/// </summary>
public sealed class CallPageTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 300_000)]
    public async Task A_call_from_the_page_shows_the_transcript_plays_the_answer_and_is_interrupted_by_speech_over_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var microphone = Path.Combine(Path.GetTempPath(), $"voice-page-{Guid.NewGuid():N}.wav");
        WavFile.Write(microphone, new AudioClip(
        [
            .. SpokenQuestions.Silence(1.5), .. await SpokenQuestions.SayAsync("How long is the warranty?"),
            // The answer (three sentences, about ten seconds of speech) starts playing in this pause...
            .. SpokenQuestions.Silence(6),
            // ...and this is said over it.
            .. await SpokenQuestions.SayAsync("Please tell me more about the warranty."),
            .. SpokenQuestions.Silence(8),
        ], 16_000));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await TestBrowser.LaunchAsync(playwright, "--autoplay-policy=no-user-gesture-required",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}%noloop");
            var page = await browser.NewPageAsync();
            var sent = new ConcurrentQueue<JsonElement>();
            var received = new ConcurrentQueue<JsonElement>();
            page.WebSocket += (_, socket) =>
            {
                socket.FrameSent += (_, frame) => Record(sent, frame);
                socket.FrameReceived += (_, frame) => Record(received, frame);
            };

            await page.GotoAsync(new Uri(apps.Voice.Address, "/voice").ToString());
            await page.FillAsync("#email", GatewayStandIn.Email);
            await page.FillAsync("#password", "wrong password");
            await page.ClickAsync("#signin button[type=submit]");
            await Expect(page.Locator("#signin-error")).ToHaveTextAsync("Wrong email or password.");
            await page.FillAsync("#password", GatewayStandIn.Password);
            await page.ClickAsync("#signin button[type=submit]");
            var knowledgeBase = GatewayStandIn.KnowledgeBaseId.ToString();
            await page.Locator($"#kb option[value='{knowledgeBase}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.SelectOptionAsync("#kb", knowledgeBase);
            await page.ClickAsync("#call");

            var slow = new LocatorAssertionsToContainTextOptions { Timeout = 90_000 };
            await Expect(page.Locator("#transcript li.user").First).ToContainTextAsync("warranty", slow);
            var played = await EventuallyAsync(sent, e => e.GetProperty("type").GetString() == "playback.mark" && e.GetProperty("played_ms").GetInt32() > 0, "playback.mark > 0 ms");
            var interrupted = await EventuallyAsync(received, e => e.GetProperty("type").GetString() == "interrupted", "interrupted");
            interrupted.GetProperty("response_id").GetString().ShouldBe(played.GetProperty("response_id").GetString());
            interrupted.GetProperty("played_ms").GetInt32().ShouldBeGreaterThan(0);

            var answer = page.Locator("#transcript li.assistant.interrupted");
            await Expect(answer.Locator(".sources li")).ToHaveTextAsync("Warranty", new() { Timeout = 60_000 });
            await Expect(answer.Locator(".text")).ToHaveTextAsync(interrupted.GetProperty("heard_text").GetString()!);
            (await page.Locator("#level").GetAttributeAsync("style")).ShouldNotBeNull();
            apps.Answerer.KbIdsAsked.ShouldContain(ids => ids.Contains(GatewayStandIn.KnowledgeBaseId));

            await page.ClickAsync("#call");
            await Expect(page.Locator("#status")).ToHaveTextAsync("Call ended");
        }
        finally
        {
            File.Delete(microphone);
        }

        static void Record(ConcurrentQueue<JsonElement> log, IWebSocketFrame frame)
        {
            // Playwright fills Text for audio frames too (their bytes decoded); events are JSON objects.
            if (frame.Text is { } text && text.StartsWith("{\"type\"", StringComparison.Ordinal))
            {
                log.Enqueue(JsonDocument.Parse(text).RootElement.Clone());
            }
        }
    }

    private static async Task<JsonElement> EventuallyAsync(ConcurrentQueue<JsonElement> log, Func<JsonElement, bool> match, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (log.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No {what} within 90 s; frames: {string.Join(", ", log.Select(e => e.GetRawText()).TakeLast(15))}");
    }
}
