using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListWidgetKeys;

public sealed class ListWidgetKeysHandler(IdentityDbContext db) : IRequestHandler<ListWidgetKeysRequest, Result<PageResponse<WidgetKeyResponse>>>
{
    public async Task<Result<PageResponse<WidgetKeyResponse>>> Handle(ListWidgetKeysRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.WidgetKeys.AsNoTracking()
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .Select(WidgetKeyResponse.Projection)
            .ToListAsync(cancellationToken);
        return PageResponse<WidgetKeyResponse>.FromOverfetched(rows, request.Page, request.PageSize);
    }
}
