using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Logout;

/// <summary>Ends the session: this access token now, then the refresh family it came with (and that family's other live access tokens).</summary>
public sealed class LogoutHandler(IdentityDbContext db, TokenRevocation revocation, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<LogoutRequest, Result>
{
    public async Task<Result> Handle(LogoutRequest request, CancellationToken cancellationToken)
    {
        var familyId = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.AccessTokenId == request.TokenId)
            .Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();

        await revocation.RevokeAccessTokensAsync([(request.TokenId, request.ExpiresAt)]);
        if (familyId is { } family)
        {
            await RefreshTokenFamily.RevokeAsync(db, revocation, family, now, cancellationToken);
        }
        db.AuditLog.Add(AuditEntry.Create(AuditActions.LoggedOut, db.CurrentTenantId, caller.UserId, caller.UserId, request.Origin, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
