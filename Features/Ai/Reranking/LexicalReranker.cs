using VoiceHelper.Ai.Text;


namespace VoiceHelper.Ai.Reranking;

/// <summary>
/// The embedded default: a cross-passage lexical scorer that needs no model. Retrieval ranks chunks by fused
/// scores over the whole corpus; this looks only at the candidates and the question together and rewards what a
/// reader notices: how much of the question one sentence covers (the answer usually sits in one sentence), BM25
/// over the candidates, and question word pairs that appear side by side. The bench measures it against no reranking.
/// </summary>
public sealed class LexicalReranker : IReranker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public string Name => "lexical";

    public Task<IReadOnlyList<RerankResult>> RerankAsync(string query, IReadOnlyList<string> documents, int topN,
        CancellationToken cancellationToken) =>
        Task.FromResult(Rank(query, documents, topN));

    public static IReadOnlyList<RerankResult> Rank(string query, IReadOnlyList<string> documents, int topN)
    {
        var queryTerms = TextTokenizer.Tokenize(query).Distinct().ToList();
        if (queryTerms.Count == 0 || documents.Count == 0)
        {
            return documents.Select((_, i) => new RerankResult(i, 0)).Take(topN).ToList();
        }
        var tokenized = documents.Select(TextTokenizer.Tokenize).ToList();
        var averageLength = Math.Max(1, tokenized.Average(t => t.Count));
        var documentFrequency = queryTerms.ToDictionary(t => t, t => tokenized.Count(d => d.Contains(t)));
        var pairs = queryTerms.Zip(queryTerms.Skip(1), (a, b) => (a, b)).ToList();
        var scores = new List<RerankResult>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var terms = tokenized[i];
            var frequency = terms.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            double bm25 = 0;
            foreach (var term in queryTerms)
            {
                if (!frequency.TryGetValue(term, out var tf))
                {
                    continue;
                }
                var df = documentFrequency[term];
                var idf = Bm25.Idf(documents.Count, df);
                bm25 += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * terms.Count / averageLength));
            }
            var bestSentence = Sentences.Split(documents[i])
                .Select(s => TextTokenizer.TermSet(s))
                .Select(s => queryTerms.Count(s.Contains) / (double)queryTerms.Count)
                .DefaultIfEmpty(0)
                .Max();
            var adjacentPairs = pairs.Count == 0 ? 0 : pairs.Count(p => ContainsPair(terms, p.a, p.b)) / (double)pairs.Count;
            // BM25 is unbounded; squash it so that no single signal dominates.
            var score = 0.5 * bestSentence + 0.3 * (bm25 / (bm25 + 3)) + 0.2 * adjacentPairs;
            scores.Add(new RerankResult(i, score));
        }
        // Ties keep retrieval's order.
        return scores.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(topN).ToList();
    }

    private static bool ContainsPair(List<string> terms, string first, string second)
    {
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if (terms[i] == first && terms[i + 1] == second)
            {
                return true;
            }
        }
        return false;
    }
}
