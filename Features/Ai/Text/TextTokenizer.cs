using System.Globalization;
using System.Text;

namespace VoiceHelper.Ai.Text;

/// <summary>
/// The one tokeniser for keyword indexing and querying: Latin words lower-cased, stop words dropped and stemmed;
/// CJK runs as character unigrams plus bigrams, because Chinese has no spaces and a bigram index finds words
/// without a dictionary while unigrams still match single-character queries.
/// </summary>
public static class TextTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "what", "how", "do", "does", "i", "you", "my", "your", "can", "from", "which", "who", "when", "where", "why",
    };

    /// <summary>A lower-cased word that neither the keyword index nor the lexical embedder counts.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Index/query terms in text order (duplicates kept, so callers can count term frequency).</summary>
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        foreach (var (word, isCjk) in Words(text))
        {
            if (isCjk)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    terms.Add(word[i].ToString());
                    if (i + 1 < word.Length)
                    {
                        terms.Add(word.Substring(i, 2));
                    }
                }
            }
            else if (!IsStopWord(word))
            {
                terms.Add(PorterStemmer.Stem(word));
            }
        }
        return terms;
    }

    /// <summary>Lower-cased words and CJK runs, before stop-word removal and stemming (the embedder wants both forms).</summary>
    public static IEnumerable<(string Word, bool IsCjk)> Words(string text)
    {
        var current = new StringBuilder();
        var currentIsCjk = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            var cjk = IsCjk(ch);
            var wordChar = cjk || char.IsLetterOrDigit(ch);
            if (!wordChar || (current.Length > 0 && cjk != currentIsCjk))
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), currentIsCjk);
                    current.Clear();
                }
                if (!wordChar)
                {
                    continue;
                }
            }
            currentIsCjk = cjk;
            current.Append(cjk ? ch : char.ToLowerInvariant(ch));
        }
        if (current.Length > 0)
        {
            yield return (current.ToString(), currentIsCjk);
        }
    }

    /// <summary>A rough token count for chunk sizing: one per Latin word, one per CJK character.</summary>
    public static int CountTokens(string text)
    {
        var count = 0;
        foreach (var (word, isCjk) in Words(text))
        {
            count += isCjk ? word.Length : 1;
        }
        return count;
    }

    public static bool IsCjk(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF'
        || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherLetter && ch >= '\u2E80' && ch <= '\u9FFF';
}
