using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.ListConversations;

public sealed class ListConversationsHandler(ConversationsDbContext db, ITenantContext caller)
    : IRequestHandler<ListConversationsRequest, Result<PageResponse<ConversationResponse>>>
{
    public async Task<Result<PageResponse<ConversationResponse>>> Handle(ListConversationsRequest request, CancellationToken cancellationToken)
    {
        // Visitors' conversations belong to no user of the tenant: only owners and admins list them all; a visitor (no
        // role) lists its own, which are all the widget's.
        var tenantWide = request.AllUsers || (request.Channel == ConversationChannels.Widget && !request.Visitor);
        if (tenantWide && !ConversationAccess.IsTenantAdmin(caller.Roles))
        {
            return ConversationErrors.TenantListForbidden;
        }
        var query = db.Conversations.AsNoTracking().Where(c => c.DeletedAt == null);
        if (!tenantWide)
        {
            query = query.Where(c => c.UserId == caller.UserId);
        }
        if (request.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }
        if (request.Visitor)
        {
            query = query.Where(c => c.Channel == ConversationChannels.Widget);
        }
        var rows = await query
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize + 1)
            .Select(ConversationResponse.Projection)
            .ToListAsync(cancellationToken);
        return PageResponse<ConversationResponse>.FromOverfetched(rows, request.Page, request.PageSize);
    }
}
