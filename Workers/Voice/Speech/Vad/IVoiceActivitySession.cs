namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>
/// One session's detector state. Calls are cheap (Silero runs at about 0.4 % of real time) and so
/// run inline on the caller's thread. Not thread-safe: one caller at a time.
/// </summary>
public interface IVoiceActivitySession : IDisposable
{
    /// <summary>True while the detector is inside speech (use it for barge-in).</summary>
    bool IsSpeaking { get; }

    /// <summary>Feeds samples at <see cref="IVoiceActivityDetector.SampleRate"/>; returns the spans that just ended.</summary>
    IReadOnlyList<SpeechSpan> Accept(ReadOnlySpan<float> samples);

    /// <summary>Ends the input: returns a span still open at the end.</summary>
    IReadOnlyList<SpeechSpan> Flush();

    /// <summary>Forgets all audio so the session can start again at sample 0.</summary>
    void Reset();
}
