using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Identity.Common;

/// <summary>Who did what to whom, when, from where. Written in the same transaction as the change it records.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Action { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? UserId { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static AuditEntry Create(string action, Guid tenantId, Guid? actorId, Guid? userId, RequestOrigin origin, DateTimeOffset at,
        string? detail = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        TenantId = tenantId,
        Action = action,
        ActorId = actorId,
        UserId = userId,
        Ip = origin.Ip,
        UserAgent = origin.UserAgent,
        Detail = detail,
        CreatedAt = at,
    };
}
