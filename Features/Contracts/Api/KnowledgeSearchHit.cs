namespace VoiceHelper.Contracts.Api;

/// <summary>One ranked chunk.</summary>
/// <param name="Position">The chunk's 0-based place in its document (chunks are numbered in reading order).</param>
/// <param name="Score">The score the results are ordered by: RRF in hybrid mode, cosine similarity in vector mode, BM25 in keyword mode.</param>
/// <param name="Vector">Null when the vector signal did not return this chunk.</param>
/// <param name="Keyword">Null when the keyword signal did not return this chunk.</param>
public sealed record KnowledgeSearchHit(
    Guid ChunkId,
    Guid DocumentId,
    string DocumentTitle,
    Guid KnowledgeBaseId,
    IReadOnlyList<string> HeadingPath,
    int? Page,
    int Position,
    string Text,
    int Rank,
    double Score,
    KnowledgeSearchSignal? Vector,
    KnowledgeSearchSignal? Keyword);
