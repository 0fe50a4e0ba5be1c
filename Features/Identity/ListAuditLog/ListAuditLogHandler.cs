using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.ListAuditLog;

public sealed class ListAuditLogHandler(IdentityDbContext db) : IRequestHandler<ListAuditLogRequest, Result<PageResponse<ListAuditLogItem>>>
{
    public async Task<Result<PageResponse<ListAuditLogItem>>> Handle(ListAuditLogRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.AuditLog.AsNoTracking()
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .Select(a => new ListAuditLogItem(a.Id, a.Action, a.ActorId, a.UserId, a.Ip, a.UserAgent, a.Detail, a.CreatedAt))
            .ToListAsync(cancellationToken);
        return PageResponse<ListAuditLogItem>.FromOverfetched(rows, request.Page, request.PageSize);
    }
}
