using System.Text;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// Written text as a recogniser hears it: lower-case words of letters (and inner apostrophes). Punctuation, digits
/// and symbols go, and so do the separators inside names (<c>pg_dump</c> is said "pg dump", <c>--schema-only</c>
/// "schema only"), because neither recogniser can output them.
/// </summary>
public static class SpokenText
{
    /// <summary>The words of one piece of text.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (c is >= 'a' and <= 'z')
            {
                word.Append(c);
            }
            else if (c == '\'' && word.Length > 0 && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                word.Append(c);
            }
            else
            {
                Flush(word, words);
                if (char.IsAsciiDigit(c))
                {
                    // A token with digits (v2, 0x1f) is not a word either recogniser can say.
                    while (i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
                    {
                        i++;
                    }
                }
            }
        }

        Flush(word, words);
        return words;
    }

    /// <summary>Sentences of a chunk as word lists: split at sentence punctuation and blank lines, at most 40 words each.</summary>
    public static IEnumerable<List<string>> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length
                || (text[i] is '.' or '!' or '?' or ';' or ':' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                || (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n');
            if (!end)
            {
                continue;
            }

            var words = Words(text[start..i]);
            for (var offset = 0; offset < words.Count; offset += 40)
            {
                yield return words.GetRange(offset, Math.Min(40, words.Count - offset));
            }

            start = Math.Min(text.Length, i + 1);
        }
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
