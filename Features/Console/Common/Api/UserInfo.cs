namespace VoiceHelper.Console.Common.Api;

public sealed record UserInfo(Guid Id, Guid TenantId, string Email, string Username, string Role, bool Disabled = false,
    DateTimeOffset? CreatedAt = null, DateTimeOffset? LastLoginAt = null);
