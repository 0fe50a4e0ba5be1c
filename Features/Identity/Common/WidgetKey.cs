using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// A tenant's publishable widget key (<c>vhw_...</c>): it sits in a public page, so it is no secret; it is exchanged for
/// a short visitor token only from one of <see cref="AllowedOrigins"/>, and its visitors are rate limited.
/// </summary>
public sealed class WidgetKey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string Key { get; set; }
    public required string[] AllowedOrigins { get; set; }

    /// <summary>The knowledge bases the key's visitors may ask (carried in their tokens).</summary>
    public required Guid[] KnowledgeBaseIds { get; set; }
    public int KeyPermitsPerMinute { get; set; }
    public int VisitorPermitsPerMinute { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}
