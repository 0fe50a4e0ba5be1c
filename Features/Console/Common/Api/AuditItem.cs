namespace VoiceHelper.Console.Common.Api;

public sealed record AuditItem(Guid Id, string Action, Guid? ActorId, Guid? UserId, string? Ip, string? Detail, DateTimeOffset CreatedAt);
