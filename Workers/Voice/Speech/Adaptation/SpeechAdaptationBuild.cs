using System.Collections.Concurrent;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Voice.Speech.Adaptation;

/// <summary>What one build of a knowledge base's adaptation produced (files under <see cref="Directory"/>).</summary>
public sealed record SpeechAdaptationBuild(string Directory, PocketsphinxAdaptation Pocketsphinx, string Hotwords, IReadOnlyList<string> Terms, int Sentences)
{
    // The general dictionary's words and their first pronunciations, read once per file: 135,000 lines.
    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, string>>> Dictionaries = new();

    /// <summary>
    /// Builds from the knowledge base's chunk texts: the ARPA model over its sentences, pronunciations (espeak-ng) for
    /// its words the general dictionary lacks, and its distinctive terms (those words, most frequent first, at most
    /// <paramref name="maxTerms"/>) as hotwords. With <paramref name="variants"/>, a new word also gets the other ways it is
    /// said (<see cref="PronunciationVariants"/>), as pocketsphinx's alternative pronunciations <c>word(2)</c>, <c>word(3)</c>.
    /// </summary>
    public static async Task<SpeechAdaptationBuild> CreateAsync(IEnumerable<string> chunkTexts, string directory, string dictionaryPath,
        float domainWeight, int maxTerms, CancellationToken cancellationToken, bool variants = true)
    {
        var sentences = chunkTexts.SelectMany(SpokenText.Sentences).Where(s => s.Count > 0).ToList();
        if (sentences.Count == 0)
        {
            throw new InvalidOperationException("The knowledge base has no text to adapt to.");
        }

        var dictionary = Dictionaries.GetOrAdd(dictionaryPath, path => new Lazy<Dictionary<string, string>>(() => ReadDictionary(path))).Value;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(s => s))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var unknown = counts.Keys.Where(w => !dictionary.ContainsKey(w)).Order(StringComparer.Ordinal).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var spoken = await Pronouncer.PronounceAsync(unknown, cancellationToken);

        // Base words first: pocketsphinx links word(2) to an existing word. Insertion order is enumeration order.
        var pronunciations = new Dictionary<string, string>(StringComparer.Ordinal);
        var alternatives = new List<(string Word, string Phones)>();
        foreach (var word in unknown)
        {
            var primary = spoken.GetValueOrDefault(word);
            var others = variants ? PronunciationVariants.For(word, primary, dictionary) : [];
            var all = (primary is null ? others : [primary, .. others]).ToList();
            if (all.Count == 0)
            {
                continue;
            }

            pronunciations[word] = all[0];
            alternatives.AddRange(all.Skip(1).Select((phones, i) => ($"{word}({i + 2})", phones)));
        }


        System.IO.Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, "domain.arpa");
        await using (var writer = new StreamWriter(modelPath))
        {
            // Words with no pronunciation cannot be recognised: the model is left without them rather than with holes.
            ArpaLanguageModel.Write(sentences.Select(s => (IReadOnlyList<string>)s.Where(w => dictionary.ContainsKey(w) || pronunciations.ContainsKey(w)).ToList()), writer);
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

        var newWords = pronunciations.Keys.ToList();
        foreach (var (word, phones) in alternatives)
        {
            pronunciations[word] = phones;
        }

        var terms = newWords.Where(w => w.Length >= 2).Select(w => (Term: w, Count: counts[w]))
            .Concat(phrases.Where(p => p.Value >= 2).Select(p => (Term: p.Key, Count: p.Value)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(maxTerms).Select(t => t.Term).ToList();
        var hotwords = string.Join('\n', terms.Select(t => t.ToUpperInvariant()));
        return new SpeechAdaptationBuild(directory, new PocketsphinxAdaptation(modelPath, pronunciations, domainWeight), hotwords, terms, sentences.Count);
    }

    private static Dictionary<string, string> ReadDictionary(string path)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0 && line[end] != '(')
            {
                words.TryAdd(line[..end], line[(end + 1)..].Trim());
            }
        }

        return words;
    }
}
