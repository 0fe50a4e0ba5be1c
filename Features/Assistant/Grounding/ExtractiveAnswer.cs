using VoiceHelper.Ai.Text;


namespace VoiceHelper.Assistant.Grounding;

/// <summary>
/// The decision of the embedded answerer, as a pure function: which source sentences answer the question, or none.
/// A sentence's support is the weighted share of the question's content terms it contains (its source's title
/// counting half; a term weighs by its rarity among the sources' sentences); overlong sentences are quoted by their
/// items, and a short label before a quoted sentence is quoted with it. With the sentence model, the caller also passes
/// each sentence's cosine to the question (<see cref="MeaningShortlist"/> says which sentences to embed), and the score
/// mixes meaning and words (<see cref="ExtractiveOptions.MeaningWeight"/>), so that a sentence that says the same thing
/// in other words can answer, while one that shares too few of the question's words cannot. "I don't know" comes out when no sentence scores enough; a quoted sentence is always cited by its own source.
/// </summary>
public static partial class ExtractiveAnswer
{
    public static string Compose(ParsedGroundedPrompt prompt, ExtractiveOptions options, IReadOnlyDictionary<string, double>? meaning = null)
    {
        var chinese = TextTokenizer.IsMostlyChinese(prompt.Question);
        var picked = Select(prompt, options, meaning);
        if (picked.Count == 0)
        {
            return GroundedPrompt.DontKnow(chinese);
        }
        var separator = chinese ? "" : " ";
        // Bounded length: the weakest sentences go first; a single sentence too long is cut at a word.
        var parts = picked.Select(p => (Text: Cite(TrimCitations(p.Sentence), p.Source), p.Support)).ToList();
        while (parts.Count > 1 && parts.Sum(p => p.Text.Length + separator.Length) > options.MaxAnswerChars)
        {
            parts.Remove(parts.MinBy(p => p.Support));
        }
        if (parts.Count == 1 && parts[0].Text.Length > options.MaxAnswerChars)
        {
            var only = picked.First(p => Cite(TrimCitations(p.Sentence), p.Source) == parts[0].Text);
            parts[0] = (Cite(Cut(TrimCitations(only.Sentence), options.MaxAnswerChars - 8), only.Source), only.Support);
        }
        return string.Join(separator, parts.Select(p => p.Text));
    }

    /// <summary>
    /// Every quotable sentence of every source with its share of the question's words, in source order. A question term
    /// weighs by how rare it is among the sources' sentences (<see cref="Rarity"/>): the words that name what the question
    /// is about outweigh the generic ones ("file", "option", "default") that half the sentences share, so a sentence
    /// matching only the generic words of a question the sources do not answer no longer looks like an answer.
    /// (Latin terms; Chinese ones see below.)
    /// </summary>
    public static List<ExtractiveCandidate> Candidates(ParsedGroundedPrompt prompt, int maxSentenceChars = 240, int labelWords = 5)
    {
        var question = TextTokenizer.TermSet(prompt.Question);
        var chinese = TextTokenizer.IsMostlyChinese(prompt.Question);
        var sentences = prompt.Sources
            .SelectMany(source => Quotable(source.Text, maxSentenceChars).Select(sentence => (Source: source, Sentence: sentence, Terms: TextTokenizer.TermSet(sentence))))
            .ToList();
        // A sentence is quoted with its label (below), so it is scored with it too: the option line names what the
        // description under it does ("-l, --files-with-matches" over "Suppress normal output; instead print the name of
        // each input file..."), and the question often asks in the label's words.
        var places = sentences.Select(s => (s.Source.Number, s.Sentence)).ToList();
        var labelled = sentences.Select((s, i) => Labels(places, i, labelWords)
            .Aggregate(s.Terms, (terms, label) => terms.Union(sentences[label].Terms).ToHashSet(StringComparer.Ordinal))).ToList();
        // Most Chinese character pairs of a question are no word (the split has no dictionary), so a pair no sentence has
        // says little: it weighs as a single character does. Chinese terms are not weighed by rarity: absence is the norm.
        var weights = question.ToDictionary(t => t, t => sentences.Count(s => s.Terms.Contains(t)) is var containing && TextTokenizer.IsCjk(t[0])
            ? containing == 0 ? CjkCharacterWeight : Weight(t)
            : Rarity(Math.Max(containing, 1), sentences.Count));
        var total = weights.Values.Sum();
        var candidates = new List<ExtractiveCandidate>();
        foreach (var (source, sentence, _) in sentences)
        {
            var terms = labelled[candidates.Count];
            var title = TextTokenizer.TermSet(source.Title);
            var covered = question.Sum(t => terms.Contains(t) ? weights[t] : title.Contains(t) ? weights[t] / 2 : 0);
            var support = total > 0 ? covered / total : 0;
            // Prefer a sentence in the question's language when two support it equally.
            if (TextTokenizer.IsMostlyChinese(sentence) != chinese)
            {
                support *= 0.9;
            }
            candidates.Add(new ExtractiveCandidate(sentence, source.Number, candidates.Count, support));
        }
        return candidates;
    }

