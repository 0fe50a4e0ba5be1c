namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>RMS and peak level, for meters, silence checks and SNR measurements.</summary>
public static class LevelMeter
{
    public static AudioLevel Measure(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return default;
        }

        double sumSquares = 0;
        float peak = 0;
        foreach (var sample in samples)
        {
            sumSquares += (double)sample * sample;
            peak = Math.Max(peak, Math.Abs(sample));
        }

        return new AudioLevel((float)Math.Sqrt(sumSquares / samples.Length), peak);
    }
}
