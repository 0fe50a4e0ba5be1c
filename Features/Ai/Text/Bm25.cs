namespace VoiceHelper.Ai.Text;

/// <summary>Okapi BM25's term weight, shared by keyword search, the lexical embedder and the reranker.</summary>
public static class Bm25
{
    /// <summary>ln(1 + (N - df + 0.5) / (df + 0.5)): never negative, so a term in most documents still counts a little.</summary>
    public static double Idf(double documents, double documentFrequency) =>
        Math.Log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
