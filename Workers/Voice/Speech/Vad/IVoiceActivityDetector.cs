namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>Finds speech in a session's audio. The detector is shared; each session opens its own state.</summary>
public interface IVoiceActivityDetector
{
    string Name { get; }

    int SampleRate { get; }

    IVoiceActivitySession OpenSession();
}
