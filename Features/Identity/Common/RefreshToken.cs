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

    /// <summary>The token this one was exchanged for, once used.</summary>
    public Guid? SuccessorId { get; set; }

    /// <summary>
    /// The pair this one was exchanged for, sealed with a key only the holder of this token can derive
    /// (<see cref="RefreshTokenSuccessor"/>): what a repeat within the reuse grace answers again.
    /// </summary>
    public byte[]? Successor { get; set; }
}
