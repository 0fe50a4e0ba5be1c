namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// The part of an answer the caller heard before interrupting, from how much audio was played. Whole sentences
/// whose audio ended count in full; the sentence being spoken counts in proportion to its played audio, cut back to
/// a word boundary (a half-heard word was not heard). The result is always a beginning of the answer text, which is
/// what Conversations' truncation requires.
/// </summary>
public static class VoiceCallHeardText
{
    public static string Cut(string answer, IReadOnlyList<VoiceCallSentenceAudio> sentences, int playedMs)
    {
        var cut = 0;
        foreach (var spoken in sentences)
        {
            if (playedMs >= spoken.EndMs)
            {
                cut = spoken.Sentence.End;
                continue;
            }
            if (playedMs > spoken.StartMs && spoken.EndMs > spoken.StartMs)
            {
                var fraction = (double)(playedMs - spoken.StartMs) / (spoken.EndMs - spoken.StartMs);
                var within = spoken.Sentence.Start + (int)Math.Floor(fraction * (spoken.Sentence.End - spoken.Sentence.Start));
                cut = BackToWordEnd(answer, Math.Min(within, answer.Length), spoken.Sentence.Start, cut);
            }
            break;
        }
        return answer[..Math.Min(cut, answer.Length)].TrimEnd();
    }

    private static int BackToWordEnd(string answer, int position, int sentenceStart, int fallback)
    {
        if (position < answer.Length && position > 0 && !char.IsWhiteSpace(answer[position]) && !char.IsWhiteSpace(answer[position - 1]))
        {
            // Inside a word: back to the space before it.
            while (position > sentenceStart && !char.IsWhiteSpace(answer[position - 1]))
            {
                position--;
            }
        }
        return position <= sentenceStart ? fallback : position;
    }
}
