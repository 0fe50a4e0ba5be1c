namespace VoiceHelper.Conversations.SubmitFeedback;

public sealed record SubmitFeedbackResponse(Guid MessageId, string Rating, string? Comment, DateTimeOffset CreatedAt);
