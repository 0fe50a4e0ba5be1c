namespace VoiceHelper.Ai.Reranking;

/// <summary>Orders candidate passages by relevance to a query, best first.</summary>
public interface IReranker
{
    string Name { get; }

    Task<IReadOnlyList<RerankResult>> RerankAsync(string query, IReadOnlyList<string> documents, int topN,
        CancellationToken cancellationToken);
}
