namespace VoiceHelper.Contracts.Events;

/// <summary>Ingestion finished: the document's chunks are searchable.</summary>
public sealed record DocumentIndexed(
    Guid TenantId,
    Guid? UserId,
    Guid DocumentId,
    Guid KnowledgeBaseId,
    int ChunkCount,
    DateTimeOffset IndexedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.DocumentIndexed;
}
