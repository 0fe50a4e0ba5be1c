using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListAbTests;

public sealed class ListAbTestsHandler(AssistantDbContext db) : IRequestHandler<ListAbTestsRequest, Result<PageResponse<AbTestView>>>
{
    public async Task<Result<PageResponse<AbTestView>>> Handle(ListAbTestsRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.AbTests.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        return PageResponse<AbTestView>.FromOverfetched(rows.Select(AbTestView.From).ToList(), request.Page, request.PageSize);
    }
}