    /// <summary>
    /// A question term's weight from the number of the sources' sentences that contain it (inverse document frequency
    /// over the context). The caller counts a term no sentence has as if one had it: it may be what the question names
    /// and the sources miss, or just the question's own verb ("how long do refunds take?"), so it weighs as the rarest.
    /// </summary>
    public static double Rarity(int sentencesWithTerm, int sentences) =>
        Math.Log(1 + (sentences + 1.0) / (sentencesWithTerm + 1.0));

    /// <summary>
    /// The sentences worth embedding, at most <see cref="ExtractiveOptions.MeaningCandidates"/>: the best by words and the
    /// top source's (retrieval ranked it first, often by meaning), each with its neighbours, which give it context.
    /// </summary>
    public static List<ExtractiveCandidate> MeaningShortlist(List<ExtractiveCandidate> candidates, int topSource, ExtractiveOptions options)
    {
        var chosen = new SortedSet<int>();
        var seeds = candidates.OrderByDescending(c => c.Support).ThenBy(c => c.Order).Take(options.MeaningCandidates / 3)
            .Concat(candidates.Where(c => c.Source == topSource))
            .Concat(candidates.OrderByDescending(c => c.Support).ThenBy(c => c.Order).Skip(options.MeaningCandidates / 3));
        foreach (var seed in seeds)
        {
            foreach (var order in new[] { seed.Order, seed.Order - 1, seed.Order + 1 })
            {
                if (chosen.Count >= options.MeaningCandidates)
                {
                    return chosen.Select(o => candidates[o]).DistinctBy(c => c.Sentence).ToList();
                }
                if (order >= 0 && order < candidates.Count && candidates[order].Source == seed.Source)
                {
                    chosen.Add(order);
                }
            }
        }
        return chosen.Select(o => candidates[o]).DistinctBy(c => c.Sentence).ToList();
    }

