namespace VoiceHelper.Contracts.Events;

/// <summary>Ingestion gave up on a document; <see cref="Error"/> is safe to show to the tenant.</summary>
public sealed record DocumentFailed(
    Guid TenantId,
    Guid? UserId,
    Guid DocumentId,
    Guid KnowledgeBaseId,
    string ErrorCode,
    string Error,
    DateTimeOffset FailedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.DocumentFailed;
}
