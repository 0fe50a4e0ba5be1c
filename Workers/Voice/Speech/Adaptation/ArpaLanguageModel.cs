using System.Globalization;
using System.Text;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>
/// A trigram language model with interpolated Witten-Bell smoothing, written in the ARPA back-off format that
/// pocketsphinx reads. For a history h with c(h) tokens after it and N(h) distinct words after it,
/// P(w|h) = (c(h,w) + N(h) P(w|h')) / (c(h) + N(h)); the unigrams back off to a uniform distribution. Interpolated
/// Witten-Bell needs no discount tables, and its back-off weight is exactly N(h) / (c(h) + N(h)), so the ARPA file
/// reproduces the interpolated model for unseen n-grams too.
/// </summary>
public static class ArpaLanguageModel
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";

    public static void Write(IEnumerable<IReadOnlyList<string>> sentences, TextWriter writer)
    {
        var unigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new Dictionary<(string, string), int>();
        var trigrams = new Dictionary<(string, string, string), int>();
        foreach (var sentence in sentences)
        {
            if (sentence.Count == 0)
            {
                continue;
            }

            var padded = new string[sentence.Count + 2];
            padded[0] = SentenceStart;
            padded[^1] = SentenceEnd;
            for (var i = 0; i < sentence.Count; i++)
            {
                padded[i + 1] = sentence[i];
            }

            for (var i = 1; i < padded.Length; i++)
            {
                Increment(unigrams, padded[i]);
                Increment(bigrams, (padded[i - 1], padded[i]));
                if (i >= 2)
                {
                    Increment(trigrams, (padded[i - 2], padded[i - 1], padded[i]));
                }
            }
        }

        if (unigrams.Count == 0)
        {
            throw new InvalidOperationException("A language model needs at least one sentence.");
        }

        // Unigrams: Witten-Bell against the uniform distribution over the vocabulary (which includes </s>).
        var total = unigrams.Values.Sum();
        var uniform = 1.0 / unigrams.Count;
        var p1 = unigrams.ToDictionary(p => p.Key, p => (p.Value + unigrams.Count * uniform) / (total + unigrams.Count), StringComparer.Ordinal);

        var bigramHistories = Histories(bigrams.Select(b => (b.Key.Item1, b.Value)));
        var p2 = bigrams.ToDictionary(b => b.Key, b =>
        {
            var (count, types) = bigramHistories[b.Key.Item1];
            return (b.Value + types * p1[b.Key.Item2]) / (count + types);
        });
        double P2(string h, string w) => p2.TryGetValue((h, w), out var p) ? p : BackOff(bigramHistories, h) * p1[w];

        var trigramHistories = Histories(trigrams.Select(t => ((t.Key.Item1, t.Key.Item2), t.Value)));
        var p3 = trigrams.ToDictionary(t => t.Key, t =>
        {
            var (count, types) = trigramHistories[(t.Key.Item1, t.Key.Item2)];
            return (t.Value + types * P2(t.Key.Item2, t.Key.Item3)) / (count + types);
        });

        writer.Write("\\data\\\n");
        writer.Write($"ngram 1={unigrams.Count + 1}\nngram 2={bigrams.Count}\nngram 3={trigrams.Count}\n\n\\1-grams:\n");
        writer.Write($"-99\t{SentenceStart}\t{Log(BackOff(bigramHistories, SentenceStart))}\n");
        foreach (var (word, p) in p1.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word == SentenceEnd ? $"{Log(p)}\t{word}\n" : $"{Log(p)}\t{word}\t{Log(BackOff(bigramHistories, word))}\n");
        }

        writer.Write("\n\\2-grams:\n");
        foreach (var ((h, w), p) in p2.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            writer.Write(trigramHistories.TryGetValue((h, w), out var history)
                ? $"{Log(p)}\t{h} {w}\t{Log((double)history.Types / (history.Count + history.Types))}\n"
                : $"{Log(p)}\t{h} {w}\n");
        }

        writer.Write("\n\\3-grams:\n");
        foreach (var ((a, b, c), p) in p3.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).ThenBy(p => p.Key.Item3, StringComparer.Ordinal))
        {
            writer.Write($"{Log(p)}\t{a} {b} {c}\n");
        }

        writer.Write("\n\\end\\\n");
    }

    public static string ToArpa(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var text = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        Write(sentences, text);
        return text.ToString();
    }

    private static double BackOff<T>(Dictionary<T, (int Count, int Types)> histories, T history)
        where T : notnull =>
        histories.TryGetValue(history, out var h) ? (double)h.Types / (h.Count + h.Types) : 1.0;

    private static Dictionary<T, (int Count, int Types)> Histories<T>(IEnumerable<(T History, int Count)> ngrams)
        where T : notnull
    {
        var histories = new Dictionary<T, (int Count, int Types)>();
        foreach (var (history, count) in ngrams)
        {
            var current = histories.GetValueOrDefault(history);
            histories[history] = (current.Count + count, current.Types + 1);
        }

        return histories;
    }

    private static void Increment<T>(Dictionary<T, int> counts, T key)
        where T : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Log(double p) => Math.Log10(p).ToString("F4", CultureInfo.InvariantCulture);
}
