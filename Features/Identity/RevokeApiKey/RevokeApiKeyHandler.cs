using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.RevokeApiKey;

/// <summary>
/// Idempotent, like disabling a user: revoking again rewrites the Redis marker, so a retry after a Redis failure
/// completes the job. The marker stops the key in every service at once; without it, within their verification cache time.
/// </summary>
public sealed class RevokeApiKeyHandler(IdentityDbContext db, TokenRevocation revocation, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<RevokeApiKeyRequest, Result>
{
    public async Task<Result> Handle(RevokeApiKeyRequest request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == request.KeyId, cancellationToken);
        if (key is null)
        {
            return IdentityErrors.ApiKeyNotFound;
        }

        var now = clock.GetUtcNow();
        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            key.RevokedBy = caller.UserId;
            db.AuditLog.Add(AuditEntry.Create(AuditActions.ApiKeyRevoked, key.TenantId, caller.UserId, null, request.Origin, now,
                detail: $"key {key.Id} ({key.Prefix})"));
            await db.SaveChangesAsync(cancellationToken);
        }
        await revocation.RevokeApiKeyAsync(key.Id);
        return Result.Success;
    }
}
