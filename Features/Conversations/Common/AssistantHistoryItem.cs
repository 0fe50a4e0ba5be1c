namespace VoiceHelper.Conversations.Common;

/// <summary>One earlier message sent to the Assistant as context.</summary>
public sealed record AssistantHistoryItem(string Role, string Content)
{
    /// <summary>The role of the first item when the conversation has a summary of the turns before the window.</summary>
    public const string SummaryRole = "summary";
}
