namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// When a caller's turn is over. Silence alone is a poor judge: "how do I return my order" followed by a breath is
/// finished, "I want to return it and" is not. A transcript that reads as complete ends after the short silence; one
/// that trails off (a conjunction, a filler, an article) waits up to the ceiling; an empty one (nothing recognised
/// yet) waits twice the short silence. A turn longer than the maximum ends regardless.
/// </summary>
public static class VoiceCallTurnDecision
{
    private static readonly HashSet<string> TrailingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "so", "because", "if", "then", "um", "uh", "er", "erm", "hmm", "the", "a", "an", "to", "of",
        "with", "for", "in", "on", "at", "my", "your", "is", "are", "was", "what", "how", "which", "when", "where", "that",
        "like", "also", "about", "from", "can", "could", "would", "should", "i", "it's", "its",
    };

    public static bool LooksComplete(string transcript)
    {
        var words = transcript.Split((char[])[' ', '\t', '\n', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && !TrailingWords.Contains(words[^1]);
    }

    public static int RequiredSilenceMs(string transcript, VoiceCallSettings settings) =>
        string.IsNullOrWhiteSpace(transcript) ? Math.Min(settings.EndOfTurnSilenceMs * 2, settings.MaxEndOfTurnSilenceMs)
        : LooksComplete(transcript) ? settings.EndOfTurnSilenceMs
        : settings.MaxEndOfTurnSilenceMs;

    public static bool EndsTurn(int silenceMs, int turnMs, int maxTurnMs, string transcript, VoiceCallSettings settings) =>
        turnMs >= maxTurnMs || silenceMs >= RequiredSilenceMs(transcript, settings);
}
