namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// Answering before the turn is over. When the caller has stopped speaking and the transcript reads as a complete
/// question, the answer is prepared at once (nothing sent, nothing stored) while the end-of-turn silence runs out;
/// the turn then adopts it if its final transcript says the same words. Speech again, or a transcript that changed,
/// discards it; a changed transcript that still reads complete starts another.
/// </summary>
public static class VoiceCallSpeculationDecision
{
    public enum Step
    {
        /// <summary>Nothing to do: no answer being prepared and none to start, or the one prepared still fits.</summary>
        Keep,

        /// <summary>Discard the answer being prepared, if any, and prepare one for the current transcript.</summary>
        Start,

        /// <summary>Discard the answer being prepared.</summary>
        Discard,
    }

    /// <param name="enabled">Speculative answers are on (<c>Voice:SpeculativeAnswers</c>).</param>
    /// <param name="speaking">The detector hears the caller.</param>
    /// <param name="transcript">The turn's transcript so far (committed and partial).</param>
    /// <param name="speculating">The question of the answer being prepared, or null.</param>
    /// <param name="answerFree">No earlier answer is still being produced, stored or heard: a prepared one would sit on the history it sees.</param>
    public static Step Next(bool enabled, bool speaking, string transcript, string? speculating, bool answerFree)
    {
        if (speaking)
        {
            return speculating is null ? Step.Keep : Step.Discard;
        }
        if (speculating is not null && SameWords(speculating, transcript))
        {
            return Step.Keep;
        }
        if (enabled && answerFree && VoiceCallTurnDecision.LooksComplete(transcript))
        {
            return Step.Start;
        }
        return speculating is null ? Step.Keep : Step.Discard;
    }

    /// <summary>Whether a prepared answer answers the final transcript: the same words, whatever the case and punctuation.</summary>
    public static bool SameWords(string prepared, string final) => Words(prepared).SequenceEqual(Words(final));

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', '\t', '\n', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());
}
