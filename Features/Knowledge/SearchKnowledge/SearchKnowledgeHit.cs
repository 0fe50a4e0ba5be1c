namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <param name="Score">The score the results are ordered by: RRF in hybrid mode, cosine similarity in vector mode, BM25 in keyword mode.</param>
/// <param name="Vector">Null when the vector signal did not return this chunk.</param>
/// <param name="Keyword">Null when the keyword signal did not return this chunk.</param>
public sealed record SearchKnowledgeHit(
    Guid ChunkId,
    Guid DocumentId,
    string DocumentTitle,
    Guid KnowledgeBaseId,
    IReadOnlyList<string> HeadingPath,
    int? Page,
    string Text,
    int Rank,
    double Score,
    SearchKnowledgeSignal? Vector,
    SearchKnowledgeSignal? Keyword);
