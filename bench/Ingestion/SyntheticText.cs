using System.Text;

namespace VoiceHelper.Ingestion.Bench;

/// <summary>
/// Manual-like text from pronounceable pseudo-words (deterministic by seed). With <c>topics</c> &gt; 0 every document
/// is about one topic: most of its words come from that topic's own vocabulary, the rest from the Zipf-distributed
/// common vocabulary, which is how real manuals look. With 0 topics it is pure Zipf word salad, a deliberately
/// hard case for both HNSW (no neighbourhood structure) and BM25 pruning (every query term is common).
/// </summary>
public sealed class SyntheticText
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "de", "pa", "qu", "ber", "stan", "tor", "gel", "mon", "fra", "lin", "dax", "pre"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    private readonly int[][] _topics;
    private int _topic;

    public SyntheticText(int seed, int vocabularySize = 30_000, int topics = 0)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < vocabularySize)
        {
            var word = new StringBuilder();
            for (var i = 0; i < 2 + _random.Next(3); i++)
            {
                word.Append(Syllables[_random.Next(Syllables.Length)]);
            }
            words.Add(word.ToString());
        }
        _vocabulary = [.. words];
        _cumulative = new double[vocabularySize];
        var total = 0.0;
        for (var i = 0; i < vocabularySize; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 1.07);
            _cumulative[i] = total;
        }
        for (var i = 0; i < vocabularySize; i++)
        {
            _cumulative[i] /= total;
        }
        // Topic words come from outside the 2,000 most common words.
        _topics = Enumerable.Range(0, topics).Select(_ => Enumerable.Range(0, 150).Select(_ => 2000 + _random.Next(vocabularySize - 2000)).ToArray()).ToArray();
    }

    /// <summary>Starts a new document about a random topic.</summary>
    public void NextTopic() => _topic = _topics.Length == 0 ? 0 : _random.Next(_topics.Length);

    public string Word()
    {
        if (_topics.Length > 0 && _random.NextDouble() < 0.5)
        {
            var topic = _topics[_topic];
            // Zipf-like within the topic too: a few words carry it.
            return _vocabulary[topic[(int)Math.Min(topic.Length - 1, Math.Floor(-Math.Log(_random.NextDouble()) * 25))]];
        }
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[index < 0 ? ~index : index];
    }

    public string Sentence()
    {
        var words = Enumerable.Range(0, 8 + _random.Next(8)).Select(_ => Word()).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    public string Paragraph(int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence()));

    /// <summary>A query of a few words taken from a real chunk, as a user would type them.</summary>
    public string QueryFrom(string text)
    {
        var words = text.Split([' ', '.', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var start = _random.Next(Math.Max(1, words.Length - 4));
        return string.Join(' ', words.Skip(start).Take(3 + _random.Next(2)));
    }

    public int Next(int max) => _random.Next(max);
}
