using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Console.Common.Api;

/// <summary>A stored turn; <see cref="Sources"/> are the assistant's citations (null for the user's turn).</summary>
public sealed record MessageItem(Guid Id, Guid ConversationId, long Sequence, string Role, string Content, string Status,
    IReadOnlyList<RagSource>? Sources, string? Model, int TokensUsed, int? LatencyMs, bool CacheHit, DateTimeOffset CreatedAt,
    string Modality = "text");
