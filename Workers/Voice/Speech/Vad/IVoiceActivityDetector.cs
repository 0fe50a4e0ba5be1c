namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>Finds speech in a session's audio. The detector is shared; each session opens its own state.</summary>
public interface IVoiceActivityDetector
{
    string Name { get; }

    int SampleRate { get; }

    IVoiceActivitySession OpenSession();

    /// <summary>A session with its own speech threshold and closing silence (a call's settings, not the service's).</summary>
    IVoiceActivitySession OpenSession(float threshold, float minSpeechSeconds, float minSilenceSeconds);
}
