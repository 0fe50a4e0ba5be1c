using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Conversations.Common;

public sealed class Conversation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public Guid[] KbIds { get; set; } = [];
    public int? TopK { get; set; }
    public bool UseCache { get; set; } = true;
    public bool UseRerank { get; set; } = true;
    public bool UseSelfRag { get; set; }
    public int ContextMaxTurns { get; set; }
    public int ContextMaxTokens { get; set; }
    public long LastSequence { get; set; }
    public long ContextVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}
