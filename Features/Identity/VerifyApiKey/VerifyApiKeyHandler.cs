using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.VerifyApiKey;

/// <summary>Runs before there is a tenant (the key names it), so it ignores the tenant filter to find the one key whose hash matches.</summary>
public sealed class VerifyApiKeyHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<VerifyApiKeyRequest, Result<ApiKeyVerification>>
{
    public async Task<Result<ApiKeyVerification>> Handle(VerifyApiKeyRequest request, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(request.Key);
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        if (VerifyApiKeyDecision.Decide(key) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        if (VerifyApiKeyDecision.ShouldRecordUse(key!.LastUsedAt, now))
        {
            var stale = now - VerifyApiKeyDecision.LastUsedResolution;
            await db.ApiKeys.IgnoreQueryFilters()
                .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return new ApiKeyVerification(key.Id, key.TenantId, key.Name, key.Scopes);
    }
}
