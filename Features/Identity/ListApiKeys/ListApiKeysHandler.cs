using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListApiKeys;

public sealed class ListApiKeysHandler(IdentityDbContext db) : IRequestHandler<ListApiKeysRequest, Result<PageResponse<ApiKeyResponse>>>
{
    public async Task<Result<PageResponse<ApiKeyResponse>>> Handle(ListApiKeysRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.ApiKeys.AsNoTracking()
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .Select(ApiKeyResponse.Projection)
            .ToListAsync(cancellationToken);
        return PageResponse<ApiKeyResponse>.FromOverfetched(rows, request.Page, request.PageSize);
    }
}
