namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>Mono audio as floats in [-1, 1] with its sample rate.</summary>
public sealed record AudioClip(float[] Samples, int SampleRate)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
