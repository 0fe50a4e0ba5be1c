using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Knowledge.Common;

/// <summary>A tenant's collection of documents, with the chunking and embedding settings its index was built with.</summary>
public sealed class KnowledgeBase : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int ChunkSize { get; set; }
    public int ChunkOverlap { get; set; }
    public string? Language { get; set; }
    public required string EmbeddingProvider { get; set; }
    public required string EmbeddingModel { get; set; }
    public int EmbeddingDimension { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
