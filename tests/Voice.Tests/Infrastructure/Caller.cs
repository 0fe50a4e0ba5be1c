namespace VoiceHelper.Voice.Tests.Infrastructure;

public sealed record Caller(Guid TenantId, Guid UserId, string Token);
