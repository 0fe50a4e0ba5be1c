using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Refresh;

public sealed class RefreshHandler(IdentityDbContext db, TokenIssuer issuer, TokenRevocation revocation, TimeProvider clock)
    : IRequestHandler<RefreshRequest, Result<TokenResponse>>
{
    public async Task<Result<TokenResponse>> Handle(RefreshRequest request, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenValue.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var user = token is null ? null
            : await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        var now = clock.GetUtcNow();

        var verdict = RefreshDecision.Decide(token, user, now);

        if (verdict == RefreshVerdict.Rotate)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claim the token atomically: of two concurrent exchanges only one wins, the other is a reuse.
            var claimed = await db.RefreshTokens.IgnoreQueryFilters()
                .Where(t => t.Id == token!.Id && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
            if (claimed == 1)
            {
                var (response, row) = await issuer.IssuePairAsync(user!, token!.FamilyId, cancellationToken);
                db.RefreshTokens.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            await transaction.RollbackAsync(cancellationToken);
            verdict = RefreshVerdict.Reused;
        }

        if (verdict == RefreshVerdict.Reused)
        {
            await RefreshTokenFamily.RevokeAsync(db, revocation, token!.FamilyId, now, cancellationToken);
            db.AuditLog.Add(AuditEntry.Create(AuditActions.RefreshTokenReused, token.TenantId, null, token.UserId, request.Origin, now,
                detail: $"family {token.FamilyId}"));
            await db.SaveChangesAsync(cancellationToken);
            return IdentityErrors.RefreshTokenReused;
        }
        return verdict switch
        {
            RefreshVerdict.Expired => IdentityErrors.RefreshTokenExpired,
            _ => IdentityErrors.InvalidRefreshToken,
        };
    }
}
