using System.Text.Json;

namespace VoiceHelper.Conversations.Common;

/// <summary>A message as clients see it; <see cref="Sources"/> are the Assistant's citations, passed through unchanged.</summary>
public sealed record MessageResponse(
    Guid Id, Guid ConversationId, long Sequence, string Role, string Content, string Status, JsonElement? Sources,
    string? Model, int TokensUsed, int? LatencyMs, bool CacheHit, DateTimeOffset CreatedAt, string Modality = "text")
{
    public static MessageResponse From(Message m) => new(
        m.Id, m.ConversationId, m.Sequence, m.Role, m.Content, m.Status,
        m.Sources is null ? null : JsonDocument.Parse(m.Sources).RootElement.Clone(),
        m.Model, m.TokensUsed, m.LatencyMs, m.CacheHit, m.CreatedAt, m.Modality);
}
