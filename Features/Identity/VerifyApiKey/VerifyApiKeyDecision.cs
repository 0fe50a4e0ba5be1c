using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.VerifyApiKey;

public static class VerifyApiKeyDecision
{
    /// <summary>How stale <c>last_used_at</c> may get: one write per key per minute, not one per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <returns>The error to answer, or null when the key is live.</returns>
    public static Error? Decide(ApiKey? key) =>
        key is null ? IdentityErrors.InvalidApiKey
        : key.RevokedAt is not null ? IdentityErrors.ApiKeyRevoked
        : null;

    public static bool ShouldRecordUse(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is null || now - lastUsedAt >= LastUsedResolution;
}
