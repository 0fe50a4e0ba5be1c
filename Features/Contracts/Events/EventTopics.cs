namespace VoiceHelper.Contracts.Events;

/// <summary>Topic names on the bus; a Kafka transport uses them unchanged as Kafka topic names.</summary>
public static class EventTopics
{
    public const string DocumentUploaded = "document.uploaded";
    public const string DocumentIndexed = "document.indexed";
    public const string DocumentFailed = "document.failed";
    public const string DocumentDeleted = "document.deleted";
    public const string ConversationMessageSent = "conversation.message_sent";
    public const string ConversationFeedbackSubmitted = "conversation.feedback_submitted";
    public const string VoiceTurnCompleted = "voice.turn_completed";
    public const string UsageRecorded = "usage.recorded";
}
