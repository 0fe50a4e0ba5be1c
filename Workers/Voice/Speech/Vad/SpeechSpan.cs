namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>A stretch of detected speech: where it is in the session's audio, and its samples.</summary>
public sealed record SpeechSpan(long StartSample, float[] Samples, int SampleRate)
{
    public TimeSpan Start => TimeSpan.FromSeconds((double)StartSample / SampleRate);

    public TimeSpan End => TimeSpan.FromSeconds((double)(StartSample + Samples.Length) / SampleRate);
}
