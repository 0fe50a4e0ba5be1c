using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Conversations.Common;

public sealed class Message : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ConversationId { get; set; }
    public long Sequence { get; set; }
    public required string Role { get; set; }
    public required string Content { get; set; }
    public required string Status { get; set; }

    /// <summary><c>text</c> or <c>voice</c>: how the turn was said (a voice question is its transcript).</summary>
    public string Modality { get; set; } = "text";

    /// <summary>The Assistant's sources as it sent them (JSON array), kept opaque: citations are its contract.</summary>
    public string? Sources { get; set; }
    public string? Model { get; set; }
    public int TokensUsed { get; set; }
    public int? LatencyMs { get; set; }
    public bool CacheHit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
