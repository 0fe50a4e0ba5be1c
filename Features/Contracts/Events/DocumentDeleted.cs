namespace VoiceHelper.Contracts.Events;

/// <summary>A document, or with no <see cref="DocumentId"/> a whole knowledge base, was deleted: its answers are gone.</summary>
public sealed record DocumentDeleted(
    Guid TenantId,
    Guid? UserId,
    Guid KnowledgeBaseId,
    Guid? DocumentId,
    DateTimeOffset DeletedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.DocumentDeleted;
}
