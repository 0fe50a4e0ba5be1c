using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.DisableUser;

/// <summary>
/// Idempotent: disabling again rewrites the Redis marker, so a retry after a Redis failure completes the job.
/// The marker stops every live access token in every service; login and refresh check the database.
/// </summary>
public sealed class DisableUserHandler(IdentityDbContext db, TokenRevocation revocation, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<DisableUserRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(DisableUserRequest request, CancellationToken cancellationToken)
    {
        var target = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (target is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (DisableUserDecision.Decide(target, caller.UserId, caller.Roles) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        if (target.DisabledAt is null)
        {
            target.DisabledAt = now;
            db.AuditLog.Add(AuditEntry.Create(AuditActions.UserDisabled, target.TenantId, caller.UserId, target.Id, request.Origin, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        await revocation.DisableUserAsync(target.Id);
        await RefreshTokenFamily.RevokeAllOfUserAsync(db, revocation, target.Id, now, cancellationToken);
        return UserResponse.From(target);
    }
}
