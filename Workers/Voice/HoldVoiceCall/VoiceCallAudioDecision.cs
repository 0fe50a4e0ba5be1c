namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// What the caller's audio does to the call, decided from numbers alone: whether a frame fits the real-time allowance,
/// whether the voice detector needs to see it, and whether speech over the assistant is a barge-in.
/// </summary>
public static class VoiceCallAudioDecision
{
    /// <summary>
    /// A frame whose loudest sample stays under this (-50 dBFS, about 100 of 32768) holds no speech: the noise floor of a
    /// quiet room or digital silence. Speech peaks 30-50 dB higher, even spoken softly.
    /// </summary>
    public const float SilentPeak = 0.00316f;

    /// <summary>
    /// Whether the voice detector can skip a frame: it is silent and no speech is under way. A caller is silent most of a
    /// call (listening to answers, pausing), and the detector's network costs as much per call as the recogniser; a
    /// frame while speech is under way is always scored, so the end of speech is timed as before.
    /// </summary>
    public static bool SkipsDetector(ReadOnlySpan<float> samples, bool speaking)
    {
        if (speaking)
        {
            return false;
        }
        foreach (var sample in samples)
        {
            if (Math.Abs(sample) >= SilentPeak)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A token bucket of audio milliseconds: it refills with wall time up to <paramref name="maxAheadMs"/>, and each frame
    /// spends its length. A frame that does not fit is dropped (the client sends faster than real time).
    /// </summary>
    /// <returns>Whether the frame is taken, and the allowance left.</returns>
    public static (bool Accepted, double AllowanceMs) Pace(double allowanceMs, double elapsedMs, double frameMs, int maxAheadMs)
    {
        var refilled = Math.Min(maxAheadMs, allowanceMs + elapsedMs);
        return refilled < frameMs ? (false, refilled) : (true, refilled - frameMs);
    }

    /// <summary>
    /// Caller speech interrupts an answer the caller may be hearing once it has lasted the barge-in minimum (so a cough
    /// or "uh-huh" does not), once per stretch of speech, and only with barge-in on.
    /// </summary>
    public static bool BargesIn(bool speaking, bool bargeInOn, bool alreadyBarged, bool answerAudible, int speechMs, int minBargeInMs) =>
        speaking && bargeInOn && !alreadyBarged && answerAudible && speechMs >= minBargeInMs;
}
