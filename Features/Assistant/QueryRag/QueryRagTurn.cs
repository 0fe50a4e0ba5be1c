namespace VoiceHelper.Assistant.QueryRag;

/// <summary>One earlier message of the conversation, sent by Conversations with the question.</summary>
public sealed record QueryRagTurn(string Role, string Content);
