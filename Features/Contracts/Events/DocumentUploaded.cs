namespace VoiceHelper.Contracts.Events;

/// <summary>A document was stored and waits for ingestion (parse, chunk, embed, index).</summary>
public sealed record DocumentUploaded(
    Guid TenantId,
    Guid? UserId,
    Guid DocumentId,
    Guid KnowledgeBaseId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string StorageKey,
    DateTimeOffset UploadedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.DocumentUploaded;
}
