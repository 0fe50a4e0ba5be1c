namespace VoiceHelper.Identity.ListAuditLog;

public sealed record ListAuditLogItem(
    Guid Id, string Action, Guid? ActorId, Guid? UserId, string? Ip, string? UserAgent, string? Detail, DateTimeOffset CreatedAt);
