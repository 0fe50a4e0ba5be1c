using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>Reciprocal Rank Fusion: score = Σ weight / (k + rank). Ranks, not raw scores, so cosine and BM25 need no calibration.</summary>
public static class SearchKnowledgeFusion
{
    /// <param name="vector">Chunk ids with cosine similarity, best first.</param>
    /// <param name="keyword">Chunk ids with BM25 score, best first.</param>
    public static IReadOnlyList<SearchKnowledgeFused> Fuse(IReadOnlyList<(Guid Id, double Score)> vector, IReadOnlyList<(Guid Id, double Score)> keyword,
        int k, double vectorWeight, double keywordWeight, int topK)
    {
        var vectorSignals = Signals(vector);
        var keywordSignals = Signals(keyword);
        return vectorSignals.Keys.Union(keywordSignals.Keys)
            .Select(id =>
            {
                var v = vectorSignals.GetValueOrDefault(id);
                var w = keywordSignals.GetValueOrDefault(id);
                var score = (v is null ? 0 : vectorWeight / (k + v.Rank)) + (w is null ? 0 : keywordWeight / (k + w.Rank));
                return new SearchKnowledgeFused(id, score, v, w);
            })
            .OrderByDescending(f => f.Score)
            .ThenBy(f => Math.Min(f.Vector?.Rank ?? int.MaxValue, f.Keyword?.Rank ?? int.MaxValue))
            .ThenBy(f => f.ChunkId)
            .Take(topK)
            .ToList();
    }

    /// <summary>A single signal ordered by its own score (vector-only or keyword-only modes).</summary>
    public static IReadOnlyList<SearchKnowledgeFused> Ranked(IReadOnlyList<(Guid Id, double Score)> hits, bool isVector, int topK) =>
        hits.Take(topK).Select((h, i) =>
        {
            var signal = new KnowledgeSearchSignal(i + 1, h.Score);
            return new SearchKnowledgeFused(h.Id, h.Score, isVector ? signal : null, isVector ? null : signal);
        }).ToList();

    private static Dictionary<Guid, KnowledgeSearchSignal> Signals(IReadOnlyList<(Guid Id, double Score)> hits)
    {
        var signals = new Dictionary<Guid, KnowledgeSearchSignal>();
        for (var i = 0; i < hits.Count; i++)
        {
            signals.TryAdd(hits[i].Id, new KnowledgeSearchSignal(i + 1, hits[i].Score));
        }
        return signals;
    }
}
