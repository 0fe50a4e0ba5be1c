using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Refresh;

public sealed class RefreshHandler(IdentityDbContext db, TokenIssuer issuer, TokenRevocation revocation, IOptions<TokenOptions> options, TimeProvider clock)
    : IRequestHandler<RefreshRequest, Result<TokenResponse>>
{
    public async Task<Result<TokenResponse>> Handle(RefreshRequest request, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenValue.Hash(request.RefreshToken);
        var (token, successor, user) = await LoadAsync(hash, cancellationToken);
        var now = clock.GetUtcNow();
        var grace = options.Value.RefreshReuseGrace;

        var verdict = RefreshDecision.Decide(token, successor, user, now, grace);

        if (verdict == RefreshVerdict.Rotate)
        {
            var (response, row) = await issuer.IssuePairAsync(user!, token!.FamilyId, cancellationToken);
            var sealedPair = RefreshTokenSuccessor.Seal(request.RefreshToken, response.AccessToken, response.RefreshToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claim the token atomically: of two concurrent exchanges only one wins.
            var claimed = await db.RefreshTokens.IgnoreQueryFilters()
                .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.UsedAt, now)
                    .SetProperty(t => t.SuccessorId, row.Id)
                    .SetProperty(t => t.Successor, sealedPair), cancellationToken);
            if (claimed == 1)
            {
                db.RefreshTokens.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            await transaction.RollbackAsync(cancellationToken);
            // The other exchange has committed (its claim held the row until then): its successor, if the grace allows.
            (token, successor, user) = await LoadAsync(hash, cancellationToken);
            verdict = RefreshDecision.Decide(token, successor, user, now, grace) == RefreshVerdict.Repeat ? RefreshVerdict.Repeat : RefreshVerdict.Reused;
        }

        if (verdict == RefreshVerdict.Repeat && RefreshTokenSuccessor.Open(request.RefreshToken, token!.Successor!) is { } pair)
        {
            var expiresIn = (int)Math.Max(0, (successor!.AccessTokenExpiresAt - now).TotalSeconds);
            return new TokenResponse(pair.AccessToken, pair.RefreshToken, expiresIn, "Bearer", UserResponse.From(user!));
        }

        if (verdict is RefreshVerdict.Reused or RefreshVerdict.Repeat)
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

    private async Task<(RefreshToken? Token, RefreshToken? Successor, UserAccount? User)> LoadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var token = await db.RefreshTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return (null, null, null);
        }
        var successor = token.SuccessorId is { } next
            ? await db.RefreshTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == next, cancellationToken)
            : null;
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        return (token, successor, user);
    }
}
