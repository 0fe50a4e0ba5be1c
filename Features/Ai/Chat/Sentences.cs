using System.Text;

namespace VoiceHelper.Ai.Chat;

/// <summary>Splits text into sentences at English and CJK sentence punctuation and at line breaks.</summary>
public static class Sentences
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Flush(current, sentences);
                continue;
            }
            current.Append(c);
            var cjkEnd = c is '。' or '！' or '？' or '；';
            // A period ends a sentence only before whitespace or the end: "v2.1" and "e.g." inside a word stay.
            var latinEnd = c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))
                && !EndsWithAbbreviation(current);
            if (cjkEnd || latinEnd)
            {
                Flush(current, sentences);
            }
        }
        Flush(current, sentences);
        return sentences;
    }

    private static bool EndsWithAbbreviation(StringBuilder current)
    {
        var text = current.ToString().TrimEnd('.');
        var lastSpace = text.LastIndexOf(' ');
        var last = (lastSpace < 0 ? text : text[(lastSpace + 1)..]).ToLowerInvariant();
        return last is "e.g" or "i.e" or "etc" or "mr" or "mrs" or "dr" or "no" or "vs" or "approx";
    }

    private static void Flush(StringBuilder current, List<string> sentences)
    {
        var sentence = current.ToString().Trim();
        current.Clear();
        // Markdown decorations and list bullets are not content.
        sentence = sentence.TrimStart('#', '-', '*', '>', ' ', '\t');
        if (sentence.Any(char.IsLetterOrDigit))
        {
            sentences.Add(sentence);
        }
    }
}
