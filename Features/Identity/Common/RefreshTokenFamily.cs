using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.Identity.Common;

/// <summary>Ends sessions: marks refresh tokens revoked and blocks the access tokens issued with them that are still alive.</summary>
public static class RefreshTokenFamily
{
    public static Task RevokeAsync(IdentityDbContext db, TokenRevocation revocation, Guid familyId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        RevokeWhereAsync(db.RefreshTokens.IgnoreQueryFilters().Where(t => t.FamilyId == familyId), revocation, now, cancellationToken);

    public static Task RevokeAllOfUserAsync(IdentityDbContext db, TokenRevocation revocation, Guid userId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        RevokeWhereAsync(db.RefreshTokens.Where(t => t.UserId == userId), revocation, now, cancellationToken);

    private static async Task RevokeWhereAsync(IQueryable<RefreshToken> tokens, TokenRevocation revocation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var live = await tokens.Where(t => t.AccessTokenExpiresAt > now)
            .Select(t => new { t.AccessTokenId, t.AccessTokenExpiresAt })
            .ToListAsync(cancellationToken);
        await tokens.Where(t => t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        await revocation.RevokeAccessTokensAsync(live.Select(t => (t.AccessTokenId, t.AccessTokenExpiresAt)));
    }
}
