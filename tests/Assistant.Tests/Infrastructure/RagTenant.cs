namespace VoiceHelper.Assistant.Tests.Infrastructure;

public sealed record RagTenant(Guid TenantId, Guid UserId, string Token, HttpClient Knowledge, HttpClient Assistant);
