namespace VoiceHelper.Contracts.Api;

/// <summary>
/// The body of the Assistant's <c>POST /api/v1/rag/query</c>. <paramref name="Stream"/> (or <c>Accept: text/event-stream</c>)
/// answers as server-sent events (<see cref="RagStreamEvents"/>); <paramref name="History"/> is the conversation so far,
/// sent by Conversations, with <paramref name="ConversationId"/> (the conversation the question belongs to, for the
/// caller's own correlation; the answer does not depend on it). <paramref name="RoutingStrategy"/> overrides the
/// tenant's model routing strategy for this question (cheapest, fastest, best_quality, balanced, complexity_aware).
/// </summary>
public sealed record RagQueryRequest(
    string Query,
    IReadOnlyList<Guid>? KbIds,
    int? TopK = null,
    bool UseCache = true,
    bool UseRerank = true,
    bool UseSelfRag = true,
    bool Stream = false,
    IReadOnlyList<RagTurn>? History = null,
    Guid? ConversationId = null,
    string? RoutingStrategy = null)
{
    /// <summary>Whatever window Conversations may send: a conversation configured at its maximum must not be refused.</summary>
    public const int MaxHistoryMessages = ConversationLimits.MaxHistoryMessages;

    public const int MaxQueryLength = 2000;
    public const int DefaultTopK = 5;
}
