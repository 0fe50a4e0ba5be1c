namespace VoiceHelper.Ai.Chat;

/// <summary>
/// The decision of the embedded answerer, as a pure function: which source sentences answer the question, or none.
/// A sentence's support is the weighted share of the question's content terms it contains (its source's title
/// counting half), so "I don't know" comes out when no sentence covers enough of the question.
/// </summary>
public static class ExtractiveAnswer
{
    public static string Compose(ParsedGroundedPrompt prompt, ExtractiveOptions options)
    {
        var chinese = TextTerms.IsMostlyChinese(prompt.Question);
        var picked = Select(prompt, options);
        if (picked.Count == 0)
        {
            return GroundedPrompt.DontKnow(chinese);
        }
        var separator = chinese ? "" : " ";
        return string.Join(separator, picked.Select(p => Cite(TrimCitations(p.Sentence), p.Source)));
    }

    public static IReadOnlyList<(string Sentence, int Source, double Support)> Select(ParsedGroundedPrompt prompt, ExtractiveOptions options)
    {
        var question = TextTerms.TermSet(prompt.Question);
        var total = question.Sum(Weight);
        if (total <= 0 || prompt.Sources.Count == 0)
        {
            return [];
        }
        var chinese = TextTerms.IsMostlyChinese(prompt.Question);
        var candidates = new List<(string Sentence, int Source, double Support, int Order)>();
        var order = 0;
        foreach (var source in prompt.Sources)
        {
            var title = TextTerms.TermSet(source.Title);
            foreach (var sentence in Sentences.Split(source.Text))
            {
                var terms = TextTerms.TermSet(sentence);
                var covered = question.Sum(t => terms.Contains(t) ? Weight(t) : title.Contains(t) ? Weight(t) / 2 : 0);
                var support = covered / total;
                // Prefer a sentence in the question's language when two support it equally.
                if (TextTerms.IsMostlyChinese(sentence) != chinese)
                {
                    support *= 0.9;
                }
                candidates.Add((sentence, source.Number, support, order++));
            }
        }
        var minimum = prompt.Strict ? options.StrictMinSupport : options.MinSupport;
        var ranked = candidates.OrderByDescending(c => c.Support).ThenBy(c => c.Order).ToList();
        if (ranked.Count == 0 || ranked[0].Support < minimum)
        {
            return [];
        }
        var floor = Math.Max(minimum, ranked[0].Support * 0.8);
        // Beyond the best sentence, a sentence joins only from the same source or when it covers a question term the
        // answer does not yet: repeating the same fact from other chunks adds citations, not information.
        var picked = new List<(string Sentence, int Source, double Support, int Order)> { ranked[0] };
        var answered = TextTerms.TermSet(ranked[0].Sentence);
        foreach (var candidate in ranked.Skip(1).Where(c => c.Support >= floor))
        {
            if (picked.Count >= options.MaxSentences)
            {
                break;
            }
            var terms = TextTerms.TermSet(candidate.Sentence);
            var addsTerm = question.Any(t => terms.Contains(t) && !answered.Contains(t));
            if (picked.All(p => p.Sentence != candidate.Sentence) && (candidate.Source == ranked[0].Source || addsTerm))
            {
                picked.Add(candidate);
                answered.UnionWith(terms);
            }
        }
        return picked.OrderBy(c => c.Order).Select(c => (c.Sentence, c.Source, c.Support)).ToList();
    }

    /// <summary>The citation goes before the final punctuation, so that it cannot be read as the next sentence's.</summary>
    private static string Cite(string sentence, int source)
    {
        var end = sentence.Length;
        while (end > 0 && sentence[end - 1] is '.' or '!' or '?' or '。' or '！' or '？' or '；' or ';' or ':' or '：')
        {
            end--;
        }
        var punctuation = end < sentence.Length ? sentence[end..] : TextTerms.IsMostlyChinese(sentence) ? "。" : ".";
        return $"{sentence[..end]} [{source}]{punctuation}";
    }

    // Chinese unigrams are weak evidence on their own; bigrams carry the meaning.
    private static double Weight(string term) => term.Length == 1 && TextTerms.IsCjk(term[0]) ? 0.3 : 1.0;

    private static string TrimCitations(string sentence) =>
        System.Text.RegularExpressions.Regex.Replace(sentence, @"\s*\[\d+\]", "").Trim();
}
