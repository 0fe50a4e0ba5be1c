namespace VoiceHelper.Conversations.CreateConversation;

/// <summary>Optional answer and context settings; anything left out takes the service default.</summary>
public sealed record CreateConversationSettings(
    int? TopK = null, bool? UseCache = null, bool? UseRerank = null, bool? UseSelfRag = null,
    int? ContextMaxTurns = null, int? ContextMaxTokens = null);
