namespace VoiceHelper.Contracts.Events;

/// <summary>One caller turn of a voice session ended (answered, or cut short by barge-in).</summary>
public sealed record VoiceTurnCompleted(
    Guid TenantId,
    Guid? UserId,
    Guid ConversationId,
    Guid SessionId,
    Guid TurnId,
    int CallerAudioMs,
    int AssistantAudioMs,
    int FirstAudioLatencyMs,
    bool Interrupted,
    DateTimeOffset CompletedAt) : IIntegrationEvent
{
    public static string Topic => EventTopics.VoiceTurnCompleted;
}
