extern alias voice;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using VoiceHelper.Console.Tests.Infrastructure;
using VoiceHelper.Testing;
using voice::VoiceHelper.Voice.Speech.Audio;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.Console.Tests.CallByVoice;

/// <summary>
/// A voice call from the console's own page, on the console's session (no second sign-in), in Debian's Chromium whose
/// microphone is a WAV made at test time: a question answered from an indexed document, a pause while the answer plays, then
/// speech over the answer, which interrupts it.
/// </summary>
public sealed class ConsoleVoiceCallTests(ConsoleWithVoiceSystem system) : IClassFixture<ConsoleWithVoiceSystem>
{
    private const string Warranty =
        "# Warranty\n\n" +
        "The warranty is two years long from the date of purchase and covers parts and labour on every product we sell, in our shops " +
        "and online, including the batteries, the chargers and every cable in the box. " +
        "How long the warranty lasts does not change when a product is repaired, and a replacement keeps the warranty of the product it replaces for as long as it had left. " +
        "For as long as the warranty runs, a claim is made on the support page: choose warranty and attach a photo of the receipt.\n";

    [Fact(Timeout = 600_000)]
    public async Task A_call_from_the_console_shows_the_transcript_plays_the_answer_and_is_interrupted_by_speech_over_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Directory.CreateTempSubdirectory("console-voice-");
        var microphone = Path.Combine(files.FullName, "microphone.wav");
        WavFile.Write(microphone, new AudioClip(
        [
            .. Silence(2.5), .. await SayAsync("How long is the warranty?"),
            // The answer (three long sentences of the document) starts playing in this pause...
            .. Silence(6),
            // ...and the question is asked again over it, twice (a loaded machine may drop the first one's frames).
            .. await SayAsync("How long is the warranty?"),
            .. Silence(4),
            .. await SayAsync("How long is the warranty?"),
            .. Silence(10),
        ], 16_000));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright, "--autoplay-policy=no-user-gesture-required",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}%noloop");
        var page = await browser.NewPageAsync(new() { ViewportSize = Screenshots.Desktop, BaseURL = system.Console.ToString() });
        var sent = new ConcurrentQueue<JsonElement>();
        var received = new ConcurrentQueue<JsonElement>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/ws/voice", StringComparison.Ordinal))
            {
                socket.FrameSent += (_, frame) => Record(sent, frame);
                socket.FrameReceived += (_, frame) => Record(received, frame);
            }
        };
        try
        {
            await page.GotoAsync("/register");
            await page.FillAsync("#tenant", "Voice Co");
            await page.FillAsync("#email", $"owner-{Guid.NewGuid():N}@example.test");
            await page.FillAsync("#username", "owner");
            await page.FillAsync("#password", "Correct horse battery 9");
            await page.ClickAsync("#register button[type=submit]");
            await Expect(page.Locator("#who")).ToHaveTextAsync("owner");

            await page.FillAsync("#kb-name", "Warranty FAQ");
            await page.ClickAsync("#create-kb button[type=submit]");
            await page.ClickAsync("#kb-list li a.button:has-text('Open')");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Warranty FAQ");
            await Expect(page.Locator("main")).ToContainTextAsync("No documents yet.");
            var markdown = Path.Combine(files.FullName, "warranty.md");
            await File.WriteAllTextAsync(markdown, Warranty, Encoding.UTF8, ct);
            await page.SetInputFilesAsync("#files", markdown);
            await Expect(page.Locator("#documents .status.indexed")).ToHaveCountAsync(1, new() { Timeout = 120_000 });

            // The call page uses the console's session: no sign-in of its own.
            await page.ClickAsync("#nav a[href='/voice-call']");
            await page.SelectOptionAsync("#call-kb", new SelectOptionValue { Label = "Warranty FAQ" });
            await page.ClickAsync("#call");
            await Expect(page.Locator("#call")).ToHaveTextAsync("Hang up");

            var slow = new LocatorAssertionsToContainTextOptions { Timeout = 90_000 };
            await Expect(page.Locator("#call-transcript li.user").First).ToContainTextAsync("warranty", slow);
            // An answer the page had played some of is interrupted (an earlier one may have been heard to its end, or
            // cut before any of it played, when the machine is slow), and the page had reported playing it.
            var interrupted = await EventuallyAsync(received, e => e.GetProperty("type").GetString() == "interrupted" && e.GetProperty("played_ms").GetInt32() > 0, "interrupted after some of it played");
            var interruptedId = interrupted.GetProperty("response_id").GetString();
            await EventuallyAsync(sent, e => e.GetProperty("type").GetString() == "playback.mark" && e.GetProperty("played_ms").GetInt32() > 0
                && e.GetProperty("response_id").GetString() == interruptedId, "playback.mark > 0 ms of the interrupted answer");

            var cut = page.Locator($"#call-transcript li.assistant.interrupted[data-response='{interrupted.GetProperty("response_id").GetString()}']");
            await Expect(cut.Locator(".bubble")).ToHaveTextAsync(interrupted.GetProperty("heard_text").GetString()!, new() { Timeout = 60_000 });
            // The question asked over the answer is answered in full, from the document, with its source.
            var answer = page.Locator("#call-transcript li.assistant:not(.interrupted)").Last;
            await Expect(answer.Locator(".bubble")).ToContainTextAsync("two years long", new() { Timeout = 90_000 });
            await Expect(answer.Locator(".sources li")).ToHaveTextAsync("warranty", new() { Timeout = 90_000 });
            (await page.Locator("#call-level").GetAttributeAsync("style")).ShouldNotBeNull();
            await Screenshots.TakeAsync(page, "16-voice-call");

            await page.ClickAsync("#call");
            await Expect(page.Locator("#call-status")).ToHaveTextAsync("Call ended");
            await Expect(page.Locator("#call")).ToHaveTextAsync("Call");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "failure-voice-call.png"), FullPage = true });
            throw;
        }
        finally
        {
            files.Delete(recursive: true);
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
        var events = log.Where(e => e.GetProperty("type").GetString() != "response.text.delta").Select(e => e.GetRawText());
        throw new TimeoutException($"No {what} within 90 s; events: {string.Join(", ", events)}");
    }

    /// <summary>Speech made by Debian's pico2wave, at 16 kHz.</summary>
    private static async Task<float[]> SayAsync(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"console-voice-{Guid.NewGuid():N}.wav");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pico2wave") { ArgumentList = { "-l", "en-US", "-w", path, "--", text }, RedirectStandardError = true })!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0, "pico2wave (Debian libttspico-utils) must be installed: scripts/setup.sh installs it");
            var clip = WavFile.Read(path);
            return clip.SampleRate == 16_000 ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, 16_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static float[] Silence(double seconds) => new float[(int)(seconds * 16_000)];
}
