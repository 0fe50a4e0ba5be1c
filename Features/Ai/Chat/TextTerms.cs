using System.Globalization;
using System.Text;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// The lexical view of text that the embedded answerer, reranker and groundedness check share: lower-cased English
/// words with the shared Porter-style stemmer and stop words removed, Chinese as character unigrams and bigrams (no word
/// segmenter is installable here, and bigrams are what the keyword index uses too).
/// </summary>
public static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had",
        "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that",
        "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
        "would", "should", "will", "shall", "may", "might", "must", "there", "here", "about", "into", "than", "then",
        "so", "yes", "any", "some", "all", "each", "also", "just", "very", "too", "up", "out", "please",
        "tell", "know", "want", "need", "get", "got", "much", "many", "long", "other", "s", "t",
        "的", "了", "是", "在", "我", "你", "吗", "呢", "吧", "啊", "么", "什", "怎", "样", "请", "问", "和", "与", "及",
        "多", "久", "几", "哪", "能", "会", "要", "多久", "多少", "哪里", "哪些", "时候", "么样", "什么", "怎么", "怎样", "如何", "请问", "我们", "你们", "可以", "能否", "是否", "一个",
    };

    public static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>True when most letters of <paramref name="text"/> are Chinese characters.</summary>
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
        // A Chinese character carries about as much as a short English word.
        return cjk * 3 > latin;
    }

    /// <summary>Content terms in order of appearance (duplicates kept).</summary>
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        var cjkRun = new StringBuilder();
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToLowerInvariant(raw);
            if (IsCjk(c))
            {
                FlushWord(word, terms);
                cjkRun.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                FlushCjk(cjkRun, terms);
                word.Append(c);
            }
            else
            {
                FlushWord(word, terms);
                FlushCjk(cjkRun, terms);
            }
        }
        FlushWord(word, terms);
        FlushCjk(cjkRun, terms);
        return terms;
    }

    public static HashSet<string> TermSet(string text) => new(Tokenize(text), StringComparer.Ordinal);

    /// <summary>The same stemmer the keyword index uses, so "takes"/"take" and "refunds"/"refund" meet.</summary>
    public static string Stem(string word) => PorterStemmer.Stem(word);

    private static void FlushWord(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }
        var value = word.ToString();
        word.Clear();
        if (!StopWords.Contains(value))
        {
            terms.Add(Stem(value));
        }
    }

    /// <summary>
    /// Unigrams and bigrams of a run of Chinese characters, split first at function characters (的, 是, 多, 吗...)
    /// so that no bigram straddles one: "退款多久到账" gives 退款 and 到账, not the noise pairs 款多 and 久到.
    /// </summary>
    private static void FlushCjk(StringBuilder run, List<string> terms)
    {
        if (run.Length == 0)
        {
            return;
        }
        var value = run.ToString();
        run.Clear();
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && !StopWords.Contains(value[i].ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            var segment = value[start..i];
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
