namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>Sample encoding used when writing a WAV file.</summary>
public enum WavSampleFormat
{
    Pcm16,
    IeeeFloat,
}
