using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.GetCurrentUser;

public sealed class GetCurrentUserHandler(IdentityDbContext db, ITenantContext caller) : IRequestHandler<GetCurrentUserRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(GetCurrentUserRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == caller.UserId)
            .Select(UserResponse.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : user;
    }
}