    public static IReadOnlyList<(string Sentence, int Source, double Support)> Select(ParsedGroundedPrompt prompt, ExtractiveOptions options,
        IReadOnlyDictionary<string, double>? meaning = null)
    {
        var question = TextTokenizer.TermSet(prompt.Question);
        if ((question.Sum(Weight) <= 0 && meaning is null) || prompt.Sources.Count == 0)
        {
            return [];
        }
        var candidates = Candidates(prompt, options.MaxSentenceChars, options.LabelWords);
        var scored = Scored(candidates, options, meaning);
        var minimum = prompt.Strict ? options.StrictMinSupport : meaning is null ? options.MinSupport : options.MinMixedSupport;
        // With the model, meaning alone cannot answer: a sentence on the same topic that shares too few of the question's
        // (rarity-weighted) words is about something else ("convert a Word document to PDF" vs. a PDF-to-text converter).
        var ranked = scored.Where(c => meaning is null || candidates[c.Order].Support >= options.MinWordSupport)
            .OrderByDescending(c => c.Support).ThenBy(c => c.Order).ToList();
        if (ranked.Count == 0 || ranked[0].Support < minimum)
        {
            return [];
        }
        var floor = Math.Max(minimum, ranked[0].Support * 0.8);
        // Beyond the best sentence, a sentence joins only from the same source or when it covers a question term the
        // answer does not yet: repeating the same fact from other chunks adds citations, not information.
        var picked = new List<ExtractiveCandidate> { ranked[0] };
        var answered = TextTokenizer.TermSet(ranked[0].Sentence);
        foreach (var candidate in ranked.Skip(1).Where(c => c.Support >= floor))
        {
            if (picked.Count >= options.MaxSentences)
            {
                break;
            }
            var terms = TextTokenizer.TermSet(candidate.Sentence);
            var addsTerm = question.Any(t => terms.Contains(t) && !answered.Contains(t));
            if (picked.All(p => p.Sentence != candidate.Sentence) && (candidate.Source == ranked[0].Source || addsTerm))
            {
                picked.Add(candidate);
                answered.UnionWith(terms);
            }
        }
        // Short sentences just before a picked one in the same source are its label ("-t --test", "Test." before "Check
        // the compressed file integrity then quit."): quoted with it, since the answer is often the name the label gives.
        // At most two (an option line and its one-word gloss); a section title in capitals ("DESCRIPTION") is no label.
        var places = candidates.Select(c => (c.Source, c.Sentence)).ToList();
        foreach (var sentence in picked.ToList())
        {
            foreach (var order in Labels(places, sentence.Order, options.LabelWords).TakeWhile(o => picked.All(p => p.Order != o)))
            {
                picked.Add(candidates[order] with { Support = sentence.Support });
            }
        }
        return picked.OrderBy(c => c.Order).Select(c => (c.Sentence, c.Source, c.Support)).ToList();
    }

    /// <summary>The candidates with their scores (<see cref="Score"/>) in place of their share of the question's words.</summary>
    public static List<ExtractiveCandidate> Scored(List<ExtractiveCandidate> candidates, ExtractiveOptions options, IReadOnlyDictionary<string, double>? meaning) =>
        candidates.Select(c => c with { Support = Score(c, candidates, meaning, options) }).ToList();

    /// <summary>
    /// Words alone without the model; with it, the weighted mix of words and meaning, where a sentence's meaning is its
    /// cosine to the question lifted halfway towards a neighbour's in the same source (an answer often follows the
    /// sentence that names the topic). A sentence the model did not see scores by its words, scaled down as if unrelated.
    /// </summary>
    private static double Score(ExtractiveCandidate candidate, List<ExtractiveCandidate> all, IReadOnlyDictionary<string, double>? meaning, ExtractiveOptions options)
    {
        if (meaning is null)
        {
            return candidate.Support;
        }
        var own = meaning.GetValueOrDefault(candidate.Sentence, options.MeaningFloor);
        var neighbour = new[] { candidate.Order - 1, candidate.Order + 1 }
            .Where(o => o >= 0 && o < all.Count && all[o].Source == candidate.Source)
            .Select(o => meaning.GetValueOrDefault(all[o].Sentence, options.MeaningFloor))
            .DefaultIfEmpty(options.MeaningFloor).Max();
        var cosine = Math.Max(own, (own + neighbour) / 2);
        var scaled = Math.Clamp((cosine - options.MeaningFloor) / (options.MeaningCeiling - options.MeaningFloor), 0, 1);
        return options.MeaningWeight * scaled + (1 - options.MeaningWeight) * candidate.Support;
    }

    /// <summary>
    /// The places of the label of the sentence at <paramref name="order"/>, nearest first: at most two short sentences
    /// (at most <paramref name="labelWords"/> words, <see cref="Words"/>) just before it in the same source, never a section title.
    /// </summary>
    public static IEnumerable<int> Labels(IReadOnlyList<(int Source, string Sentence)> sentences, int order, int labelWords)
    {
        for (var label = order - 1; label >= Math.Max(0, order - 2); label--)
        {
            if (sentences[label].Source != sentences[order].Source || Words(sentences[label].Sentence) > labelWords
                || IsSectionTitle(sentences[label].Sentence))
            {
                yield break;
            }
            yield return label;
        }
    }

