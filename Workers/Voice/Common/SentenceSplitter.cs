using System.Text;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Cuts a streamed answer into sentences as it arrives, so the first one can be spoken while the rest is still being
/// generated. A sentence ends at . ! ? (followed by a space or a line end) or at 。！？ and line breaks; a long run
/// without one is cut after a comma or semicolon so the first audio does not wait for a long sentence. Offsets
/// index the concatenated answer text, which is what Conversations stores.
/// </summary>
public sealed class SentenceSplitter
{
    // A clause this long is worth speaking on its own at a comma.
    private const int ClauseChars = 60;

    private readonly StringBuilder text = new();
    private int start;

    public string Text => text.ToString();

    /// <summary>Adds a piece of the answer and returns the sentences it completed.</summary>
    public IReadOnlyList<SpokenSentence> Append(string delta)
    {
        text.Append(delta);
        var sentences = new List<SpokenSentence>();
        // The last character may be an abbreviation's dot or a decimal point: decide only when what follows is known.
        for (var i = start; i < text.Length - 1; i++)
        {
            if (EndsSentence(i) || (i - start >= ClauseChars && text[i] is ',' or ';' or '，' or '；' && char.IsWhiteSpace(text[i + 1])))
            {
                Add(sentences, i + 1);
            }
        }
        if (text.Length > start && text[^1] is '。' or '！' or '？' or '\n')
        {
            Add(sentences, text.Length);
        }
        return sentences;
    }

    /// <summary>The answer ended: what is left is the last sentence.</summary>
    public IReadOnlyList<SpokenSentence> Flush()
    {
        var sentences = new List<SpokenSentence>();
        Add(sentences, text.Length);
        return sentences;
    }

    private bool EndsSentence(int i) => text[i] switch
    {
        '.' or '!' or '?' => char.IsWhiteSpace(text[i + 1]),
        '。' or '！' or '？' or '\n' => true,
        _ => false,
    };

    private void Add(List<SpokenSentence> sentences, int end)
    {
        var sentence = text.ToString(start, end - start);
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            sentences.Add(new SpokenSentence(sentence.Trim(), start, end));
        }
        start = end;
    }
}
