using System.Globalization;
using System.Text;

namespace VoiceHelper.Ai.Text;

/// <summary>
/// The one lexical view of text: the keyword index and its queries, the lexical embedder, the reranker, the extractive
/// answerer and the groundedness check all read text through it, so that a word counts the same everywhere. Latin words
/// are lower-cased, stop words dropped and stemmed; CJK runs become character unigrams and bigrams (a bigram index
/// finds Chinese words without a dictionary while unigrams still match single-character queries), split first at
/// Chinese function characters so that no bigram straddles one.
/// </summary>
public static class TextTokenizer
{
    // Question words ("how long", "tell me", "please") are stop words too: the answerer scores a sentence by the share
    // of the question's content terms it covers, and no answer sentence repeats "how long". "no" and "not" are content.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had",
        "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that",
        "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
        "would", "should", "will", "shall", "may", "might", "must", "there", "here", "about", "into", "than", "then",
        "so", "yes", "any", "some", "all", "each", "also", "just", "very", "too", "up", "out", "please", "such",
        "tell", "know", "want", "need", "get", "got", "much", "many", "long", "other", "s", "t",
        "的", "了", "是", "在", "我", "你", "吗", "呢", "吧", "啊", "么", "什", "怎", "样", "请", "问", "和", "与", "及",
        "多", "久", "几", "哪", "能", "会", "要", "多久", "多少", "哪里", "哪些", "时候", "么样", "什么", "怎么", "怎样", "如何", "请问", "我们", "你们", "可以", "能否", "是否", "一个",
    };

    /// <summary>A lower-cased word (or CJK character or pair) that no lexical signal counts.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// The one CJK rule: Han ideographs (with extension A and compatibility forms), kana, Hangul and the other CJK
    /// letters. Such text has no spaces between words and about one model token per character.
    /// </summary>
    public static bool IsCjk(char ch) =>
        ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF'
        || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherLetter && ch >= '\u2E80' && ch <= '\u9FFF';

    /// <summary>True when any character of <paramref name="text"/> is CJK.</summary>
    public static bool ContainsCjk(string text) => text.Any(IsCjk);

    /// <summary>True when most letters of <paramref name="text"/> are CJK: a CJK character carries about as much as a short English word.</summary>
    public static bool IsMostlyChinese(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else if (char.IsLetter(c))
            {
                latin++;
            }
        }
        return cjk * 3 > latin;
    }

    /// <summary>Terms in text order (duplicates kept, so callers can count term frequency).</summary>
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        foreach (var (word, isCjk) in Words(text))
        {
            if (isCjk)
            {
                AddCjk(word, terms);
            }
            else if (!IsStopWord(word))
            {
                terms.Add(PorterStemmer.Stem(word));
            }
        }
        return terms;
    }

    public static HashSet<string> TermSet(string text) => new(Tokenize(text), StringComparer.Ordinal);

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

    /// <summary>
    /// Chunk sizes in words: one per Latin word, one per CJK character (chunk targets are set in these units; model
    /// token budgets use <see cref="TokenEstimate"/>).
    /// </summary>
    public static int CountTokens(string text)
    {
        var count = 0;
        foreach (var (word, isCjk) in Words(text))
        {
            count += isCjk ? word.Length : 1;
        }
        return count;
    }

    /// <summary>
    /// Unigrams and bigrams of a CJK run, split first at function characters (的, 是, 多, 吗...) so that no bigram
    /// straddles one: "退款多久到账" gives 退款 and 到账, not the noise pairs 款多 and 久到.
    /// </summary>
    private static void AddCjk(string run, List<string> terms)
    {
        var start = 0;
        for (var i = 0; i <= run.Length; i++)
        {
            if (i < run.Length && !StopWords.Contains(run[i].ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            var segment = run[start..i];
            for (var j = 0; j < segment.Length; j++)
            {
                terms.Add(segment[j].ToString(CultureInfo.InvariantCulture));
                if (j + 1 < segment.Length && !StopWords.Contains(segment.Substring(j, 2)))
                {
                    terms.Add(segment.Substring(j, 2));
                }
            }
            start = i + 1;
        }
    }
}
