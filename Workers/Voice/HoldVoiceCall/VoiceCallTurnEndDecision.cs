namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// The bookkeeping of a turn's end and of an interrupted answer, decided from values alone: what the turn becomes, how
/// long the end-of-turn wait and the caller's audio were, and whether a stored answer is cut to what was heard.
/// </summary>
public static class VoiceCallTurnEndDecision
{
    /// <param name="transcript">The turn's final transcript, trimmed.</param>
    /// <param name="previousAudible">The previous answer was still audible and not interrupted when the turn ended.</param>
    /// <param name="preparedQuestion">The question an answer was prepared for early, or null (none, or it failed).</param>
    public static VoiceCallTurnEnd Decide(string transcript, bool previousAudible, string? preparedQuestion) =>
        transcript.Length == 0 ? VoiceCallTurnEnd.Nothing
        : previousAudible ? VoiceCallTurnEnd.Backchannel
        : preparedQuestion is not null && VoiceCallSpeculationDecision.SameWords(preparedQuestion, transcript) ? VoiceCallTurnEnd.AdoptPrepared
        : VoiceCallTurnEnd.Ask;

    /// <summary>
    /// The end-of-turn wait (the silence since speech stopped; none when the turn was cut while the caller still spoke)
    /// and the caller's audio in the turn, in ms, from sample positions.
    /// </summary>
    public static (int EndOfTurnMs, int CallerAudioMs) Timing(bool speaking, long position, long speechEnd, long turnStart, int samplesPerMs) =>
        (speaking ? 0 : (int)((position - speechEnd) / samplesPerMs), (int)((Math.Max(speechEnd, turnStart) - turnStart) / samplesPerMs));

    /// <summary>
    /// Whether a stored answer is cut to the words heard: only when what was heard is a proper beginning of it (a stored
    /// text that differs otherwise was not the one spoken, and is left alone).
    /// </summary>
    public static bool Truncates(string stored, string heard) =>
        stored != heard && stored.StartsWith(heard, StringComparison.Ordinal);
}
