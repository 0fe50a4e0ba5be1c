namespace VoiceHelper.Conversations.Common;

/// <summary>One earlier message sent to the Assistant as context.</summary>
public sealed record AssistantHistoryItem(string Role, string Content);
