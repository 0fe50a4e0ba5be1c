namespace VoiceHelper.Conversations.Common;

/// <summary>How a conversation's questions are answered and how much history goes with each.</summary>
public sealed record ConversationSettings(int? TopK, bool UseCache, bool UseRerank, bool UseSelfRag, int ContextMaxTurns, int ContextMaxTokens);
