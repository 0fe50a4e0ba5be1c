using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Conversations.Common;

/// <summary>One user's thumbs up or down on one assistant message; a second vote replaces the first.</summary>
public sealed class MessageFeedback : ITenantOwned
{
    public Guid MessageId { get; set; }
    public Guid UserId { get; set; }
    public Guid TenantId { get; set; }
    public required string Rating { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
