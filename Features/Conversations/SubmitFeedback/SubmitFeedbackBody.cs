namespace VoiceHelper.Conversations.SubmitFeedback;

/// <param name="Rating"><c>up</c> or <c>down</c>.</param>
public sealed record SubmitFeedbackBody(string? Rating, string? Comment = null);
