namespace VoiceHelper.Conversations.SendMessage;

/// <param name="Channel"><c>text</c> (default) or <c>voice</c>, for statistics and the event.</param>
public sealed record SendMessageBody(string? Content, string? Channel = null);
