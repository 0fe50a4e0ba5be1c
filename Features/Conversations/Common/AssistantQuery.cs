namespace VoiceHelper.Conversations.Common;

/// <summary>The body of the Assistant's <c>POST /api/v1/rag/query</c>, plus the conversation's history.</summary>
public sealed record AssistantQuery(
    string Query,
    IReadOnlyList<Guid> KbIds,
    int? TopK,
    bool UseCache,
    bool UseRerank,
    bool UseSelfRag,
    bool Stream,
    IReadOnlyList<AssistantHistoryItem> History,
    Guid ConversationId);
