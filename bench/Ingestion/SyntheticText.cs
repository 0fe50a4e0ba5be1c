using System.Text;

namespace VoiceHelper.Ingestion.Bench;

/// <summary>Manual-like text from a Zipf-distributed vocabulary of pronounceable pseudo-words (deterministic by seed).</summary>
public sealed class SyntheticText
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "de", "pa", "qu", "ber", "stan", "tor", "gel", "mon", "fra", "lin", "dax", "pre"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public SyntheticText(int seed, int vocabularySize = 30_000)
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
    }

    public string Word()
    {
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
