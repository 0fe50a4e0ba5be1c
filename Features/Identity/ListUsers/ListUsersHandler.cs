using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListUsers;

public sealed class ListUsersHandler(IdentityDbContext db) : IRequestHandler<ListUsersRequest, Result<PageResponse<UserResponse>>>
{
    public async Task<Result<PageResponse<UserResponse>>> Handle(ListUsersRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .Select(UserResponse.Projection)
            .ToListAsync(cancellationToken);
        return PageResponse<UserResponse>.FromOverfetched(rows, request.Page, request.PageSize);
    }
}
