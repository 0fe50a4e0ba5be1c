using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.ChangeRole;

/// <summary>
/// The new role is in the next access token (at the latest after a refresh, which reads the current role);
/// tokens already issued keep their role until they expire.
/// </summary>
public sealed class ChangeRoleHandler(IdentityDbContext db, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<ChangeRoleRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(ChangeRoleRequest request, CancellationToken cancellationToken)
    {
        var target = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (target is null)
        {
            return IdentityErrors.UserNotFound;
        }
        var otherActiveOwners = await db.Users.CountAsync(
            u => u.Role == Roles.Owner && u.DisabledAt == null && u.Id != target.Id, cancellationToken);

        if (ChangeRoleDecision.Decide(target, request.Role, caller.Roles, otherActiveOwners) is { } error)
        {
            return error;
        }

        if (target.Role != request.Role)
        {
            var now = clock.GetUtcNow();
            db.AuditLog.Add(AuditEntry.Create(AuditActions.RoleChanged, target.TenantId, caller.UserId, target.Id, request.Origin, now,
                detail: $"{target.Role} -> {request.Role}"));
            target.Role = request.Role;
            await db.SaveChangesAsync(cancellationToken);
        }
        return UserResponse.From(target);
    }
}
