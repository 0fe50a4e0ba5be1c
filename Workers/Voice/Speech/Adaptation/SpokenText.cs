using System.Text.RegularExpressions;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// Written text as a recogniser hears it: lower-case words of letters (and inner apostrophes). Punctuation, digits
/// and symbols go, and so do the separators inside names (<c>pg_dump</c> is said "pg dump", <c>--schema-only</c>
/// "schema only"), because neither recogniser can output them.
/// </summary>
public static partial class SpokenText
{
    /// <summary>The words of one piece of text; a token with digits (v2, db01, 0x1f) is no word either recogniser can say.</summary>
    public static List<string> Words(string text) =>
        Token().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !w.Any(char.IsAsciiDigit)).ToList();

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

    [GeneratedRegex("[a-z0-9]+(?:'[a-z]+)*")]
    private static partial Regex Token();
}
