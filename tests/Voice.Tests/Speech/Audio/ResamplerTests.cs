using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.Speech.Audio;

public sealed class ResamplerTests
{
    [Fact]
    public void Keeps_a_tone_below_the_new_nyquist_frequency()
    {
        var input = Tone(1_000, 22_050, 22_050);
        var output = Resampler.Resample(input, 22_050, 16_000);

        ((double)output.Length).ShouldBe(16_000, 1);
        var middle = output.AsSpan(2_000, 12_000);
        Goertzel(middle, 1_000, 16_000).ShouldBeGreaterThan(0.45);
        LevelMeter.Measure(middle).Rms.ShouldBe(0.5f / MathF.Sqrt(2), 0.01f);
    }

    [Fact]
    public void Removes_a_tone_that_would_alias()
    {
        // 10 kHz is above the 8 kHz Nyquist of 16 kHz audio: naive decimation would fold it to 6 kHz.
        var output = Resampler.Resample(Tone(10_000, 22_050, 22_050), 22_050, 16_000);
        var level = LevelMeter.Measure(output.AsSpan(2_000, 12_000)).Rms;
        (20 * Math.Log10(level / (0.5 / Math.Sqrt(2)))).ShouldBeLessThan(-40);
    }

    [Fact]
    public void Streaming_in_odd_blocks_equals_resampling_at_once()
    {
        var input = Tone(440, 22_050, 10_000);
        var whole = Resampler.Resample(input, 22_050, 16_000);
        var resampler = new Resampler(22_050, 16_000);
        var streamed = new List<float>();
        for (var offset = 0; offset < input.Length; offset += 333)
        {
            streamed.AddRange(resampler.Process(input.AsSpan(offset, Math.Min(333, input.Length - offset))));
        }

        streamed.AddRange(resampler.Flush());
        streamed.Count.ShouldBe(whole.Length);
        streamed.Zip(whole, (a, b) => Math.Abs(a - b)).Max().ShouldBeLessThan(1e-6f);
    }

    [Theory]
    [InlineData(8_000, 16_000)]
    [InlineData(48_000, 16_000)]
    [InlineData(44_100, 16_000)]
    public void Converts_common_rates_to_the_expected_length(int from, int to)
    {
        var output = Resampler.Resample(Tone(300, from, from), from, to);
        ((double)output.Length).ShouldBe(to, 1);
        Goertzel(output.AsSpan(to / 4, to / 2), 300, to).ShouldBeGreaterThan(0.45);
    }

    private static float[] Tone(double frequency, int rate, int count) =>
        Enumerable.Range(0, count).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    /// <summary>Amplitude of one frequency in a block.</summary>
    private static double Goertzel(ReadOnlySpan<float> samples, double frequency, int rate)
    {
        double real = 0, imaginary = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / rate;
            real += samples[i] * Math.Cos(angle);
            imaginary += samples[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((real * real) + (imaginary * imaginary)) / samples.Length;
    }
}
