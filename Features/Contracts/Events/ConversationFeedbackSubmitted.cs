namespace VoiceHelper.Contracts.Events;

/// <summary>
/// A user rated an assistant message (<c>up</c> or <c>down</c>; a second vote replaces the first). <see cref="AnsweredAt"/>
/// is when the rated answer was stored, so that a consumer can find what produced it (the Assistant attributes the
/// rating to the A/B variant that answered in that conversation).
/// </summary>
public sealed record ConversationFeedbackSubmitted(
    Guid TenantId,
    Guid? UserId,
    Guid ConversationId,
    Guid MessageId,
    string Rating,
    DateTimeOffset AnsweredAt,
    DateTimeOffset SubmittedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.ConversationFeedbackSubmitted;
}
