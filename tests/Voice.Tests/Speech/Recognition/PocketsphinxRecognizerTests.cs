using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Voice.Speech.Recognition;

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
    public void Auto_picks_pocketsphinx_only_when_no_model_directory_is_set()
    {
        new RecognizerOptions().ResolveEngine().ShouldBe(RecognizerEngine.Pocketsphinx);
        new RecognizerOptions { ModelDirectory = "/models/asr" }.ResolveEngine().ShouldBe(RecognizerEngine.SherpaOnnx);
    }
}
