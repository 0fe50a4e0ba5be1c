using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Identity.Common;

/// <summary>A tenant's API key. The secret itself is never stored: <see cref="SecretHash"/> is its SHA-256, <see cref="Prefix"/> its first characters.</summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public required string[] Scopes { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}
