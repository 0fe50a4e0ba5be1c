namespace VoiceHelper.Contracts.Events;

/// <summary>
/// One caller turn of a voice session ended (answered, or cut short by barge-in). The latency breakdown (added for
/// voice calls, null from older producers) splits <see cref="FirstAudioLatencyMs"/>, the end of the caller's speech
/// to the first answer audio sent, into the end-of-turn wait, recognition finalisation, the first answer token and
/// the first synthesized sentence.
/// </summary>
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
    DateTimeOffset CompletedAt,
    Guid? MessageId = null,
    int? EndOfTurnMs = null,
    int? RecognitionMs = null,
    int? FirstTokenMs = null,
    int? SynthesisMs = null) : IIntegrationEvent
{
    public static string Topic => EventTopics.VoiceTurnCompleted;
}
