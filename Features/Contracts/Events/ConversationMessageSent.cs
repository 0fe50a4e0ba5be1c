namespace VoiceHelper.Contracts.Events;

/// <summary>
/// A message was added to a conversation. The content stays in Conversations (it may hold personal data);
/// consumers that need it ask for it by id. For an assistant message the answer's cost travels with it
/// (latency from the user's message to the stored answer, tokens, cache hit, model, whether it was interrupted),
/// so that statistics are built from events rather than by scanning messages.
/// </summary>
public sealed record ConversationMessageSent(
    Guid TenantId,
    Guid? UserId,
    Guid ConversationId,
    Guid MessageId,
    string Role,
    string Channel,
    int ContentLength,
    DateTimeOffset SentAt,
    int? LatencyMs = null,
    int TokensUsed = 0,
    bool CacheHit = false,
    string? Model = null,
    bool Interrupted = false) : IIntegrationEvent
{
    public static string Topic => EventTopics.ConversationMessageSent;
}
