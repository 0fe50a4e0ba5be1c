namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// What the caller's audio does to the call, decided from numbers alone: whether a frame fits the real-time allowance,
/// and whether speech over the assistant is a barge-in.
/// </summary>
public static class VoiceCallAudioDecision
{
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
