namespace VoiceHelper.Conversations.SendMessage;

/// <param name="Channel"><c>text</c> (default) or <c>voice</c>, for statistics and the event.</param>
/// <param name="Modality">The same choice under the name messages carry it; stored on both messages of the turn.</param>
/// <param name="PreparedAnswerId">Stores this answer prepared for the question (POST .../messages/prepare) instead of asking again.</param>
public sealed record SendMessageBody(string? Content, string? Channel = null, string? Modality = null, Guid? PreparedAnswerId = null);
