using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.Speech.Recognition;

/// <summary>The embedded default recogniser, chosen when no sherpa-onnx model directory is configured.</summary>
public sealed class PocketsphinxRecognizerTests(SpeechFixture fixture)
{
    [Fact]
    public async Task Is_the_default_without_a_model_and_transcribes_with_partials()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = SpeechHost.Build(new Dictionary<string, string?> { ["Speech:Recognizer:Engine"] = "Pocketsphinx" });
        var recognizer = host.Services.GetRequiredService<ISpeechRecognizer>();
        recognizer.ShouldBeOfType<PocketsphinxSpeechRecognizer>();

        var speech = TestSpeech.Concat(TestSpeech.Silence(0.5), await TestSpeech.SayAsync(fixture.Synthesizer, "What is the weather like today"), TestSpeech.Silence(1.0));
        using var stream = recognizer.OpenStream();
        var updates = new List<RecognitionResult>();
        foreach (var chunk in TestSpeech.Chunks(speech))
        {
            updates.Add(await stream.AcceptAsync(chunk, ct));
        }

        updates.Add(await stream.FinishAsync(ct));
        TestContext.Current.SendDiagnosticMessage(string.Join(" | ", updates.Where(u => u.Text.Length > 0).Select(u => $"{u.Text}{(u.IsFinal ? " [final]" : "")}")));

        var final = string.Join(' ', updates.Where(u => u.IsFinal).Select(u => u.Text));
        final.ShouldContain("what");
        final.ShouldContain("weather");
        var firstFinal = updates.FindIndex(u => u.IsFinal && u.Text.Length > 0);
        updates.Take(firstFinal).ShouldContain(u => !u.IsFinal && u.Text.Length > 0);
    }

    [Fact]
    public async Task A_stream_transcribes_the_same_whatever_other_streams_heard_before_or_hear_at_the_same_time()
    {
        var ct = TestContext.Current.CancellationToken;
        // One idle decoder at most: every stream after the first reuses a decoder that heard someone else.
        using var host = SpeechHost.Build(new Dictionary<string, string?> { ["Speech:Recognizer:Engine"] = "Pocketsphinx", ["Speech:Pocketsphinx:MaxIdleDecoders"] = "1" });
        var recognizer = host.Services.GetRequiredService<ISpeechRecognizer>();
        float[] warranty = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.5)];
        float[] hours = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("What are your opening hours?"), .. SpokenQuestions.Silence(0.5)];

        var alone = await TestSpeech.TranscribeAsync(recognizer, warranty, ct);
        alone.ShouldContain("warranty");
        // The pooled decoder adapted to other audio (twice the same speaker, then another question) ...
        await TestSpeech.TranscribeAsync(recognizer, hours, ct);
        await TestSpeech.TranscribeAsync(recognizer, hours, ct);
        (await TestSpeech.TranscribeAsync(recognizer, warranty, ct)).ShouldBe(alone);

        // ... and two at once, each on its own thread.
        var first = Task.Run(() => TestSpeech.TranscribeAsync(recognizer, warranty, ct), ct);
        var second = Task.Run(() => TestSpeech.TranscribeAsync(recognizer, hours, ct), ct);
        (await first).ShouldBe(alone);
        (await second).ShouldContain("hours");
    }

    [Fact]
    public void Auto_picks_pocketsphinx_only_when_no_model_directory_is_set()
    {
        new RecognizerOptions().ResolveEngine().ShouldBe(RecognizerEngine.Pocketsphinx);
        new RecognizerOptions { ModelDirectory = "/models/asr" }.ResolveEngine().ShouldBe(RecognizerEngine.SherpaOnnx);
    }
}
