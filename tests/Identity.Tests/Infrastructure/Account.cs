namespace VoiceHelper.Identity.Tests.Infrastructure;

public sealed record Account(Guid TenantId, Guid UserId, string Email, string Password);
