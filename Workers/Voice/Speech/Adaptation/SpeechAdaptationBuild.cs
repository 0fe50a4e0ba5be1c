using System.Collections.Concurrent;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>What one build of a knowledge base's adaptation produced (files under <see cref="Directory"/>).</summary>
public sealed record SpeechAdaptationBuild(string Directory, PocketsphinxAdaptation Pocketsphinx, string Hotwords, IReadOnlyList<string> Terms, int Sentences)
{
    // The general dictionary's words, read once per file: 135,000 lines.
    private static readonly ConcurrentDictionary<string, Lazy<HashSet<string>>> Dictionaries = new();

    /// <summary>
    /// Builds from the knowledge base's chunk texts: the ARPA model over its sentences, pronunciations (espeak-ng) for
    /// its words the general dictionary lacks, and its distinctive terms (those words, most frequent first, at most
    /// <paramref name="maxTerms"/>) as hotwords.
    /// </summary>
    public static async Task<SpeechAdaptationBuild> CreateAsync(IEnumerable<string> chunkTexts, string directory, string dictionaryPath,
        float domainWeight, int maxTerms, CancellationToken cancellationToken)
    {
        var sentences = chunkTexts.SelectMany(SpokenText.Sentences).Where(s => s.Count > 0).ToList();
        if (sentences.Count == 0)
        {
            throw new InvalidOperationException("The knowledge base has no text to adapt to.");
        }

        var known = Dictionaries.GetOrAdd(dictionaryPath, path => new Lazy<HashSet<string>>(() => ReadDictionaryWords(path))).Value;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(s => s))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var unknown = counts.Keys.Where(w => !known.Contains(w)).Order(StringComparer.Ordinal).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var pronunciations = await Pronouncer.PronounceAsync(unknown, cancellationToken);

        System.IO.Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, "domain.arpa");
        await using (var writer = new StreamWriter(modelPath))
        {
            // Words with no pronunciation cannot be recognised: the model is left without them rather than with holes.
            ArpaLanguageModel.Write(sentences.Select(s => (IReadOnlyList<string>)s.Where(w => known.Contains(w) || pronunciations.ContainsKey(w)).ToList()), writer);
        }

        // The terms are what only this base says: its words the general dictionary lacks, and the two-word names they
        // form with their neighbours ("pg dump"), most frequent first. A name of common words is no term.
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i + 1 < sentence.Count; i++)
            {
                if (pronunciations.ContainsKey(sentence[i]) || pronunciations.ContainsKey(sentence[i + 1]))
                {
                    var phrase = sentence[i] + " " + sentence[i + 1];
                    phrases[phrase] = phrases.GetValueOrDefault(phrase) + 1;
                }
            }
        }

        var terms = pronunciations.Keys.Where(w => w.Length >= 2).Select(w => (Term: w, Count: counts[w]))
            .Concat(phrases.Where(p => p.Value >= 2).Select(p => (Term: p.Key, Count: p.Value)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(maxTerms).Select(t => t.Term).ToList();
        var hotwords = string.Join('\n', terms.Select(t => t.ToUpperInvariant()));
        return new SpeechAdaptationBuild(directory, new PocketsphinxAdaptation(modelPath, pronunciations, domainWeight), hotwords, terms, sentences.Count);
    }

    private static HashSet<string> ReadDictionaryWords(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }
}
