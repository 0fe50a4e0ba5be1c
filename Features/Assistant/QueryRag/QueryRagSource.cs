namespace VoiceHelper.Assistant.QueryRag;

/// <summary>A source the answer may cite as <c>[Index]</c>, pointing at the exact chunk.</summary>
public sealed record QueryRagSource(
    int Index,
    Guid DocumentId,
    Guid ChunkId,
    Guid? KnowledgeBaseId,
    string Title,
    string? HeadingPath,
    int? Page,
    int? Position,
    double Score,
    string Snippet,
    bool Cited);
