namespace VoiceHelper.Conversations.TruncateMessage;

/// <param name="SpokenText">The beginning of the answer that was actually played to the caller (may be empty).</param>
public sealed record TruncateMessageBody(string? SpokenText);
