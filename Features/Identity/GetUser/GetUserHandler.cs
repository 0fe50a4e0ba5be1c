using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.GetUser;

/// <summary>Another tenant's user is filtered out by the tenant query filter, so it answers 404 like a user that never existed.</summary>
public sealed class GetUserHandler(IdentityDbContext db) : IRequestHandler<GetUserRequest, Result<UserResponse>>
{
    public async Task<Result<UserResponse>> Handle(GetUserRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.UserId)
            .Select(UserResponse.Projection)
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : user;
    }
}
