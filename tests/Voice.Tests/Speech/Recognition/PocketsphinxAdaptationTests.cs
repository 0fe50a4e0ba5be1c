using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech;
using VoiceHelper.Voice.Speech.Adaptation;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.Speech.Recognition;

/// <summary>The adapted pocketsphinx decoder's search settings, against the real engine.</summary>
public sealed class PocketsphinxAdaptationTests
{
    private const string Manual =
        "The Zentrik router connects to the Fluxmate hub. To pair the Zentrik router with the Fluxmate hub, hold the reset button for ten seconds. "
        + "The Fluxmate hub shows a green light when the Zentrik router is paired. Firmware updates for the Zentrik router come from the Fluxmate app.";

    [Fact]
    public async Task The_search_settings_reach_the_adapted_decoder()
    {
        var ct = TestContext.Current.CancellationToken;
        var build = await BuildAsync(Manual, ct);
        using var pool = new SpeechWorkPool(1);

        // pocketsphinx parses them: a flag it does not know fails the adapted recogniser, as a bad setting should.
        Should.Throw<SpeechConfigurationException>(() =>
            new PocketsphinxSpeechRecognizer(new PocketsphinxOptions(), pool, build.Pocketsphinx with { Search = new Dictionary<string, string> { ["-nosuchflag"] = "1" } }));

        using var adapted = new PocketsphinxSpeechRecognizer(new PocketsphinxOptions(), pool, build.Pocketsphinx with { Search = new SpeechAdaptationOptions().PocketsphinxSearch() });
        float[] audio = [.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How do I pair the Zentrik router with the Fluxmate hub"), .. SpokenQuestions.Silence(0.6)];
        var heard = await TestSpeech.TranscribeAsync(adapted, audio, ct);
        TestContext.Current.SendDiagnosticMessage(heard);
        heard.ShouldContain("zentrik");
        heard.ShouldContain("fluxmate");
    }

    private static Task<SpeechAdaptationBuild> BuildAsync(string text, CancellationToken ct)
    {
        var options = new PocketsphinxOptions();
        return SpeechAdaptationBuild.CreateAsync([text], Path.Combine(Path.GetTempPath(), "voice-adapt-tests", Guid.NewGuid().ToString("N")),
            Path.Combine(options.ModelDirectory, options.Dictionary), new SpeechAdaptationOptions().DomainWeight, 50, ct);
    }
}
