namespace VoiceHelper.Ai.Text;

/// <summary>
/// The one sentence splitter (chunking, the answerer, the reranker, the groundedness check). A sentence ends at a line
/// break; at 。！？； (no space follows in Chinese); at . ! ? before whitespace, a CJK character or the end, unless the
/// period closes an abbreviation ("e.g.", "Dr.") or an initial ("J. Smith"). A run of end marks ("?!", "！！") ends once.
/// Sentences come back trimmed and in order; nothing else is removed, so chunks keep their text.
/// </summary>
public static class Sentences
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            var end = c is '\n' or '\r'
                || !IsEndMark(next) && (c is '。' or '！' or '？' or '；'
                    || c is '.' or '!' or '?' && (char.IsWhiteSpace(next) || TextTokenizer.IsCjk(next)) && !(c == '.' && EndsWithAbbreviation(text, i)));
            if (end)
            {
                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }
        Add(sentences, text[start..]);
        return sentences;
    }

    private static bool IsEndMark(char c) => c is '。' or '！' or '？' or '；' or '.' or '!' or '?';

    /// <summary>Whether the period at <paramref name="dot"/> closes an abbreviation or a single initial rather than a sentence.</summary>
    private static bool EndsWithAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }
        var word = text[wordStart..dot].TrimStart('(', '"', '\'').ToLowerInvariant();
        var initial = word.Length == 1 && char.IsUpper(text[dot - 1]) && !TextTokenizer.IsCjk(text[dot - 1]);
        return initial || word is "e.g" or "i.e" or "etc" or "mr" or "mrs" or "dr" or "no" or "vs" or "approx";
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
