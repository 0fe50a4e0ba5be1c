using System.Text.Json;

namespace VoiceHelper.Knowledge.Common;

/// <summary>A document with its ingestion state; <see cref="ErrorCode"/> is one of the stable codes in the API docs.</summary>
public sealed record DocumentResponse(
    Guid Id,
    Guid KnowledgeBaseId,
    string Title,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    JsonElement Metadata,
    string Status,
    int Progress,
    int ChunkCount,
    string? ErrorCode,
    string? Error,
    Guid? ReplacesDocumentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? IndexedAt)
{
    public static DocumentResponse From(Document d) => new(d.Id, d.KnowledgeBaseId, d.Title, d.FileName, d.ContentType, d.SizeBytes,
        d.Sha256, JsonDocument.Parse(d.Metadata).RootElement.Clone(), d.Status, d.Progress, d.ChunkCount, d.ErrorCode, d.ErrorMessage,
        d.ReplacesDocumentId, d.CreatedAt, d.UpdatedAt, d.IndexedAt);
}
