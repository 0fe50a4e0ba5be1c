namespace VoiceHelper.Contracts.Events;

/// <summary>
/// A message was added to a conversation. The content stays in Conversations (it may hold personal data);
/// consumers that need it ask for it by id.
/// </summary>
public sealed record ConversationMessageSent(
    Guid TenantId,
    Guid? UserId,
    Guid ConversationId,
    Guid MessageId,
    string Role,
    string Channel,
    int ContentLength,
    DateTimeOffset SentAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.ConversationMessageSent;
}