    /// <summary>A sentence's length in words; a CJK character counts as one (Chinese has no spaces, and a sentence is no label).</summary>
    private static int Words(string sentence) =>
        Math.Max(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, sentence.Count(TextTokenizer.IsCjk));

    /// <summary>A title in capitals ("OPTIONS", "EXIT STATUS"): it names a section, not the item after it.</summary>
    private static bool IsSectionTitle(string sentence) =>
        sentence.Any(char.IsLetter) && sentence.Where(char.IsLetter).All(char.IsUpper) && sentence.Count(char.IsLetter) > 1;

    /// <summary>The citation goes before the final punctuation, so that it cannot be read as the next sentence's.</summary>
    private static string Cite(string sentence, int source)
    {
        var end = sentence.Length;
        while (end > 0 && sentence[end - 1] is '.' or '!' or '?' or '。' or '！' or '？' or '；' or ';' or ':' or '：')
        {
            end--;
        }
        var punctuation = end < sentence.Length ? sentence[end..] : TextTokenizer.IsMostlyChinese(sentence) ? "。" : ".";
        return $"{sentence[..end]} [{source}]{punctuation}";
    }

    private static string Cut(string sentence, int length)
    {
        if (sentence.Length <= length)
        {
            return sentence;
        }
        var space = sentence.LastIndexOf(' ', Math.Max(0, length - 1));
        return sentence[..(space > length / 2 ? space : length)].TrimEnd(',', ';', ' ') + "…";
    }

    // Chinese unigrams are weak evidence on their own; bigrams carry the meaning.
    private static double Weight(string term) => term.Length == 1 && TextTokenizer.IsCjk(term[0]) ? CjkCharacterWeight : 1.0;

    private const double CjkCharacterWeight = 0.3;

    /// <summary>Headings marks, quote marks, "…" and a bullet ("- " or "* ", followed by a space: "-layout" is an option, not a bullet).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[#>…\s]+|[-*](?=\s))+")]
    private static partial System.Text.RegularExpressions.Regex Decoration();

    /// <summary>
    /// Sentences worth quoting: Markdown decorations, list bullets and the "…" that marks left-out text are not content.
    /// A sentence longer than <paramref name="maxChars"/> (an option list or a page header flattened into one line)
    /// is quoted by its items (<see cref="Items"/>), so that the one item that answers is quoted instead of the list.
    /// </summary>
    public static IEnumerable<string> Quotable(string text, int maxChars) =>
        Sentences.Split(text).Select(s => Decoration().Replace(s, "")).Where(s => s.Any(char.IsLetterOrDigit))
            .SelectMany(s => s.Length > maxChars ? Items(s) : [s]);

    /// <summary>
    /// An overlong sentence split before each command-line option that starts an item ("-n, --no-clobber do not
    /// overwrite"): a word starting with "-" and a letter, not following a comma (then it is the same option's other
    /// name, "-n, --no-clobber") nor an option, nor inside parentheses ("(overrides a previous -i option)"). Items shorter
    /// than four words join the next one.
    /// </summary>
    public static List<string> Items(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<string>();
        var current = new List<string>();
        var depth = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var startsOption = words[i].Length > 1 && words[i][0] == '-' && (char.IsLetter(words[i][1]) || words[i][1] == '-' && words[i].Length > 2 && char.IsLetter(words[i][2]));
            var previousJoins = i > 0 && (words[i - 1].EndsWith(',') || words[i - 1].StartsWith('-'));
            if (startsOption && !previousJoins && depth == 0 && current.Count >= 4)
            {
                items.Add(string.Join(' ', current));
                current.Clear();
            }
            current.Add(words[i]);
            depth = Math.Max(0, depth + words[i].Count(c => c == '(') - words[i].Count(c => c == ')'));
        }
        if (current.Count > 0)
        {
            items.Add(string.Join(' ', current));
        }
        return items;
    }

    private static string TrimCitations(string sentence) =>
        System.Text.RegularExpressions.Regex.Replace(sentence, @"\s*\[\d+\]", "").Trim();
}
