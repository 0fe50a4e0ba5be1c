using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.Speech.Denoising;

public sealed class GtcrnDenoiserTests(SpeechFixture fixture)
{
    [Fact]
    public async Task Raises_the_snr_of_speech_mixed_with_noise()
    {
        var ct = TestContext.Current.CancellationToken;
        var clean = TestSpeech.Concat(TestSpeech.Silence(0.5), await TestSpeech.SayAsync(fixture.Synthesizer, "Please call me back tomorrow morning"), TestSpeech.Silence(0.5));
        var random = new Random(7);
        var noise = new float[clean.Length];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)((random.NextDouble() * 2) - 1) * 0.06f;
        }

        var noisy = clean.Zip(noise, (s, n) => s + n).ToArray();
        var denoised = await fixture.Denoiser.DenoiseAsync(noisy, 16_000, ct);

        ((double)denoised.Length).ShouldBe(clean.Length, 320);
        var before = Snr(clean, noisy);
        var after = Snr(clean, denoised);
        TestContext.Current.SendDiagnosticMessage($"SNR {before:F1} dB -> {after:F1} dB");
        after.ShouldBeGreaterThan(before + 3);
    }

    [Fact]
    public async Task Converts_other_rates_and_rejects_bad_input()
    {
        var ct = TestContext.Current.CancellationToken;
        var at8k = await fixture.Denoiser.DenoiseAsync(new float[8_000], 8_000, ct);
        ((double)at8k.Length).ShouldBe(16_000, 320);
        (await fixture.Denoiser.DenoiseAsync(ReadOnlyMemory<float>.Empty, 16_000, ct)).ShouldBeEmpty();
        await Should.ThrowAsync<ArgumentException>(() => fixture.Denoiser.DenoiseAsync(new[] { float.NaN }, 16_000, ct));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => fixture.Denoiser.DenoiseAsync(new float[10], 1_000, ct));
    }

    private static double Snr(float[] clean, float[] test)
    {
        var length = Math.Min(clean.Length, test.Length);
        double signal = 0, error = 0;
        for (var i = 0; i < length; i++)
        {
            signal += clean[i] * clean[i];
            error += (test[i] - clean[i]) * (test[i] - clean[i]);
        }

        return 10 * Math.Log10(signal / error);
    }
}
