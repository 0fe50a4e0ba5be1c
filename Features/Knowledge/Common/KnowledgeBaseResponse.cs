namespace VoiceHelper.Knowledge.Common;

public sealed record KnowledgeBaseResponse(
    Guid Id,
    string Name,
    string? Description,
    int ChunkSize,
    int ChunkOverlap,
    string? Language,
    string EmbeddingProvider,
    string EmbeddingModel,
    int EmbeddingDimension,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    KnowledgeBaseEmbeddingStatus? Embedding = null)
{
    public static KnowledgeBaseResponse From(KnowledgeBase kb, KnowledgeBaseEmbeddingStatus? embedding = null) => new(kb.Id, kb.Name, kb.Description,
        kb.ChunkSize, kb.ChunkOverlap, kb.Language, kb.EmbeddingProvider, kb.EmbeddingModel, kb.EmbeddingDimension, kb.CreatedAt, kb.UpdatedAt, embedding);
}
