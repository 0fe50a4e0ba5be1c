using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// One refresh token of a family (a login and all its rotations). Only the SHA-256 of the token is kept. The
/// access token issued with it is remembered so that logout and theft detection can revoke it too.
/// </summary>
public sealed class RefreshToken : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public required string AccessTokenId { get; set; }
    public DateTimeOffset AccessTokenExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
