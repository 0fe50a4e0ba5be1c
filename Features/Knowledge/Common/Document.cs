using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Knowledge.Common;

/// <summary>An uploaded file and its ingestion state; the original bytes live in <see cref="DocumentContent"/>.</summary>
public sealed class Document : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid KnowledgeBaseId { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public string Metadata { get; set; } = "{}";
    public required string Status { get; set; }
    public int Progress { get; set; }
    public int ChunkCount { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public Guid? ReplacesDocumentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? IndexedAt { get; set; }
}
