using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Identity.Common;

public sealed class UserAccount : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Normalised (see <see cref="EmailAddress"/>); unique across tenants because login names only an email.</summary>
    public required string Email { get; set; }
    public required string Username { get; set; }
    public required string NormalizedUsername { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
