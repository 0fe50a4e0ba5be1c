using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Voice.Tests.Common;

/// <summary>The default voice is the installed one the recognisers understand best (bench/Voice): flite, then pico, then espeak-ng.</summary>
public sealed class VoiceCatalogTests
{
    private const string Missing = "/nonexistent/voicehelper-tts";

    [Theory]
    [InlineData(true, true, VoiceCatalog.FliteEnglish)]
    [InlineData(false, true, VoiceCatalog.PicoEnglish)]
    [InlineData(false, false, VoiceCatalog.EspeakEnglish)]
    public void English_defaults_to_the_best_understood_installed_voice(bool flite, bool pico, string expected)
    {
        // Only whether the program exists matters here; an existing file stands in for it.
        var options = new VoiceOptions { FliteProgram = flite ? "/bin/sh" : Missing, PicoProgram = pico ? "/bin/sh" : Missing };
        VoiceCatalog.DefaultFor(VoiceCatalog.English, options).ShouldBe(expected);
        VoiceCatalog.Available(options)[0].ShouldBe(expected);
        VoiceCatalog.DefaultFor(VoiceCatalog.Chinese, options).ShouldBe(VoiceCatalog.EspeakMandarin);
    }

    [Fact]
    public async Task Flite_speaks_a_sentence_as_16_kHz_audio()
    {
        var options = new VoiceOptions();
        Assert.SkipUnless(File.Exists(options.FliteProgram), $"{options.FliteProgram} is not installed (Debian package flite)");
        var speaker = new VoiceSpeaker(Options.Create(options), Options.Create(new SynthesizerOptions()));
        var pcm = await speaker.SpeakAsync(VoiceCatalog.FliteEnglish, "The warranty lasts two years.", TestContext.Current.CancellationToken);
        // About a second and a half of speech at 16 kHz, 2 bytes a sample.
        pcm.Length.ShouldBeInRange(16_000 * 2, 16_000 * 2 * 5);
    }
}
