using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ingestion.Chunk;

/// <summary>
/// Splits a block into sentences: after . ! ? followed by a space, and after the CJK full stops 。！？； which are
/// not followed by spaces. Chunks are assembled from whole sentences, so a sentence is never cut unless it is
/// longer than a whole chunk.
/// </summary>
public static class SentenceSplitter
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var end = ch is '。' or '！' or '？' or '；' or '!' or '?' && (i + 1 == text.Length || text[i + 1] != ch)
                || ch == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsDecimalOrInitial(text, i)
                || ch == '\n';
            if (end)
            {
                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }
        Add(sentences, text[start..]);
        return sentences;
    }

    private static bool IsDecimalOrInitial(string text, int dot) =>
        // "e.g. " and single initials ("J. Smith") are not sentence ends.
        dot >= 1 && (dot < 2 || !char.IsLetter(text[dot - 2])) && char.IsUpper(text[dot - 1]) && !TextTokenizer.IsCjk(text[dot - 1]);

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
