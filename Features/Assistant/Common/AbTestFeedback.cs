using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>A user's rating (<c>up</c>/<c>down</c>) of an answer given under a test, attributed to the user's variant.</summary>
public sealed class AbTestFeedback : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TestId { get; set; }
    public Guid MessageId { get; set; }
    public Guid UserId { get; set; }
    public string Variant { get; set; } = "";
    public string Rating { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
