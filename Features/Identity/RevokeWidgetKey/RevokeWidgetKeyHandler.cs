using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.RevokeWidgetKey;

/// <summary>
/// Idempotent, like revoking an API key: revoking again rewrites the Redis marker. The marker stops the key's visitor
/// tokens in every service at once; no new token is issued for a revoked key.
/// </summary>
public sealed class RevokeWidgetKeyHandler(IdentityDbContext db, TokenRevocation revocation, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<RevokeWidgetKeyRequest, Result>
{
    public async Task<Result> Handle(RevokeWidgetKeyRequest request, CancellationToken cancellationToken)
    {
        var key = await db.WidgetKeys.FirstOrDefaultAsync(k => k.Id == request.KeyId, cancellationToken);
        if (key is null)
        {
            return IdentityErrors.WidgetKeyNotFound;
        }

        var now = clock.GetUtcNow();
        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            key.RevokedBy = caller.UserId;
            db.AuditLog.Add(AuditEntry.Create(AuditActions.WidgetKeyRevoked, key.TenantId, caller.UserId, null, request.Origin, now,
                detail: $"widget key {key.Id}"));
            await db.SaveChangesAsync(cancellationToken);
        }
        await revocation.RevokeWidgetKeyAsync(key.Id);
        return Result.Success;
    }
}
