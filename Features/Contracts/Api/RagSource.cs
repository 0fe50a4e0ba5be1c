namespace VoiceHelper.Contracts.Api;

/// <summary>A source the answer may cite as <c>[Index]</c>, pointing at the exact chunk.</summary>
/// <param name="Position">The chunk's 0-based place in its document.</param>
/// <param name="Snippet">The part of the chunk the model was given.</param>
public sealed record RagSource(
    int Index,
    Guid DocumentId,
    Guid ChunkId,
    Guid KnowledgeBaseId,
    string Title,
    string? HeadingPath,
    int? Page,
    int Position,
    double Score,
    string Snippet,
    bool Cited);
