namespace VoiceHelper.Retrieval.Bench;

/// <summary>Document-level relevance: one relevant document per question, ranked by its first chunk in the results.</summary>
public static class RetrievalMetrics
{
    /// <param name="ranks">1-based rank of the relevant document per question, or null when it was not in the top 10.</param>
    public static (double R1, double R5, double R10, double Mrr, double Ndcg10) Compute(IReadOnlyList<int?> ranks)
    {
        double Recall(int k) => ranks.Count(r => r <= k) / (double)ranks.Count;
        var mrr = ranks.Sum(r => r is { } rank ? 1.0 / rank : 0) / ranks.Count;
        // Binary relevance with one relevant document: ideal DCG is 1, so nDCG@10 = 1 / log2(rank + 1).
        var ndcg = ranks.Sum(r => r is { } rank && rank <= 10 ? 1.0 / Math.Log2(rank + 1) : 0) / ranks.Count;
        return (Recall(1), Recall(5), Recall(10), mrr, ndcg);
    }
}
