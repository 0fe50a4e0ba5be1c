namespace VoiceHelper.Conversations.GetConversationStats;

/// <summary>One vote as the summary needs it.</summary>
public sealed record GetConversationStatsFeedback(DateOnly Day, string Rating);
